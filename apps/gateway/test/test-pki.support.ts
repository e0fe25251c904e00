import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The extensions of each kind of certificate, so that nothing depends on the machine's own openssl.cnf. */
const OPENSSL_CONFIG = `
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
[client]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
[server]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
`;

const NEW_P256_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** A certificate with its private key, in PEM and as files. */
export interface Issued {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}

/** A certificate whose validity ended on 2026-11-22 (its CA is gone): registering it is refused. */
export const EXPIRED_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBDDCBsgICEjQwCgYIKoZIzj0EAwIwEjEQMA4GA1UEAwwHdGVzdCBjYTAeFw0y
NjExMjMxMjE2MzVaFw0yNjExMjIxMjE2MzVaMBExDzANBgNVBAMMBmNsaWVudDBZ
MBMGByqGSM49AgEGCCqGSM49AwEHA0IABOQOWXiXmW2skgOWKyDr8Afqoq90zTdw
eyUwoD6o9KhIkQW9Gl7nUbrRkJEphWRSqBMUHLCZJCc+J4ScjMsndA0wCgYIKoZI
zj0EAwIDSQAwRgIhAIAdS9avpjFXOeoLPQbJsybaMVd1a4iS0nMcBW9QEyk/AiEA
8m+0URf9xHccxg/3/faLQq3H/A+Yo63TiXKjjperT0M=
-----END CERTIFICATE-----
`;

/**
 * Throwaway certificate authorities and the certificates they issue, made with the openssl command line: node:crypto
 * reads certificates but cannot sign them. Everything lives in one temporary directory, which remove() deletes.
 */
export class TestPki {
  private readonly dir = mkdtempSync(join(tmpdir(), 'lienthong-pki-'));
  private readonly config = join(this.dir, 'openssl.cnf');

  constructor() {
    writeFileSync(this.config, OPENSSL_CONFIG);
  }

  /** A self-signed CA, valid for two days. */
  authority(name: string): Issued {
    const [certFile, keyFile] = this.files(name);
    this.openssl('req', '-config', this.config, '-x509', '-extensions', 'ca', ...NEW_P256_KEY, '-subj', `/CN=${name}`, '-days', '2', '-keyout', keyFile, '-out', certFile);
    return this.read(name);
  }

  /** A certificate issued by `ca` for a day: a client's, or a server's for 127.0.0.1. */
  issue(ca: Issued, name: string, profile: 'client' | 'server' = 'client'): Issued {
    const [certFile, keyFile] = this.files(name);
    const request = join(this.dir, `${name}.csr`);
    const serial = `0x${randomBytes(8).toString('hex')}`;
    this.openssl('req', '-config', this.config, '-new', ...NEW_P256_KEY, '-subj', `/CN=${name}`, '-keyout', keyFile, '-out', request);
    this.openssl('x509', '-req', '-in', request, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-set_serial', serial, '-days', '1', '-extfile', this.config, '-extensions', profile, '-out', certFile);
    return this.read(name);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private files(name: string): [certFile: string, keyFile: string] {
    return [join(this.dir, `${name}.pem`), join(this.dir, `${name}.key`)];
  }

  private read(name: string): Issued {
    const [certFile, keyFile] = this.files(name);
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile, keyFile };
  }

  private openssl(...args: string[]): void {
    try {
      execFileSync('openssl', args, { stdio: 'pipe' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('the mutual TLS tests make their certificates with the openssl command line: install OpenSSL');
      throw new Error(`openssl ${args[0]} failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
    }
  }
}
