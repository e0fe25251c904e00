import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Query, Req, UseGuards } from '@nestjs/common';
import { RequiresGrant } from '../access/grant.decorator';
import { AuthenticatedRequest, GrantGuard } from '../access/grant.guard';
import { AddSystemDto, CertificateParams, GrantDto, GrantParams, KeyParams, ListSystemsQuery, RegisterCertificateDto, SuspendSystemDto, SystemIdParams } from './operator-registry.dto';
import { OperatorRegistryService } from './operator-registry.service';
import { Permission } from './permissions';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';

/**
 * The operators' API on the registry. A system id has slashes: clients send it URL-encoded as one path segment
 * (VN%2FGOV%2F000.00.00.H56%2FMOTCUA), which the router decodes into the parameter.
 */
@Controller('v1/operator/systems')
@UseGuards(GrantGuard)
export class OperatorRegistryController {
  constructor(private readonly service: OperatorRegistryService) {}

  @Get()
  @RequiresGrant(Permission.ManageRegistry)
  list(@Query() query: ListSystemsQuery) {
    return this.service.list(query);
  }

  @Get(':id')
  @RequiresGrant(Permission.ManageRegistry)
  details(@Param() params: SystemIdParams) {
    return this.service.details(params.id);
  }

  @IdempotentPost()
  @RequiresGrant(Permission.ManageRegistry)
  add(@Req() req: AuthenticatedRequest, @Body() dto: AddSystemDto) {
    return this.service.add(req.credential.system.id, dto);
  }

  @IdempotentPost(':id/suspend')
  @HttpCode(HttpStatus.OK)
  @RequiresGrant(Permission.ManageRegistry)
  suspend(@Req() req: AuthenticatedRequest, @Param() params: SystemIdParams, @Body() dto: SuspendSystemDto) {
    return this.service.suspend(req.credential.system.id, params.id, dto.reason);
  }

  @IdempotentPost(':id/activate')
  @HttpCode(HttpStatus.OK)
  @RequiresGrant(Permission.ManageRegistry)
  activate(@Req() req: AuthenticatedRequest, @Param() params: SystemIdParams) {
    return this.service.activate(req.credential.system.id, params.id);
  }

  @IdempotentPost(':id/keys')
  @RequiresGrant(Permission.ManageRegistry)
  issueKey(@Req() req: AuthenticatedRequest, @Param() params: SystemIdParams) {
    return this.service.issueKey(req.credential.system.id, params.id);
  }

  @Delete(':id/keys/:keyId')
  @RequiresGrant(Permission.ManageRegistry)
  revokeKey(@Req() req: AuthenticatedRequest, @Param() params: KeyParams) {
    return this.service.revokeKey(req.credential.system.id, params.id, params.keyId);
  }

  @IdempotentPost(':id/certificates')
  @RequiresGrant(Permission.ManageRegistry)
  registerCertificate(@Req() req: AuthenticatedRequest, @Param() params: SystemIdParams, @Body() dto: RegisterCertificateDto) {
    return this.service.registerCertificate(req.credential.system.id, params.id, dto.certificate);
  }

  @Delete(':id/certificates/:fingerprint')
  @RequiresGrant(Permission.ManageRegistry)
  revokeCertificate(@Req() req: AuthenticatedRequest, @Param() params: CertificateParams) {
    return this.service.revokeCertificate(req.credential.system.id, params.id, params.fingerprint);
  }

  @IdempotentPost(':id/grants')
  @RequiresGrant(Permission.ManageRegistry)
  addGrant(@Req() req: AuthenticatedRequest, @Param() params: SystemIdParams, @Body() dto: GrantDto) {
    return this.service.addGrant(req.credential.system.id, params.id, dto);
  }

  @Delete(':id/grants/:permission/:scope')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequiresGrant(Permission.ManageRegistry)
  removeGrant(@Req() req: AuthenticatedRequest, @Param() params: GrantParams) {
    return this.service.removeGrant(req.credential.system.id, params.id, { permission: params.permission, scope: params.scope });
  }
}
