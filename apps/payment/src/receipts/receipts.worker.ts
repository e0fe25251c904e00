import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@lienthong/platform-database';
import { ReceiptService } from './receipt.service';

/** How often the worker looks for receipts to fetch when it found none. */
const IDLE_MS = 1000;

/** Fetches the receipts of paid attempts (GET_BILL) in the background. */
@Injectable()
export class ReceiptsWorker extends BackgroundWorker {
  constructor(receipts: ReceiptService) {
    super('receipts', () => receipts.fetchDue(), IDLE_MS);
  }
}
