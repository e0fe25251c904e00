import type { BodyOptions } from '@lienthong/platform-http';
import { TOKEN_PATH } from './oauth/token.controller';

/** How the gateway reads bodies: JSON everywhere, plus the form-encoded token requests of RFC 6749 §4.4.2. */
export const GATEWAY_BODIES: BodyOptions = { formBodyPaths: [TOKEN_PATH] };
