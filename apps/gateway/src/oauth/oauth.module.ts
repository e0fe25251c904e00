import { Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service';
import { ClientSecretRepository } from './client-secret.repository';
import { ClientSecretsService } from './client-secrets.service';
import { DemoClientSecretsSeeder } from './demo-client-secrets.seeder';
import { DvcqgLoginController } from './dvcqg-login.controller';
import { OAuthOperatorController } from './oauth-operator.controller';
import { SigningKeyRing } from './signing-key-ring';
import { SigningKeyRepository } from './signing-key.repository';
import { TokenController } from './token.controller';
import { TokenService } from './token.service';

/** OAuth2 client credentials: client secrets, the token endpoint, signing keys (JWKS, rotation) and token checks. */
@Module({
  controllers: [TokenController, DvcqgLoginController, OAuthOperatorController],
  providers: [
    ClientSecretRepository,
    ClientSecretsService,
    SigningKeyRepository,
    SigningKeyRing,
    AccessTokenService,
    TokenService,
    DemoClientSecretsSeeder,
  ],
  exports: [AccessTokenService],
})
export class OAuthModule {}
