import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@lienthong/platform-database';
import { PendingAttemptsService } from './pending-attempts.service';

/** How often the worker looks for attempts to look up when it found none. */
const IDLE_MS = 1000;

/** Looks up waiting attempts with their providers (QUERY) in the background. */
@Injectable()
export class PendingAttemptsWorker extends BackgroundWorker {
  constructor(pending: PendingAttemptsService) {
    super('pending-attempts', () => pending.queryDue(), IDLE_MS);
  }
}
