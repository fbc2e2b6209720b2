/**
 * Addresses at domains reserved for testing and documentation (RFC 2606, RFC 6761): no one can
 * receive mail there, so showing such a mail to others gives no one's account away. The demo
 * fair's people live at *.demo.fairground.test. In demo mode these are the only mails the
 * outbox shows to visitors; a real address's mail stays with its owner.
 */
export const RESERVED_DOMAIN_PATTERN = '(^|\\.)(example\\.(com|net|org)|test|example|invalid|localhost)$';
const RESERVED_DOMAIN = new RegExp(RESERVED_DOMAIN_PATTERN, 'i');

export function isReservedAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  return at >= 0 && RESERVED_DOMAIN.test(email.slice(at + 1));
}
