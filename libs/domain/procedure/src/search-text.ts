/**
 * Text folded for search: lower case, without diacritics (Vietnamese đ has no decomposition, so it is mapped by
 * hand), spaces collapsed; "Đăng ký khai sinh" and "dang ky khai sinh" fold alike.
 */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The words of a search, folded; a procedure matches when its text holds every one. */
export const searchWordsOf = (query: string): string[] => [...new Set(foldForSearch(query).split(' ').filter(Boolean))];
