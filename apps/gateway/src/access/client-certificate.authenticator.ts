import { Injectable } from '@nestjs/common';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { Credential, RegistryRepository } from '../registry/registry.repository';
import { AccessException, AccessProblem } from './access.exception';
import { certificateFingerprint } from './certificate-fingerprint';
import { CredentialCache } from './credential-cache';

/** Whether the connection is TLS and its client presented a certificate (trusted or not). */
export const presentsCertificate = (socket: Socket): socket is TLSSocket => socket instanceof TLSSocket && socket.getPeerX509Certificate() !== undefined;

/**
 * Finds the system behind the client certificate of a mutual TLS connection. The handshake has checked the chain to
 * GATEWAY_TLS_CLIENT_CA_FILE and the dates; the registry says which system the certificate stands for, through the same
 * cached lookup as the other credentials, so a revoked certificate or a suspended system is refused within seconds,
 * on a connection kept open too.
 */
@Injectable()
export class ClientCertificateAuthenticator {
  constructor(private readonly registry: RegistryRepository, private readonly cache: CredentialCache) {}

  async authenticate(connection: TLSSocket): Promise<Credential> {
    if (!connection.authorized) throw new AccessException(AccessProblem.InvalidCredentials, `the client certificate is not trusted (${String(connection.authorizationError)})`);
    const fingerprint = certificateFingerprint(connection.getPeerX509Certificate()!);
    const credential = await this.cache.get(`certificate:${fingerprint}`, () => this.registry.findCertificateCredential(fingerprint));
    if (!credential) throw new AccessException(AccessProblem.InvalidCredentials, 'the client certificate is not registered, is revoked, or its system is suspended');
    return credential;
  }
}
