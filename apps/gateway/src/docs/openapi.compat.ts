import { DVCQG_COMPAT_PATH } from '../oauth/dvcqg-login.controller';
import { Permission } from '../registry/permissions';
import * as ex from './openapi.examples';
import { Example } from './openapi.examples';
import { json, OpenApiDocument, Operation, problemResponses } from './openapi.operations';
import { JsonSchema } from './openapi.schemas';

/** The DVCQG dialect of the national portal as the gateway serves it: the login and the three calls, documented. */

export const COMPAT_TAG = 'DVCQG compatibility';
const H56_DOSSIER = '000.00.06.H56-261123-0001';
const SESSION = 'eyJhbGciOiJFUzI1NiIsImtpZCI6IjIwMjYtMTEifQ.eyJzdWIiOiJWTi9HT1YvMDAwLjAwLjAwLkg1Ni9NT1RDVUEifQ.c2lnbmF0dXJl';
const text = (description: string): JsonSchema => ({ type: 'string', description });
const flexible = (description: string): JsonSchema => ({ type: ['integer', 'string', 'boolean'], description });

export const COMPAT_SCHEMAS: Record<string, JsonSchema> = {
  DvcqgLogin: {
    type: 'object',
    properties: { username: text('The system id'), password: text('A client secret of the system') },
    required: ['username', 'password'],
  },
  DvcqgCall: {
    type: 'object',
    description: 'The fields the dialect defines (DOMAIN.md); every other field of a record is kept as sent',
    properties: {
      session: text('What the login answered; instead, the call may carry any credential of the canonical API'),
      madonvi: text('The unit code of the sending one-stop office'),
      service: text('The call, repeated'),
      isUpdating: flexible('DongBoHoSoMC: true (or "true", 1, "1") updates dossiers, else creates them'),
      data: { type: 'array', minItems: 1, items: { type: 'object', properties: { MaHoSo: text('The dossier code') }, required: ['MaHoSo'] } },
      MaHoSo: text('TraCuuHoSo: the dossier code'),
    },
  },
  DvcqgAnswer: {
    type: 'object',
    description: 'Always HTTP 200: error_code 0 done, -1 refused (message says why), -2 the session is not valid (log in again). A refusal by the gateway carries its problem.',
    properties: {
      error_code: { enum: [0, -1, -2] },
      message: { type: 'string' },
      session: { type: 'string' },
      expires_in: { type: 'integer', description: 'Seconds the session is valid for' },
      result: {},
      problem: { $ref: '#/components/schemas/Problem' },
    },
    required: ['error_code'],
  },
};

const answered = (summary: string, value: unknown): Example => ({ summary, value });
const SUCCESS = answered('Done', { error_code: 0, message: 'Thành công' });
const EXISTS = answered('A create of a code held: the client retries as an update', { error_code: -1, message: `Hồ sơ ${H56_DOSSIER} đã tồn tại` });
const INVALID_SESSION = answered('No valid session: the client logs in again', {
  error_code: -2,
  message: 'Phiên làm việc không hợp lệ',
  problem: { type: 'https://lienthong.gov.vn/problems/invalid-credentials', title: 'The credentials are not valid', status: 401, detail: 'the access token is not valid (expired)' },
});
const NOT_GRANTED = answered('A dossier of a province the caller holds no grant for', {
  error_code: -1,
  message: 'VN/GOV/000.00.00.H56/MOTCUA holds no dossier:submit grant for province H26',
  problem: { type: 'https://lienthong.gov.vn/problems/not-granted', title: 'The calling system is not granted this call', status: 403, permission: 'dossier:submit', scope: 'H26' },
});

const record = { MaHoSo: H56_DOSSIER, MaTTHC: '1.001234', TenTTHC: 'Đăng ký khai sinh', ChuHoSo: 'Nguyễn Văn An', NgayNopHoSo: '20261123081500', TrangThaiHoSo: '1' };
const step = { MaHoSo: H56_DOSSIER, NguoiXuLy: 'Lê Thị Bình', ChucDanh: 'Chuyên viên', ThoiDiemXuLy: '20261123091500', NoiDungXuLy: 'Thẩm định hồ sơ', TrangThai: '4' };
const withSession = (call: Record<string, unknown>) => ({ session: SESSION, madonvi: '000.00.06.H56', ...call });

/** One call of the dialect: its body, and the answers it can give (refusals included, over HTTP 200). */
function dialectCall(service: string, permission: Permission, summary: string, request: Example, answers: Example[]): Operation {
  return {
    operationId: `dvcqg${service}`,
    summary,
    description:
      `Needs a grant of \`${permission}\` covering the province of every dossier code the call names (a call spanning provinces needs a grant everywhere). ` +
      'The session travels in the body; any credential of the canonical API works as well. Refusals are HTTP 200 with an error_code, as the dialect answers; a failing providing service stays a 5xx, so that clients retry.',
    tags: [COMPAT_TAG],
    security: [{ apiKey: [] }, { oauth2: [] }, { bearerToken: [] }, { mutualTLS: [] }],
    requestBody: { required: true, content: json('DvcqgCall', { call: request }) },
    responses: {
      '200': { description: 'The answer in the dialect', content: json('DvcqgAnswer', Object.fromEntries(answers.map((a, i) => [`answer${i + 1}`, a]))) },
      ...problemResponses(['upstreamUnavailable', 'upstreamTimeout']),
    },
  };
}

export const COMPAT_PATHS: OpenApiDocument['paths'] = {
  [`${DVCQG_COMPAT_PATH}/login`]: {
    post: {
      operationId: 'dvcqgLogin',
      summary: 'Log in the way one-stop software does: the session is an access token',
      description: 'username is the system id, password a client secret (as for POST /oauth/token). Always HTTP 200.',
      tags: [COMPAT_TAG],
      security: [{}],
      requestBody: { required: true, content: json('DvcqgLogin', { login: { summary: "Thanh Hoá's one-stop software", value: { username: 'VN/GOV/000.00.00.H56/MOTCUA', password: 'a client secret' } } }) },
      responses: {
        '200': {
          description: 'A session, or a refusal',
          content: json('DvcqgAnswer', {
            loggedIn: answered('Logged in', { error_code: 0, message: 'Thành công', session: SESSION, expires_in: 300 }),
            refused: answered('Wrong username or password', { error_code: -1, message: 'Sai tên đăng nhập hoặc mật khẩu' }),
          }),
        },
      },
    },
  },
  [`${DVCQG_COMPAT_PATH}/DongBoHoSoMC`]: {
    post: dialectCall('DongBoHoSoMC', Permission.SubmitDossier, 'Create dossiers, or update them with isUpdating', answered('One dossier, created', withSession({ service: 'DongBoHoSoMC', isUpdating: 'false', data: [record] })), [SUCCESS, EXISTS, INVALID_SESSION, NOT_GRANTED]),
  },
  [`${DVCQG_COMPAT_PATH}/CapNhatTienDoHoSoMC`]: {
    post: dialectCall('CapNhatTienDoHoSoMC', Permission.UpdateDossierStatus, 'Record processing steps of dossiers', answered('One step, starting the appraisal', withSession({ service: 'CapNhatTienDoHoSoMC', data: [step] })), [SUCCESS, INVALID_SESSION]),
  },
  [`${DVCQG_COMPAT_PATH}/TraCuuHoSo`]: {
    post: dialectCall('TraCuuHoSo', Permission.ReadDossier, 'Look a dossier up by its code', answered('By code', withSession({ service: 'TraCuuHoSo', MaHoSo: H56_DOSSIER })), [ex.legacyDossierFound, ex.legacyDossierUnknown, INVALID_SESSION]),
  },
};
