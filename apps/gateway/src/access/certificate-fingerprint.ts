import type { X509Certificate } from 'node:crypto';

/** The SHA-256 of the certificate's DER form in lowercase hex: how a client certificate is registered and found. */
export const certificateFingerprint = (certificate: X509Certificate): string => certificate.fingerprint256.replaceAll(':', '').toLowerCase();
