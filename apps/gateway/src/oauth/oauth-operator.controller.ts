import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Req, UseGuards } from '@nestjs/common';
import { RequiresGrant } from '../access/grant.decorator';
import { AuthenticatedRequest, GrantGuard } from '../access/grant.guard';
import { SystemIdParams } from '../registry/operator-registry.dto';
import { Permission } from '../registry/permissions';
import { ClientSecretsService, IssuedClientSecret } from './client-secrets.service';
import { SigningKeyRing } from './signing-key-ring';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';

/** Operators: client secrets of the systems, and rotation of the token signing key. */
@Controller('v1/operator')
@UseGuards(GrantGuard)
export class OAuthOperatorController {
  constructor(private readonly secrets: ClientSecretsService, private readonly keys: SigningKeyRing) {}

  /** `id` is the system id, URL-encoded (it contains '/'). */
  @IdempotentPost('systems/:id/client-secrets')
  @RequiresGrant(Permission.ManageRegistry)
  issueClientSecret(@Req() req: AuthenticatedRequest, @Param() params: SystemIdParams): Promise<IssuedClientSecret> {
    return this.secrets.issue(req.credential.system.id, params.id);
  }

  @Delete('client-secrets/:secretId')
  @HttpCode(204)
  @RequiresGrant(Permission.ManageRegistry)
  revokeClientSecret(@Req() req: AuthenticatedRequest, @Param('secretId', new ParseUUIDPipe()) secretId: string): Promise<void> {
    return this.secrets.revoke(req.credential.system.id, secretId);
  }

  @IdempotentPost('signing-keys/rotate')
  @HttpCode(200)
  @RequiresGrant(Permission.ManageRegistry)
  rotateSigningKey(@Req() req: AuthenticatedRequest): Promise<{ kid: string; activatedAt: Date }> {
    return this.keys.rotate(req.credential.system.id);
  }
}
