import { Injectable } from '@nestjs/common';
import type { DossierSubmittedV1 } from '@lienthong/contracts';
import { ConnectorEnv } from '../../config';
import type { ConnectedSystem } from '../../systems/connected-system.entity';
import { SystemCredentials } from '../../systems/system-credentials';
import { DeliveryError } from '../delivery-error';
import { postJson } from '../json-post';
import type { SystemAdapter } from '../system-adapter';
import { DongBoHoSoRecord, toDongBoHoSoRecord } from './dong-bo-ho-so.mapper';
import { DvcqgVerdict, judgeDvcqgAnswer, shouldResendAsUpdate } from './dvcqg-answer';

const SYNC_SERVICE = 'DongBoHoSoMC';

/**
 * The older one-stop session dialect: log in with username/password for a session, then call services
 * with `{session, madonvi, service, …}`. Sessions are kept per system and renewed once when refused.
 */
@Injectable()
export class DvcqgSessionAdapter implements SystemAdapter {
  private readonly sessions = new Map<string, Promise<string>>();

  constructor(private readonly config: ConnectorEnv, private readonly credentials: SystemCredentials) {}

  async deliverDossier(system: ConnectedSystem, dossier: DossierSubmittedV1): Promise<void> {
    const record = toDongBoHoSoRecord(dossier);
    let isUpdating = false;
    let verdict = await this.sync(system, dossier.agencyCode, record, isUpdating);
    if (shouldResendAsUpdate(verdict, isUpdating)) {
      isUpdating = true;
      verdict = await this.sync(system, dossier.agencyCode, record, isUpdating);
    }
    if (verdict.kind !== 'accepted') throw new DeliveryError(`${SYNC_SERVICE} (isUpdating ${isUpdating}) refused by ${system.code}: ${explain(verdict)}`);
  }

  private async sync(system: ConnectedSystem, agencyCode: string, record: DongBoHoSoRecord, isUpdating: boolean): Promise<DvcqgVerdict> {
    const call = async (session: string) =>
      judgeDvcqgAnswer(
        await postJson(
          `${system.endpoint}/${SYNC_SERVICE}`,
          { session, madonvi: agencyCode, service: SYNC_SERVICE, isUpdating, data: [record] },
          this.config.DELIVERY_TIMEOUT_MS,
        ),
      );
    const session = this.sessionOf(system);
    const verdict = await call(await session);
    if (verdict.kind !== 'session-invalid') return verdict;
    this.forget(system.code, session);
    return call(await this.sessionOf(system));
  }

  /** One login at a time per system: concurrent deliveries share the session being opened. */
  private sessionOf(system: ConnectedSystem): Promise<string> {
    let session = this.sessions.get(system.code);
    if (!session) {
      const opening = this.login(system);
      opening.catch(() => this.forget(system.code, opening));
      this.sessions.set(system.code, opening);
      session = opening;
    }
    return session;
  }

  /** Drops a session unless another delivery has already replaced it with a fresh one. */
  private forget(systemCode: string, session: Promise<string>): void {
    if (this.sessions.get(systemCode) === session) this.sessions.delete(systemCode);
  }

  private async login(system: ConnectedSystem): Promise<string> {
    const answer = await postJson(
      `${system.endpoint}/login`,
      { username: system.username, password: this.credentials.passwordOf(system) },
      this.config.DELIVERY_TIMEOUT_MS,
    );
    const verdict = judgeDvcqgAnswer(answer);
    const session = (answer as { session?: unknown }).session;
    if (verdict.kind !== 'accepted') throw new DeliveryError(`login to ${system.code} refused: ${explain(verdict)}`);
    if (typeof session !== 'string' || session === '') throw new DeliveryError(`login to ${system.code} answered no session`);
    return session;
  }
}

const explain = (verdict: DvcqgVerdict): string => {
  switch (verdict.kind) {
    case 'accepted':
      return 'accepted';
    case 'already-exists':
      return 'the dossier already exists';
    case 'session-invalid':
      return 'the session is invalid even after a fresh login';
    case 'refused':
      return verdict.reason;
  }
};
