import { randomBytes } from 'node:crypto';

export const SESSION_TTL_MS = 30 * 60 * 1000;

interface Session {
  province: string;
  expiresAt: number;
}

/** Sessions of the DVCQG-style login: random tokens, each valid for one province and for 30 minutes. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  open(province: string): string {
    this.forgetExpired();
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { province, expiresAt: this.now() + SESSION_TTL_MS });
    return token;
  }

  isValid(token: unknown, province: string): boolean {
    if (typeof token !== 'string') return false;
    const session = this.sessions.get(token);
    return session !== undefined && session.province === province && session.expiresAt > this.now();
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(token);
  }
}
