import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum RegistryProblem {
  UnknownSystem = 'unknown-system',
  SystemExists = 'system-exists',
  InvalidSystemId = 'invalid-system-id',
  UnknownAgency = 'unknown-agency',
  UnknownProvince = 'unknown-province',
  ScopeMismatch = 'scope-mismatch',
  UnknownProvider = 'unknown-provider',
  StatusUnchanged = 'status-unchanged',
  OwnSystem = 'own-system',
  UnknownKey = 'unknown-key',
  KeyRevoked = 'key-already-revoked',
  GrantExists = 'grant-exists',
  UnknownGrant = 'unknown-grant',
  InvalidCertificate = 'invalid-certificate',
  CertificateExpired = 'certificate-expired',
  CertificateExists = 'certificate-exists',
  UnknownCertificate = 'unknown-certificate',
  CertificateRevoked = 'certificate-already-revoked',
}

const PROBLEMS: Record<RegistryProblem, [HttpStatus, string]> = {
  [RegistryProblem.UnknownSystem]: [HttpStatus.NOT_FOUND, 'No such system'],
  [RegistryProblem.SystemExists]: [HttpStatus.CONFLICT, 'The system is already registered'],
  [RegistryProblem.InvalidSystemId]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The system identifier is not acceptable'],
  [RegistryProblem.UnknownAgency]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The agency is not registered'],
  [RegistryProblem.UnknownProvince]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The scope names no province'],
  [RegistryProblem.ScopeMismatch]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The scope does not fit the permission'],
  [RegistryProblem.UnknownProvider]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The scope names a provider that is not registered'],
  [RegistryProblem.StatusUnchanged]: [HttpStatus.CONFLICT, 'The system already has that status'],
  [RegistryProblem.OwnSystem]: [HttpStatus.CONFLICT, 'An operator cannot suspend the system it calls from'],
  [RegistryProblem.UnknownKey]: [HttpStatus.NOT_FOUND, 'No such API key for this system'],
  [RegistryProblem.KeyRevoked]: [HttpStatus.CONFLICT, 'The API key is already revoked'],
  [RegistryProblem.GrantExists]: [HttpStatus.CONFLICT, 'The system already holds this grant'],
  [RegistryProblem.UnknownGrant]: [HttpStatus.NOT_FOUND, 'The system holds no such grant'],
  [RegistryProblem.InvalidCertificate]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The certificate is not acceptable'],
  [RegistryProblem.CertificateExpired]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The certificate has expired'],
  [RegistryProblem.CertificateExists]: [HttpStatus.CONFLICT, 'The certificate is already registered'],
  [RegistryProblem.UnknownCertificate]: [HttpStatus.NOT_FOUND, 'No such certificate for this system'],
  [RegistryProblem.CertificateRevoked]: [HttpStatus.CONFLICT, 'The certificate is already revoked'],
};

export class RegistryException extends problemsOf<RegistryProblem>(PROBLEMS) {}
