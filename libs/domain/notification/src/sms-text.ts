/** What an SMS may carry: plain ASCII, so that every carrier's GSM 7-bit encoding takes it and no text is lost. */
const UNSENDABLE = /[^\x20-\x7e]/g;

/**
 * Vietnamese text as SMS carry it: without diacritics ("Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan"), đ as d,
 * dashes and quotes in their ASCII forms, whitespace collapsed, and anything else that is not printable ASCII dropped.
 */
export function toSmsText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[–—]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s/g, ' ')
    .replace(UNSENDABLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Characters one SMS segment holds in GSM 7-bit; a longer text goes in segments of 153 (the rest is the joining header). */
const SINGLE_SEGMENT = 160;
const JOINED_SEGMENT = 153;

export const smsSegments = (text: string): number => (text.length <= SINGLE_SEGMENT ? 1 : Math.ceil(text.length / JOINED_SEGMENT));
