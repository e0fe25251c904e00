import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@lienthong/platform-database';
import { StatusPollService } from './status-poll.service';

/** How often an idle poller looks for due look-ups: the granularity of every system's poll interval. */
const IDLE_MS = 500;

/** Looks up the statuses of pull systems' dossiers in the background. */
@Injectable()
export class StatusPollWorker extends BackgroundWorker {
  constructor(polls: StatusPollService) {
    super('status-poll-worker', () => polls.pollDue(), IDLE_MS);
  }
}
