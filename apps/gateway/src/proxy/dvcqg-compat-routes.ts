import { HttpStatus } from '@nestjs/common';
import { isRecord, LEGACY_INVALID_SESSION, legacyRefused } from '@lienthong/domain-dossier';
import type { ProblemDetails } from '@lienthong/platform-http';
import { DVCQG_COMPAT_PATH } from '../oauth/dvcqg-login.controller';
import { Permission } from '../registry/permissions';
import { provinceOfAll } from './dossier-scope';
import type { ProxyRoute, RouteDialect, RoutedCall } from './proxy-routes';

/** The dossier codes a call names: MaHoSo of each record in data (DongBoHoSoMC, CapNhatTienDoHoSoMC), or its own (TraCuuHoSo). */
function dossierCodesOf(body: Record<string, unknown>): unknown[] {
  if (Array.isArray(body.data)) return body.data.map((item) => (isRecord(item) ? item.MaHoSo : undefined));
  return [body.MaHoSo];
}

/**
 * The province a DVCQG call's data lives in: the one every dossier code it names and its madonvi belong to. A call
 * that spans provinces, or names none, has no province, and only a grant everywhere covers it.
 */
export const provinceOfLegacyCall = ({ body }: RoutedCall): string | undefined => (isRecord(body) ? provinceOfAll(dossierCodesOf(body), [body.madonvi]) : undefined);

/**
 * The dialect of one-stop software written for the national portal: the access token travels in the body as the
 * session an earlier login gave (…/compat/dvcqg/login), and every answer, refusals too, is HTTP 200 with an error_code
 * that such clients read: -2 sends them back to log in, -1 tells them why not. The refusal keeps its problem for
 * whoever reads more. 5xx stay 5xx, so that clients retry what the backbone never took.
 */
export const DVCQG_DIALECT: RouteDialect = {
  credentialOf: (body) => (isRecord(body) && typeof body.session === 'string' && body.session !== '' ? body.session : undefined),
  forwarded: (body) => (isRecord(body) ? Object.fromEntries(Object.entries(body).filter(([field]) => field !== 'session')) : body),
  refusal: (problem: ProblemDetails) => {
    const answer = problem.status === HttpStatus.UNAUTHORIZED ? LEGACY_INVALID_SESSION : legacyRefused(problem.detail ?? problem.title);
    return { ...answer, problem };
  },
};

const compatRoute = (service: string, permission: Permission): ProxyRoute => ({
  method: 'POST',
  path: `${DVCQG_COMPAT_PATH}/${service}`,
  permission,
  scopeOf: provinceOfLegacyCall,
  upstream: 'intake',
  upstreamPath: () => `/compat/dvcqg/${service}`,
  dialect: DVCQG_DIALECT,
});

/** The national portal's DVCQG calls, served by intake: a province's one-stop software points at the gateway unchanged. */
export const DVCQG_COMPAT_ROUTES: ProxyRoute[] = [
  compatRoute('DongBoHoSoMC', Permission.SubmitDossier),
  compatRoute('CapNhatTienDoHoSoMC', Permission.UpdateDossierStatus),
  compatRoute('TraCuuHoSo', Permission.ReadDossier),
];
