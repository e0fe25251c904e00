import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { isRecord, LegacyAnswer, legacyRefused } from '@lienthong/domain-dossier';
import { TokenError } from './token-error';
import { TokenService } from './token.service';

/** Where the gateway speaks the DVCQG dialect of the national portal (the calls themselves are proxied to intake). */
export const DVCQG_COMPAT_PATH = '/v1/compat/dvcqg';

const WRONG_LOGIN = legacyRefused('Sai tên đăng nhập hoặc mật khẩu');

/**
 * The login of one-stop software written for the national portal: username and password are the system id and a
 * client secret, and the session it answers is an access token (as POST /oauth/token issues), sent back in the body
 * of each call. Answers are the dialect's: HTTP 200 with an error_code.
 */
@Controller(DVCQG_COMPAT_PATH)
export class DvcqgLoginController {
  constructor(private readonly tokens: TokenService) {}

  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async login(@Body() body: unknown): Promise<LegacyAnswer & { expires_in?: number }> {
    const { username, password } = isRecord(body) ? body : {};
    if (typeof username !== 'string' || typeof password !== 'string' || username === '' || password === '') return WRONG_LOGIN;
    try {
      const issued = await this.tokens.issue({ grant_type: 'client_credentials', client_id: username, client_secret: password }, undefined);
      return { error_code: 0, message: 'Thành công', session: issued.access_token, expires_in: issued.expires_in };
    } catch (error) {
      if (error instanceof TokenError) return WRONG_LOGIN;
      throw error;
    }
  }
}
