import { maskEmail, maskPhone, maskRecipientIn } from './recipient.mask';

describe('maskEmail', () => {
  it.each([
    ['an.nguyen@example.vn', 'a***@example.vn'],
    ['a@example.vn', 'a***@example.vn'],
    ['x.y@sub.gov.vn', 'x***@sub.gov.vn'],
    ['not-an-address', '***'],
    ['@example.vn', '***'],
  ])('%s → %s', (address, masked) => {
    expect(maskEmail(address)).toBe(masked);
  });

  it('never reveals the length of the mailbox', () => {
    expect(maskEmail('a.very.long.mailbox@example.vn')).toHaveLength('a***@example.vn'.length);
  });

  it('masks the address wherever an error quotes it', () => {
    expect(maskRecipientIn('550 5.1.1 <an.nguyen@example.vn>: mailbox an.nguyen@example.vn unavailable', { channel: 'EMAIL', recipient: 'an.nguyen@example.vn' })).toBe(
      '550 5.1.1 <a***@example.vn>: mailbox a***@example.vn unavailable',
    );
  });
});

describe('maskPhone', () => {
  it('keeps the carrier prefix and the last two digits of a number, in a text too', () => {
    expect(maskPhone('0961234567')).toBe('096*****67');
    expect(maskRecipientIn('number 0961234567 is not served', { channel: 'SMS', recipient: '0961234567' })).toBe('number 096*****67 is not served');
  });
});
