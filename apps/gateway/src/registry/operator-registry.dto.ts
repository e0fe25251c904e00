import { IsEnum, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SYSTEM_KINDS, type SystemKind } from '@lienthong/domain-registry';
import { PageQueryDto } from '@lienthong/platform-http';
import type { SystemStatus } from './client-system.entity';
import { Permission } from './permissions';

/** instance/member class/member code/subsystem, e.g. VN/GOV/000.00.00.H56/MOTCUA (checked further by the service). */
const SYSTEM_ID = /^[A-Z]{2,8}\/[A-Z]{2,8}\/[0-9A-Z.]{1,40}\/[A-Z0-9_-]{1,40}$/;
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

/** A province code (H56) or '*' for everywhere. */
const SCOPE = /^(\*|H\d{2})$/;

export class GrantDto {
  @IsEnum(Permission)
  permission: Permission;

  @Matches(SCOPE, { message: "scope must be '*' or a province code such as H56" })
  scope: string;
}

export class GrantParams extends SystemIdParams {
  @IsEnum(Permission)
  permission: Permission;

  @Matches(SCOPE, { message: "scope must be '*' or a province code such as H56" })
  scope: string;
}
