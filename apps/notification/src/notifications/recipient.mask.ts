/**
 * An address as logs may show it: the first character of the mailbox and the domain, so an operator can
 * tell deliveries apart without the log holding personal data. The star count never reveals the length.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** A mobile number as logs may show it: its carrier prefix and last two digits (0961234567 → 096*****67). */
export const maskPhone = (phone: string): string => (phone.length < 6 ? '***' : `${phone.slice(0, 3)}*****${phone.slice(-2)}`);

/** A message's recipient as logs and operators may see it. */
export const maskRecipient = (n: { channel: string; recipient: string }): string => (n.channel === 'SMS' ? maskPhone(n.recipient) : maskEmail(n.recipient));

/** Masks every occurrence of a message's recipient inside a text (a relay's error may quote it). */
export const maskRecipientIn = (text: string, n: { channel: string; recipient: string }): string => text.split(n.recipient).join(maskRecipient(n));
