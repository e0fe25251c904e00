import { generateKeyPair, decodeJwt, decodeProtectedHeader, importJWK, SignJWT, KeyLike } from 'jose';
import { DataSource } from 'typeorm';
import { demoApiKeyOf, demoSecretFor, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { GatewayEnv } from '../src/config';
import { openPrivateKey } from '../src/oauth/key-sealing';
import { FakeUpstream, lastClient, startFakeUpstream } from './fake-upstream.support';

const SECRET = 'gateway-oauth-int-spec';
const OPERATOR = { 'x-api-key': demoApiKeyOf(SECRET, OPERATOR_SYSTEM) };
const CODE = '000.00.06.H56-261123-0001';
const ISSUER = 'https://gateway.lienthong.local';
const clientSecretOf = (system: string) => demoSecretFor(SECRET, `client-secret:${system}`);
const jwksKeys = (body: unknown) => (body as { keys: { kid: string; d?: string }[] }).keys;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}` });

async function formPost(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe('gateway: OAuth2 client credentials, signed access tokens, JWKS and key rotation (real PostgreSQL and Redis)', () => {
  let upstream: FakeUpstream;
  let gateway: TestApp;
  let second: TestApp;
  let env: NodeJS.ProcessEnv;
  const start = (overrides: Record<string, string> = {}) => startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...env, ...overrides })), GATEWAY_BODIES);
  const tokenOf = async (base: string, system: string) => {
    const res = await formPost(`${base}/oauth/token`, { grant_type: 'client_credentials', client_id: system, client_secret: clientSecretOf(system) });
    expect(res.status).toBe(200);
    return String(res.body.access_token);
  };
  const readDossier = (base: string, headers: Record<string, string>) => request(`${base}/v1/dossiers/${CODE}`, { headers });

  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 200, body: { code: CODE } }));
    env = { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: upstream.url, CATALOGUE_URL: upstream.url, GATEWAY_SIGNING_KEY_RELOAD_MS: '1000' };
    // two instances booting together: the advisory lock lets only one of them create the first signing key
    [gateway, second] = await Promise.all([start(), start()]);
  }, 90000);

  afterAll(async () => {
    await Promise.all([gateway?.close(), second?.close()]);
    await upstream?.close();
  });

  it('issues a token by form, by HTTP Basic and by JSON, never cached', async () => {
    const form = await formPost(`${gateway.baseUrl}/oauth/token`, { grant_type: 'client_credentials', client_id: NATIONAL_PORTAL_SYSTEM, client_secret: clientSecretOf(NATIONAL_PORTAL_SYSTEM) });
    expect(form.status).toBe(200);
    expect(form.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 300 });
    expect(form.headers.get('cache-control')).toBe('no-store');
    const token = String(form.body.access_token);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: expect.any(String), typ: 'at+jwt' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: ISSUER, sub: NATIONAL_PORTAL_SYSTEM, aud: 'lienthong', jti: expect.any(String) });
    expect(claims.exp! - claims.iat!).toBe(300);

    const viaBasic = await formPost(`${gateway.baseUrl}/oauth/token`, { grant_type: 'client_credentials' }, basic(NATIONAL_PORTAL_SYSTEM, clientSecretOf(NATIONAL_PORTAL_SYSTEM)));
    expect(viaBasic.status).toBe(200);
    const viaJson = await request(`${gateway.baseUrl}/oauth/token`, { body: { grant_type: 'client_credentials', client_id: oneStopSystemOf('H56'), client_secret: clientSecretOf(oneStopSystemOf('H56')) } });
    expect(viaJson.status).toBe(200);
    expect(decodeJwt(String(viaJson.body.access_token)).sub).toBe(oneStopSystemOf('H56'));
    expect(decodeJwt(String(viaBasic.body.access_token)).jti).not.toBe(claims.jti);
  });

  it('lets a token through on a granted route and refuses it on an ungranted one', async () => {
    const token = await tokenOf(gateway.baseUrl, NATIONAL_PORTAL_SYSTEM);
    const granted = await readDossier(gateway.baseUrl, bearer(token));
    expect(granted.status).toBe(200);
    expect(lastClient(upstream)).toBe(NATIONAL_PORTAL_SYSTEM);
    const ungranted = await request(`${gateway.baseUrl}/v1/dossiers/${CODE}/status`, { headers: bearer(token), body: { status: 4 } });
    expect(ungranted.status).toBe(403);
    expect(ungranted.body).toMatchObject({ permission: 'dossier:update-status' });
  });

  it('answers refusals in the RFC 6749 form', async () => {
    const url = `${gateway.baseUrl}/oauth/token`;
    const wrong = await formPost(url, { grant_type: 'client_credentials', client_id: NATIONAL_PORTAL_SYSTEM, client_secret: 'lt_wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'invalid_client' });
    expect(wrong.headers.get('cache-control')).toBe('no-store');
    const wrongBasic = await formPost(url, { grant_type: 'client_credentials' }, basic(NATIONAL_PORTAL_SYSTEM, 'lt_wrong'));
    expect(wrongBasic.status).toBe(401);
    expect(wrongBasic.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await formPost(url, { grant_type: 'client_credentials', client_id: 'VN/GOV/NOBODY/X', client_secret: 'x' })).body).toMatchObject({ error: 'invalid_client' });
    expect((await formPost(url, { grant_type: 'client_credentials' })).status).toBe(401);
    const password = await formPost(url, { grant_type: 'password', client_id: NATIONAL_PORTAL_SYSTEM, client_secret: clientSecretOf(NATIONAL_PORTAL_SYSTEM) });
    expect(password).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await formPost(url, { client_id: NATIONAL_PORTAL_SYSTEM })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await formPost(url, { grant_type: 'client_credentials', surprise: 'x' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('accepts form bodies only on the token endpoint', async () => {
    const form = await formPost(`${gateway.baseUrl}/v1/dossiers`, { agencyCode: '000.00.06.H56' }, { 'x-api-key': demoApiKeyOf(SECRET, NATIONAL_PORTAL_SYSTEM) });
    expect(form.status).toBe(415);
    expect((await request(`${gateway.baseUrl}/oauth/token`, { headers: { 'content-type': 'text/plain' }, body: 'grant_type=client_credentials' })).status).toBe(415);
  });

  it('refuses expired, forged, unsigned, wrong-audience and malformed tokens with 401 problem+json', async () => {
    const { kid } = decodeProtectedHeader(await tokenOf(gateway.baseUrl, NATIONAL_PORTAL_SYSTEM));
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: ISSUER, sub: NATIONAL_PORTAL_SYSTEM, aud: 'lienthong', iat: now, exp: now + 300, jti: 'forged' };
    const sign = (key: KeyLike, payload: Record<string, unknown>) => new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' }).sign(key);

    const foreign = await generateKeyPair('ES256');
    // the real key, opened as an instance does: only the audience is wrong
    const [row] = await gateway.app.get(DataSource).query(`SELECT sealed_private_jwk FROM signing_keys WHERE kid = $1`, [kid]);
    const encryptionKey = Buffer.from(loadConfig(GatewayEnv, env).GATEWAY_KEY_ENCRYPTION_KEY, 'base64');
    const real = (await importJWK(JSON.parse(openPrivateKey(encryptionKey, kid!, row.sealed_private_jwk)), 'ES256')) as KeyLike;
    expect((await readDossier(gateway.baseUrl, bearer(await sign(real, claims)))).status).toBe(200);

    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const refused = {
      foreignKeySameKid: await sign(foreign.privateKey, claims),
      wrongAudience: await sign(real, { ...claims, aud: 'someone-else' }),
      wrongIssuer: await sign(real, { ...claims, iss: 'https://evil.example' }),
      expired: await sign(real, { ...claims, iat: now - 600, exp: now - 300 }),
      algNone: `${b64({ alg: 'none', typ: 'at+jwt', kid })}.${b64(claims)}.`,
      malformed: 'not.a.jwt',
      garbage: '%%%',
    };
    for (const [what, token] of Object.entries(refused)) {
      const res = await readDossier(gateway.baseUrl, bearer(token));
      expect({ what, status: res.status, type: res.body.type }).toEqual({ what, status: 401, type: 'https://lienthong.gov.vn/problems/invalid-credentials' });
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('refuses a token once it has expired (short TTL instance)', async () => {
    const shortLived = await start({ GATEWAY_TOKEN_TTL_SECONDS: '1', GATEWAY_TOKEN_CLOCK_TOLERANCE_SECONDS: '0' });
    try {
      const token = await tokenOf(shortLived.baseUrl, NATIONAL_PORTAL_SYSTEM);
      expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(1);
      const expired = await waitFor(async () => {
        const res = await readDossier(shortLived.baseUrl, bearer(token));
        return res.status === 401 && res;
      }, 'the token to expire', 5000, 200);
      expect(String(expired.body.detail)).toMatch(/expired/i);
    } finally {
      await shortLived.close();
    }
  }, 60000);

  it('refuses a token of a suspended system within seconds', async () => {
    const system = oneStopSystemOf('H26');
    const id = encodeURIComponent(system);
    const token = await tokenOf(gateway.baseUrl, system);
    expect((await request(`${gateway.baseUrl}/v1/procedures`, { headers: bearer(token) })).status).toBe(200);
    expect((await request(`${gateway.baseUrl}/v1/operator/systems/${id}/suspend`, { headers: OPERATOR, body: { reason: 'oauth test' } })).status).toBe(200);
    try {
      await waitFor(async () => (await request(`${gateway.baseUrl}/v1/procedures`, { headers: bearer(token) })).status === 401, 'the suspension to take effect', 5000, 200);
      expect((await formPost(`${gateway.baseUrl}/oauth/token`, { grant_type: 'client_credentials', client_id: system, client_secret: clientSecretOf(system) })).body).toMatchObject({ error: 'invalid_client' });
    } finally {
      await request(`${gateway.baseUrl}/v1/operator/systems/${id}/activate`, { headers: OPERATOR, body: {} });
    }
  });

  it('publishes the signing key, and rotates it without refusing tokens signed before', async () => {
    const before = await tokenOf(gateway.baseUrl, NATIONAL_PORTAL_SYSTEM);
    const oldKid = decodeProtectedHeader(before).kid;
    const jwks = await request(`${gateway.baseUrl}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(jwksKeys(jwks.body).map((k) => k.kid)).toContain(oldKid);
    expect(jwksKeys(jwks.body).every((k) => k.d === undefined)).toBe(true);

    expect((await request(`${gateway.baseUrl}/v1/operator/signing-keys/rotate`, { method: 'POST', headers: bearer(before) })).status).toBe(403);
    const rotated = await request(`${gateway.baseUrl}/v1/operator/signing-keys/rotate`, { method: 'POST', headers: OPERATOR });
    expect(rotated.status).toBe(200);
    const newKid = String(rotated.body.kid);
    expect(newKid).not.toBe(oldKid);

    const after = await tokenOf(gateway.baseUrl, NATIONAL_PORTAL_SYSTEM);
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    expect((await readDossier(gateway.baseUrl, bearer(before))).status).toBe(200);
    expect((await readDossier(gateway.baseUrl, bearer(after))).status).toBe(200);
    const published = jwksKeys((await request(`${gateway.baseUrl}/.well-known/jwks.json`)).body);
    expect(published.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));

    // the other instance honours the rotation within seconds: it accepts the new tokens, keeps accepting the old, and signs with the new key
    await waitFor(async () => (await readDossier(second.baseUrl, bearer(after))).status === 200, 'the second instance to accept the new key', 5000, 200);
    expect((await readDossier(second.baseUrl, bearer(before))).status).toBe(200);
    await waitFor(async () => decodeProtectedHeader(await tokenOf(second.baseUrl, NATIONAL_PORTAL_SYSTEM)).kid === newKid, 'the second instance to sign with the new key', 5000, 200);
  });

  it('lets operators issue a client secret once and revoke it', async () => {
    const system = oneStopSystemOf('H01');
    const issued = await request(`${gateway.baseUrl}/v1/operator/systems/${encodeURIComponent(system)}/client-secrets`, { method: 'POST', headers: OPERATOR });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ id: expect.any(String), systemId: system, clientSecret: expect.stringMatching(/^lts_/) });
    const fields = { grant_type: 'client_credentials', client_id: system, client_secret: String(issued.body.clientSecret) };
    expect((await formPost(`${gateway.baseUrl}/oauth/token`, fields)).status).toBe(200);
    // the demo secret stays valid alongside the new one
    expect((await formPost(`${gateway.baseUrl}/oauth/token`, { ...fields, client_secret: clientSecretOf(system) })).status).toBe(200);

    const province = { 'x-api-key': demoApiKeyOf(SECRET, system) };
    expect((await request(`${gateway.baseUrl}/v1/operator/client-secrets/${issued.body.id}`, { method: 'DELETE', headers: province })).status).toBe(403);
    expect((await request(`${gateway.baseUrl}/v1/operator/client-secrets/${issued.body.id}`, { method: 'DELETE', headers: OPERATOR })).status).toBe(204);
    expect(await formPost(`${gateway.baseUrl}/oauth/token`, fields)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });

    expect((await request(`${gateway.baseUrl}/v1/operator/client-secrets/00000000-0000-4000-8000-000000000000`, { method: 'DELETE', headers: OPERATOR })).status).toBe(404);
    expect((await request(`${gateway.baseUrl}/v1/operator/client-secrets/not-a-uuid`, { method: 'DELETE', headers: OPERATOR })).status).toBe(400);
    const unknown = await request(`${gateway.baseUrl}/v1/operator/systems/${encodeURIComponent('VN/GOV/000.00.00.Z99/NOBODY')}/client-secrets`, { method: 'POST', headers: OPERATOR });
    expect(unknown.status).toBe(404);
  });
});
