import { IsEnum, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { SYSTEM_KINDS, type SystemKind } from '@lienthong/domain-registry';
import { PageQueryDto } from '@lienthong/platform-http';
import type { SystemStatus } from './client-system.entity';
import { Permission } from './permissions';

/** The parts of a system id, as the X-Road REST form of a service call carries them in its path: VN, GOV, 000.00.00.H56, MOTCUA. */
export const SYSTEM_ID_PARTS = { instance: '[A-Z]{2,8}', memberClass: '[A-Z]{2,8}', memberCode: '[0-9A-Z.]{1,40}', subsystem: '[A-Z0-9_-]{1,40}' } as const;
const SYSTEM_ID_SOURCE = Object.values(SYSTEM_ID_PARTS).join('/');
/** instance/member class/member code/subsystem, e.g. VN/GOV/000.00.00.H56/MOTCUA (checked further by the service). */
const SYSTEM_ID = new RegExp(`^${SYSTEM_ID_SOURCE}$`);
const STATUSES: SystemStatus[] = ['active', 'suspended'];

export class ListSystemsQuery extends PageQueryDto {
  @IsOptional()
  @IsIn(SYSTEM_KINDS)
  kind?: SystemKind;

  @IsOptional()
  @Matches(/^[0-9A-Z.]{1,40}$/, { message: 'agency must be an agency code such as H56 or G02' })
  agency?: string;

  @IsOptional()
  @IsIn(STATUSES)
  status?: SystemStatus;
}

export class AddSystemDto {
  @Matches(SYSTEM_ID, { message: 'id must be instance/memberClass/memberCode/subsystem, e.g. VN/GOV/000.00.00.H56/MOTCUA' })
  id: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsIn(SYSTEM_KINDS)
  kind: SystemKind;
}

export class SystemIdParams {
  @Matches(SYSTEM_ID, { message: 'id must be a URL-encoded system identifier' })
  id: string;
}

export class KeyParams extends SystemIdParams {
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'keyId must be a UUID' })
  keyId: string;
}

export class SuspendSystemDto {
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/**
 * '*' for everywhere, a province code (H56), or a provider's service: `<system id>/<service code>` or `<system id>/*`
 * (which fits which permission is checked by the service).
 */
const SCOPE = new RegExp(`^(\\*|H\\d{2}|${SYSTEM_ID_SOURCE}/(\\*|[a-z0-9-]{1,64}))$`);
const SCOPE_MESSAGE = "scope must be '*', a province code such as H56, or a provider's service such as VN/GOV/000.00.00.H56/MOTCUA/tra-cuu-ho-so";

export class GrantDto {
  @IsEnum(Permission)
  permission: Permission;

  @Matches(SCOPE, { message: SCOPE_MESSAGE })
  scope: string;
}

export class GrantParams extends SystemIdParams {
  @IsEnum(Permission)
  permission: Permission;

  @Matches(SCOPE, { message: SCOPE_MESSAGE })
  scope: string;
}

/** One PEM certificate and nothing else: a private key sent along by mistake is refused before anything reads it. */
export const PEM_CERTIFICATE = /^\s*-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\s*$/;

export class RegisterCertificateDto {
  @IsString()
  @MaxLength(16384)
  @Matches(PEM_CERTIFICATE, { message: 'certificate must be one PEM certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----), without a key' })
  certificate: string;
}

/** The SHA-256 of a certificate's DER form, as registered. */
export const CERTIFICATE_FINGERPRINT = /^[0-9a-f]{64}$/;

export class CertificateParams extends SystemIdParams {
  @Matches(CERTIFICATE_FINGERPRINT, { message: 'fingerprint must be the SHA-256 of the certificate as 64 lowercase hex digits' })
  fingerprint: string;
}
