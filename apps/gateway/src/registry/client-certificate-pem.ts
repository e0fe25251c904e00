import { X509Certificate } from 'node:crypto';
import { certificateFingerprint } from '../access/certificate-fingerprint';
import { ClientCertificate } from './client-certificate.entity';
import { RegistryException, RegistryProblem } from './registry.exception';

export type ReadCertificate = Pick<ClientCertificate, 'fingerprint' | 'subject' | 'issuer' | 'serialNumber' | 'notBefore' | 'notAfter'>;

/** node:crypto names one attribute per line: one line reads better in lists and the audit log. */
const oneLine = (name: string): string => name.split('\n').join(', ');

/**
 * Reads the certificate an operator registers for a system. Whether it chains to the client CA is the TLS
 * handshake's to check, on every connection; what can be refused now is refused now: an unreadable certificate, a
 * CA (it would stand for every certificate it issues) and an expired one. One not valid yet may be registered ahead.
 */
export function readClientCertificate(pem: string, now: Date): ReadCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw new RegistryException(RegistryProblem.InvalidCertificate, 'the PEM does not hold a readable X.509 certificate');
  }
  if (certificate.ca) throw new RegistryException(RegistryProblem.InvalidCertificate, `${oneLine(certificate.subject)} is a CA certificate: register the certificate of the system itself`);
  if (certificate.validToDate <= now) throw new RegistryException(RegistryProblem.CertificateExpired, `the certificate expired at ${certificate.validToDate.toISOString()}`);
  return {
    fingerprint: certificateFingerprint(certificate),
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    serialNumber: certificate.serialNumber,
    notBefore: certificate.validFromDate,
    notAfter: certificate.validToDate,
  };
}
