import { foldForSearch, searchWordsOf } from './search-text';

describe('search text', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['  Cấp   GIẤY PHÉP  ', 'cap giay phep'],
    ['Thủ tục đổi, cấp lại', 'thu tuc doi, cap lai'],
    // precomposed and decomposed forms of the same text fold alike
    ['Ho\u0302\u0300 so\u031b', 'ho so'],
  ])('%j folds to %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('splits a query into folded words, each once', () => {
    expect(searchWordsOf(' Giấy phép giay  ')).toEqual(['giay', 'phep']);
    expect(searchWordsOf('   ')).toEqual([]);
  });
});
