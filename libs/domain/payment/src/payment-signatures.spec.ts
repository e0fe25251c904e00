import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAuthenticPlatformMessage, PLATFORM_SIGNED_FIELDS, PlatformMessage, PlatformMessageKind, platformChecksum, signPlatformMessage, UnsignableMessageError } from './platform-messages';
import { SignatureSchemeName, sign, verify } from './signature-scheme';

/** The lines of a vector file that are vectors (comments and definitions left out). */
const vectorLines = (file: string, pattern: RegExp) =>
  readFileSync(join(__dirname, '..', 'fixtures', file), 'utf8')
    .split('\n')
    .map((line) => pattern.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);

// e.g. QUERY: sha256_hex('QUERY|1.0.6|…|TEST_SECRET') = bea6…
const PLATFORM_VECTORS = vectorLines('payment-checksum-vectors.txt', /^(\w+)(?:\([^)]*\))?: sha256_hex\('(.*)'\) = ([0-9a-f]{64})$/).map(([, kind, joined, checksum]) => {
  const values = joined.split('|');
  return { kind: kind as PlatformMessageKind, fields: values.slice(0, -1), secret: values[values.length - 1], checksum };
});
// e.g. hmac-sha256: key 'K' fields 'a|b' = 1b58…
const HMAC_VECTORS = vectorLines('hmac-vectors.txt', /^(hmac-sha\d+): key '(.*)' fields '(.*)' = ([0-9a-f]+)$/).map(([, scheme, key, joined, signature]) => ({
  scheme: scheme as SignatureSchemeName,
  key,
  fields: joined.split('|'),
  signature,
}));

const SECRET = 'TEST_SECRET';
const REFERENCE = 'dvc0000006H56231027036120231027103000';
const checksumOf = (kind: PlatformMessageKind) => PLATFORM_VECTORS.find((v) => v.kind === kind)!.checksum;

/** The vectors' messages by field name, the fields deliberately in another order than the checksum's. */
const MESSAGES: Record<'INIT' | 'QUERY' | 'GET_BILL' | 'CALLBACK', PlatformMessage> = {
  INIT: {
    Ip: '10.0.0.5',
    ThoiGianGD: '20231027103000',
    ThongTinGiaoDich: 'THANH TOAN HO SO 000.00.06.H56-231027-0361',
    MaNganHang: 'PAYMENT',
    MaTienTe: 'VND',
    NgonNgu: 'vi-VN',
    MaThietBi: '1',
    MaKenhThanhToan: '1',
    LoaiHinhThanhToan: 'PAY',
    SoTien: 150000,
    MaThamChieu: REFERENCE,
    MaDoiTac: 'PARTNER01',
    PhienBan: '1.0.6',
    LoaiBanTin: 'INIT',
  },
  QUERY: { ThoiGianGD: '20231027103000', MaThamChieu: REFERENCE, MaDoiTac: 'PARTNER01', PhienBan: '1.0.6', LoaiBanTin: 'QUERY' },
  GET_BILL: { MaThamChieu: REFERENCE, LoaiBanTin: 'GET_BILL', ThoiGianGD: '20231027103000', PhienBan: '1.0.6', MaDoiTac: 'PARTNER01' },
  CALLBACK: {
    ThongTinGiaoDich: 'THANH TOAN HO SO 000.00.06.H56-231027-0361',
    ThoiGianGD: '20231027103512',
    MaNganHang: 'VCB',
    MaGiaoDich: 'GD123456',
    MaTienTe: 'VND',
    SoTien: 150000,
    MaThamChieu: REFERENCE,
    MaDoiTac: 'PARTNER01',
    MaLoi: '00',
    LoaiBanTin: 'CONFIRM_PLACEHOLDER',
  },
};

describe('the payment platform checksum (MaXacThuc, version 1.0.6)', () => {
  it('reads every vector of the fixture: INIT, QUERY, GET_BILL and the callback', () => {
    expect(PLATFORM_VECTORS.map((v) => v.kind).sort()).toEqual(['CALLBACK', 'GET_BILL', 'INIT', 'QUERY']);
  });

  it.each(PLATFORM_VECTORS)('$kind: SHA-256 of the fields joined by | and |secret', ({ fields, secret, checksum }) => {
    expect(sign('sha256-secret-suffix', fields, secret)).toBe(checksum);
  });

  it.each(Object.entries(MESSAGES))('%s: the fields of a message, by name, taken in the checksum order', (kind, message) => {
    const checksum = checksumOf(kind as PlatformMessageKind);
    expect(platformChecksum(kind as PlatformMessageKind, message, SECRET)).toBe(checksum);
    expect(signPlatformMessage(kind as PlatformMessageKind, message, SECRET).MaXacThuc).toBe(checksum);
  });

  it('finds an authentic callback authentic, in either case of hex', () => {
    const callback = { ...MESSAGES.CALLBACK, MaXacThuc: checksumOf('CALLBACK') };
    expect(isAuthenticPlatformMessage('CALLBACK', callback, SECRET)).toBe(true);
    expect(isAuthenticPlatformMessage('CALLBACK', { ...callback, MaXacThuc: callback.MaXacThuc.toUpperCase() }, SECRET)).toBe(true);
  });

  it.each([
    ['a tampered amount', { SoTien: 1500000 }],
    ['another reference', { MaThamChieu: `${REFERENCE}1` }],
    ['a failure code turned into success', { MaLoi: '01' }],
    ['no checksum', { MaXacThuc: undefined }],
    ['a checksum that is no hex', { MaXacThuc: 'z'.repeat(64) }],
    ['a truncated checksum', { MaXacThuc: '1acd09daba0be585' }],
    ['a field missing', { MaGiaoDich: undefined }],
  ])('refuses a callback with %s', (_, change) => {
    const callback = { ...MESSAGES.CALLBACK, MaXacThuc: checksumOf('CALLBACK'), ...change };
    expect(isAuthenticPlatformMessage('CALLBACK', callback, SECRET)).toBe(false);
  });

  it('refuses a callback signed with another secret', () => {
    const forged = signPlatformMessage('CALLBACK', MESSAGES.CALLBACK, 'GUESSED_SECRET');
    expect(isAuthenticPlatformMessage('CALLBACK', forged, SECRET)).toBe(false);
  });

  it('will not sign a message that lacks a field the checksum covers, and names it', () => {
    const withoutIp = { ...MESSAGES.INIT, Ip: undefined };
    expect(() => platformChecksum('INIT', withoutIp, SECRET)).toThrow(UnsignableMessageError);
    expect(() => platformChecksum('INIT', withoutIp, SECRET)).toThrow(/without Ip/);
  });

  it('signs the answer to a callback over MaLoi, MoTaLoi, MaDoiTac and ThoiGianGD', () => {
    const answer = { MaLoi: '00', MoTaLoi: 'Thành công', MaDoiTac: 'PARTNER01', ThoiGianGD: '20231027103513' };
    expect(platformChecksum('CALLBACK_ANSWER', answer, SECRET)).toBe(sign('sha256-secret-suffix', ['00', 'Thành công', 'PARTNER01', '20231027103513'], SECRET));
  });
});

describe('HMAC signatures of banks and intermediaries', () => {
  it('reads three vectors of each scheme', () => {
    expect(HMAC_VECTORS.filter((v) => v.scheme === 'hmac-sha256')).toHaveLength(3);
    expect(HMAC_VECTORS.filter((v) => v.scheme === 'hmac-sha1')).toHaveLength(3);
  });

  it.each(HMAC_VECTORS)('$scheme over $fields.length fields', ({ scheme, key, fields, signature }) => {
    expect(sign(scheme, fields, key)).toBe(signature);
    expect(verify(scheme, fields, key, signature)).toBe(true);
  });

  it.each(HMAC_VECTORS)('$scheme refuses a changed field, a changed signature and another key', ({ scheme, key, fields, signature }) => {
    expect(verify(scheme, [...fields.slice(0, -1), `${fields[fields.length - 1]}0`], key, signature)).toBe(false);
    expect(verify(scheme, fields, key, `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(verify(scheme, fields, `${key}x`, signature)).toBe(false);
  });

  it('does not take one scheme for another: the same fields and key sign differently', () => {
    const fields = ['00', 'PARTNER02', REFERENCE, '150000'];
    const signatures = (['sha256-secret-suffix', 'hmac-sha256', 'hmac-sha1'] as const).map((scheme) => sign(scheme, fields, 'PARTNER_KEY_02'));
    expect(new Set(signatures).size).toBe(3);
    expect(verify('hmac-sha256', fields, 'PARTNER_KEY_02', signatures[0])).toBe(false);
  });
});

describe('platform messages signed by a bank or an intermediary', () => {
  it('signs the same fields, in the same order, with the HMAC of the provider', () => {
    const fields = PLATFORM_SIGNED_FIELDS.CALLBACK.map((field) => String(MESSAGES.CALLBACK[field]));
    const signed = signPlatformMessage('CALLBACK', MESSAGES.CALLBACK, 'PARTNER_KEY_02', 'hmac-sha1');
    expect(signed.MaXacThuc).toBe(sign('hmac-sha1', fields, 'PARTNER_KEY_02'));
    expect(isAuthenticPlatformMessage('CALLBACK', signed, 'PARTNER_KEY_02', 'hmac-sha1')).toBe(true);
    // the platform's scheme does not accept it, nor does another HMAC
    expect(isAuthenticPlatformMessage('CALLBACK', signed, 'PARTNER_KEY_02')).toBe(false);
    expect(isAuthenticPlatformMessage('CALLBACK', signed, 'PARTNER_KEY_02', 'hmac-sha256')).toBe(false);
  });
});
