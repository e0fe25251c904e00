/**
 * An address as logs may show it: the first character of the mailbox and the domain, so an operator can
 * tell deliveries apart without the log holding personal data. The star count never reveals the length.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** Masks every occurrence of an address inside a text (an SMTP error may quote the recipient). */
export const maskEmailIn = (text: string, address: string): string => text.split(address).join(maskEmail(address));
