import { Injectable } from '@nestjs/common';
import type { DossierSubmittedV1 } from '@lienthong/contracts';
import { ConnectorEnv } from '../../config';
import type { ConnectedSystem } from '../../systems/connected-system.entity';
import { SystemCredentials } from '../../systems/system-credentials';
import { Deadline, deadlineIn } from '../deadline';
import { LegacyCallError } from '../legacy-call-error';
import { postJson } from '../json-post';
import type { LegacyCall } from '../service-call';
import type { SystemAdapter } from '../system-adapter';
import { DongBoHoSoRecord, toDongBoHoSoRecord } from './dong-bo-ho-so.mapper';
import { DvcqgVerdict, isDvcqgAnswer, judgeDvcqgAnswer, shouldResendAsUpdate } from './dvcqg-answer';
import { DVCQG_SERVICES } from './dvcqg-services';
import { DVCQG_STATUS_LOOKUP } from './dvcqg-status-lookup';

const SYNC_SERVICE = 'DongBoHoSoMC';

interface Judged {
  answer: unknown;
  verdict: DvcqgVerdict;
}

const judged = (answer: unknown): Judged => ({ answer, verdict: judgeDvcqgAnswer(answer) });

/**
 * The older one-stop session dialect: log in with username/password for a session, then call services
 * with `{session, madonvi, service, …}`. Sessions are kept per system and renewed once when refused.
 */
@Injectable()
export class DvcqgSessionAdapter implements SystemAdapter {
  readonly services = DVCQG_SERVICES;
  readonly statusLookup = DVCQG_STATUS_LOOKUP;
  private readonly sessions = new Map<string, Promise<string>>();

  constructor(private readonly config: ConnectorEnv, private readonly credentials: SystemCredentials) {}

  async deliverDossier(system: ConnectedSystem, dossier: DossierSubmittedV1): Promise<void> {
    const deadline = deadlineIn(this.config.DELIVERY_TIMEOUT_MS);
    const record = toDongBoHoSoRecord(dossier);
    let isUpdating = false;
    let verdict = await this.sync(system, dossier.agencyCode, record, isUpdating, deadline);
    if (shouldResendAsUpdate(verdict, isUpdating)) {
      isUpdating = true;
      verdict = await this.sync(system, dossier.agencyCode, record, isUpdating, deadline);
    }
    if (verdict.kind !== 'accepted') throw new LegacyCallError(`${SYNC_SERVICE} (isUpdating ${isUpdating}) refused by ${system.code}: ${explain(verdict)}`);
  }

  /**
   * The system's own answer goes back as it came, refusals (error_code -1) included: only the session is the backbone's
   * business, and an answer outside the dialect's envelope is no answer.
   */
  async callService(system: ConnectedSystem, call: LegacyCall, deadline: Deadline): Promise<unknown> {
    const { answer, verdict } = await this.withSession(system, deadline, (session) =>
      postJson(`${system.endpoint}/${call.operation}`, { ...call.parameters, session, service: call.operation }, deadline),
    );
    if (!isDvcqgAnswer(answer)) throw new LegacyCallError(`${call.operation} of ${system.code} answered without an error_code`);
    if (verdict.kind === 'session-invalid') throw new LegacyCallError(`${call.operation} refused by ${system.code}: ${explain(verdict)}`);
    return answer;
  }

  private async sync(system: ConnectedSystem, agencyCode: string, record: DongBoHoSoRecord, isUpdating: boolean, deadline: Deadline): Promise<DvcqgVerdict> {
    const { verdict } = await this.withSession(system, deadline, (session) =>
      postJson(`${system.endpoint}/${SYNC_SERVICE}`, { session, madonvi: agencyCode, service: SYNC_SERVICE, isUpdating, data: [record] }, deadline),
    );
    return verdict;
  }

  /**
   * Makes a call with the system's session, logging in afresh once when the system no longer knows the session;
   * answers the system's answer with its verdict.
   */
  private async withSession(system: ConnectedSystem, deadline: Deadline, call: (session: string) => Promise<unknown>): Promise<Judged> {
    const session = this.sessionOf(system, deadline);
    const first = judged(await call(await session));
    if (first.verdict.kind !== 'session-invalid') return first;
    this.forget(system.code, session);
    return judged(await call(await this.sessionOf(system, deadline)));
  }

  /** One login at a time per system: concurrent calls share the session being opened. */
  private sessionOf(system: ConnectedSystem, deadline: Deadline): Promise<string> {
    let session = this.sessions.get(system.code);
    if (!session) {
      const opening = this.login(system, deadline);
      opening.catch(() => this.forget(system.code, opening));
      this.sessions.set(system.code, opening);
      session = opening;
    }
    return session;
  }

  /** Drops a session unless another call has already replaced it with a fresh one. */
  private forget(systemCode: string, session: Promise<string>): void {
    if (this.sessions.get(systemCode) === session) this.sessions.delete(systemCode);
  }

  private async login(system: ConnectedSystem, deadline: Deadline): Promise<string> {
    const answer = await postJson(`${system.endpoint}/login`, { username: system.username, password: this.credentials.passwordOf(system) }, deadline);
    const verdict = judgeDvcqgAnswer(answer);
    const session = (answer as { session?: unknown }).session;
    if (verdict.kind !== 'accepted') throw new LegacyCallError(`login to ${system.code} refused: ${explain(verdict)}`);
    if (typeof session !== 'string' || session === '') throw new LegacyCallError(`login to ${system.code} answered no session`);
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
