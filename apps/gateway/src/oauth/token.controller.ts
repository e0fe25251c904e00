import { Body, Controller, Get, Header, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import { SigningKeyRing } from './signing-key-ring';
import { TokenErrorFilter } from './token-error.filter';
import { TokenRequestDto } from './token-request.dto';
import { TokenResponse, TokenService } from './token.service';

export const TOKEN_PATH = '/oauth/token';

/** The public OAuth2 endpoints: token issuance and the keys to check the tokens with. */
@Controller()
export class TokenController {
  constructor(private readonly tokens: TokenService, private readonly keys: SigningKeyRing) {}

  @Post(TOKEN_PATH)
  @HttpCode(200)
  @UseFilters(TokenErrorFilter)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  issue(@Body() body: TokenRequestDto, @Headers('authorization') authorization: string | undefined): Promise<TokenResponse> {
    return this.tokens.issue(body, authorization);
  }

  @Get('.well-known/jwks.json')
  @Header('Cache-Control', 'public, max-age=60')
  jwks() {
    return this.keys.jwks();
  }
}
