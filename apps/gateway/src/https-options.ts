import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigInvalidError } from '@lienthong/platform-config';
import type { HttpsServerOptions } from '@lienthong/platform-http';
import { GatewayEnv } from './config';

type TlsFile = 'GATEWAY_TLS_CERT_FILE' | 'GATEWAY_TLS_KEY_FILE' | 'GATEWAY_TLS_CLIENT_CA_FILE';

/** Reads one PEM file and parses it, so that a missing or wrong file stops the boot naming its variable. */
function readPem<T>(config: GatewayEnv, variable: TlsFile, what: string, parse: (pem: Buffer) => T): { pem: Buffer; parsed: T } {
  const path = config[variable]!;
  try {
    const pem = readFileSync(path);
    return { pem, parsed: parse(pem) };
  } catch (error) {
    throw new ConfigInvalidError([`${variable}: ${path} is not a readable PEM ${what} (${(error as Error).message})`]);
  }
}

/**
 * How the gateway serves: plain HTTP without GATEWAY_TLS_CERT_FILE, HTTPS with it. With GATEWAY_TLS_CLIENT_CA_FILE
 * it also asks every client for a certificate, yet lets a client without one, or with one those CAs did not
 * issue, finish the handshake (rejectUnauthorized: false): API keys and tokens keep working over the same
 * server, and an untrusted certificate is refused with a 401 problem the client can read rather than a TLS alert.
 */
export function httpsOptionsOf(config: GatewayEnv): HttpsServerOptions | undefined {
  if (config.GATEWAY_TLS_CERT_FILE === undefined) return undefined;
  const cert = readPem(config, 'GATEWAY_TLS_CERT_FILE', 'certificate', (pem) => new X509Certificate(pem));
  const key = readPem(config, 'GATEWAY_TLS_KEY_FILE', 'private key', (pem) => createPrivateKey(pem));
  if (!cert.parsed.checkPrivateKey(key.parsed)) throw new ConfigInvalidError(['GATEWAY_TLS_KEY_FILE: not the private key of the certificate in GATEWAY_TLS_CERT_FILE']);
  if (config.GATEWAY_TLS_CLIENT_CA_FILE === undefined) return { cert: cert.pem, key: key.pem };
  const ca = readPem(config, 'GATEWAY_TLS_CLIENT_CA_FILE', 'CA certificate', (pem) => new X509Certificate(pem));
  return { cert: cert.pem, key: key.pem, ca: ca.pem, requestCert: true, rejectUnauthorized: false };
}
