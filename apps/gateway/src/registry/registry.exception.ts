import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum RegistryProblem {
  UnknownSystem = 'unknown-system',
  SystemExists = 'system-exists',
  InvalidSystemId = 'invalid-system-id',
  UnknownAgency = 'unknown-agency',
  UnknownProvince = 'unknown-province',
  StatusUnchanged = 'status-unchanged',
  OwnSystem = 'own-system',
  UnknownKey = 'unknown-key',
  KeyRevoked = 'key-already-revoked',
  GrantExists = 'grant-exists',
  UnknownGrant = 'unknown-grant',
}

const PROBLEMS: Record<RegistryProblem, [HttpStatus, string]> = {
  [RegistryProblem.UnknownSystem]: [HttpStatus.NOT_FOUND, 'No such system'],
  [RegistryProblem.SystemExists]: [HttpStatus.CONFLICT, 'The system is already registered'],
  [RegistryProblem.InvalidSystemId]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The system identifier is not acceptable'],
  [RegistryProblem.UnknownAgency]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The agency is not registered'],
  [RegistryProblem.UnknownProvince]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The scope names no province'],
  [RegistryProblem.StatusUnchanged]: [HttpStatus.CONFLICT, 'The system already has that status'],
  [RegistryProblem.OwnSystem]: [HttpStatus.CONFLICT, 'An operator cannot suspend the system it calls from'],
  [RegistryProblem.UnknownKey]: [HttpStatus.NOT_FOUND, 'No such API key for this system'],
  [RegistryProblem.KeyRevoked]: [HttpStatus.CONFLICT, 'The API key is already revoked'],
  [RegistryProblem.GrantExists]: [HttpStatus.CONFLICT, 'The system already holds this grant'],
  [RegistryProblem.UnknownGrant]: [HttpStatus.NOT_FOUND, 'The system holds no such grant'],
};

export class RegistryException extends problemsOf<RegistryProblem>(PROBLEMS) {}
