/**
 * The envelope every DVCQG-style call answers with, always over HTTP 200: 0 is success, -1 a refused
 * request, -2 an invalid session.
 */
export type LegacyAnswer =
  | { error_code: 0; message?: string; session?: string; result?: unknown }
  | { error_code: -1 | -2; message: string };

export const legacyRefused = (message: string): LegacyAnswer => ({ error_code: -1, message });
export const LEGACY_INVALID_SESSION: LegacyAnswer = { error_code: -2, message: 'Phiên làm việc không hợp lệ' };
export const LEGACY_SUCCESS: LegacyAnswer = { error_code: 0, message: 'Thành công' };
