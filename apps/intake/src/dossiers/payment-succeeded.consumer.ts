import { Injectable, OnModuleInit } from '@nestjs/common';
import { paymentSucceededV1 } from '@lienthong/contracts';
import { DossierStatus } from '@lienthong/domain-dossier';
import { Messaging } from '@lienthong/platform-kafka';
import { JourneyRepository } from '../journey/journey.repository';
import { EventReportService } from './event-report.service';

/** Who the timeline names for a status that a fee paid brought. */
const PAYMENT_ACTOR = 'payment';
const formatVnd = new Intl.NumberFormat('vi-VN');

/**
 * A fee paid moves the dossier on (6 → 4, processing continues), as a report of the payment service at the instant it
 * learned of it (the provider's own time is to the second, on its clock, and could fall before the request to pay): folded with the provincial system's own reports like any other, so that a province that reported
 * processing first, a redelivered event or a dossier already past the fee all end where in-order delivery ends.
 * A second payment of a fee another attempt had paid moves nothing: it goes on the timeline as money owed back.
 */
@Injectable()
export class PaymentSucceededConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly reports: EventReportService, private readonly journey: JourneyRepository) {}

  onModuleInit(): void {
    this.messaging.consumer.on(paymentSucceededV1, async ({ data }, manager) => {
      const paid = `${formatVnd.format(data.amount)} ${data.currency} (mã tham chiếu ${data.reference}, mã giao dịch ${data.providerTransaction})`;
      if (data.secondPaymentOf) {
        const note = `Thanh toán lần hai ${paid}: lệ phí đã được thanh toán trước đó, khoản này phải hoàn trả`;
        await this.journey.add(manager, [{ dossierCode: data.dossierCode, kind: 'paid-twice', note, detail: data.reference, actor: data.provider, occurredAt: data.recordedAt }]);
        return;
      }
      const note = `Đã thanh toán ${paid}`;
      await this.reports.report(manager, data.dossierCode, PAYMENT_ACTOR, { status: DossierStatus.Processing, occurredAt: data.recordedAt, note });
    });
  }
}
