import { containsUnstorable } from './reject-unstorable';

describe('characters PostgreSQL cannot store', () => {
  it.each([
    ['a NUL in a string', 'a\u0000b'],
    ['a lone high surrogate', 'Nguy\ud83d'],
    ['a lone low surrogate', '\ude00 start'],
    ['a lone surrogate deep in a body', { applicant: { names: ['ok', 'bad \ud83d'] } }],
    ['a lone surrogate in a key', { ['k\ud83d']: 1 }],
  ])('finds %s', (_, value) => expect(containsUnstorable(value)).toBe(true));

  it.each([
    ['Vietnamese with diacritics', 'Đăng ký khai sinh'],
    ['a paired surrogate (an emoji)', 'hồ sơ 😀'],
    ['numbers, booleans and null', { a: 1, b: true, c: null }],
  ])('accepts %s', (_, value) => expect(containsUnstorable(value)).toBe(false));
});
