import { SignatureSchemeName, sign, verify } from './signature-scheme';

/**
 * The messages of the portal's payment platform (version 1.0.6) and the fields each checksum (`MaXacThuc`) covers, in
 * their order (DOMAIN.md): the request to pay (INIT), the platform's callback and the answer echoed to it, and the
 * look-ups of a payment's state (QUERY) and of its receipt (GET_BILL). Banks and intermediaries connected the same way
 * send the same messages, signed with their own scheme (HMAC-SHA256 or HMAC-SHA1 with the partner key) over the same
 * fields: every function takes the scheme, the platform's own by default.
 */
const PLATFORM_SCHEME: SignatureSchemeName = 'sha256-secret-suffix';

export const PLATFORM_SIGNED_FIELDS = {
  INIT: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'LoaiHinhThanhToan', 'MaKenhThanhToan', 'MaThietBi', 'NgonNgu', 'MaTienTe', 'MaNganHang', 'ThongTinGiaoDich', 'ThoiGianGD', 'Ip'],
  CALLBACK: ['LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'MaTienTe', 'MaGiaoDich', 'MaNganHang', 'ThoiGianGD', 'ThongTinGiaoDich'],
  CALLBACK_ANSWER: ['MaLoi', 'MoTaLoi', 'MaDoiTac', 'ThoiGianGD'],
  QUERY: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
  GET_BILL: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
} as const;

export type PlatformMessageKind = keyof typeof PLATFORM_SIGNED_FIELDS;
/** A message as sent or received: field name → value (amounts as integer đồng, written in decimal). */
export type PlatformMessage = Readonly<Record<string, string | number | undefined>>;

export const CHECKSUM_FIELD = 'MaXacThuc';

export class UnsignableMessageError extends Error {
  constructor(readonly kind: PlatformMessageKind, readonly missing: string[]) {
    super(`a ${kind} message without ${missing.join(', ')} cannot be signed`);
  }
}

/** The values the checksum of a `kind` message covers, in order; a field it lacks makes it unsignable. */
function signedValues(kind: PlatformMessageKind, message: PlatformMessage): string[] {
  const fields = PLATFORM_SIGNED_FIELDS[kind];
  const missing = fields.filter((field) => message[field] === undefined);
  if (missing.length > 0) throw new UnsignableMessageError(kind, missing);
  return fields.map((field) => String(message[field]));
}

/** The `MaXacThuc` of a message, with the partner's secret key. */
export function platformChecksum(kind: PlatformMessageKind, message: PlatformMessage, secret: string, scheme = PLATFORM_SCHEME): string {
  return sign(scheme, signedValues(kind, message), secret);
}

/** The message with its `MaXacThuc`. */
export function signPlatformMessage<M extends PlatformMessage>(kind: PlatformMessageKind, message: M, secret: string, scheme = PLATFORM_SCHEME): M & { MaXacThuc: string } {
  return { ...message, [CHECKSUM_FIELD]: platformChecksum(kind, message, secret, scheme) } as M & { MaXacThuc: string };
}

/**
 * Whether a received message carries the checksum its fields and the secret give. A message without a checksum, or
 * without one of the fields the checksum covers, is not authentic.
 */
export function isAuthenticPlatformMessage(kind: PlatformMessageKind, message: PlatformMessage, secret: string, scheme = PLATFORM_SCHEME): boolean {
  const checksum = message[CHECKSUM_FIELD];
  if (typeof checksum !== 'string') return false;
  try {
    return verify(scheme, signedValues(kind, message), secret, checksum);
  } catch (error) {
    if (error instanceof UnsignableMessageError) return false;
    throw error;
  }
}
