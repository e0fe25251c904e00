import { isServiceCode } from './services';

describe('service codes', () => {
  it.each(['tra-cuu-ho-so', 'a', 'v2-lookup', 'x'.repeat(64)])('accepts %s', (code) => {
    expect(isServiceCode(code)).toBe(true);
  });

  it.each(['', 'TraCuuHoSo', '-lookup', 'lookup-', 'tra--cuu', '2fa', 'tra_cuu', 'a/b', '*', 'x'.repeat(65)])('refuses %p', (code) => {
    expect(isServiceCode(code)).toBe(false);
  });
});
