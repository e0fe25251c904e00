import { dateTime } from '@lienthong/contracts';
import { Permission } from '../registry/permissions';
import { Example, PAYMENT_REFERENCE } from './openapi.examples';
import { body, guarded, header, OpenApiDocument, Parameter, param } from './openapi.operations';
import { JsonSchema, ref } from './openapi.schemas';

/** Fees and their payment, forwarded to the payment service: what the portal and the providers call. */

export const PAYMENT_TAG = 'Payments';
export const RECONCILIATION_TAG = 'Operators: payments';
const PAYMENT_ID = '9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d';
const VCB = 'VN/COM/0100112437/VCB';
const str = (extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const AMOUNT = { type: 'integer', minimum: 0, description: 'Whole đồng' };
const LEGACY_TIME = str({ pattern: '^\\d{14}$', description: 'yyyyMMddHHmmss, Vietnamese time' });
const PAYMENT_STATUS = { enum: ['created', 'pending', 'succeeded', 'failed', 'expired', 'partially-refunded', 'refunded'] };
const text = (maxLength: number, description?: string) => str({ maxLength, ...(description ? { description } : {}) });

const attemptProperties: Record<string, JsonSchema> = {
  id: str({ format: 'uuid' }),
  paymentId: str({ format: 'uuid' }),
  number: { type: 'integer', minimum: 1, description: "Its place among the fee's attempts" },
  reference: str({ description: 'MaThamChieu: unique per attempt' }),
  provider: str({ description: "The provider's system id" }),
  amount: AMOUNT,
  currency: { const: 'VND' },
  status: PAYMENT_STATUS,
  paymentUrl: nullable(str({ format: 'uri', description: "The provider's page the applicant is sent to" })),
  providerTransaction: nullable(str({ description: "MaGiaoDich: the provider's transaction" })),
  errorCode: nullable(str({ description: "MaLoi of the provider's refusal or failure" })),
  refundedAmount: AMOUNT,
  secondPaymentOf: nullable(
    str({ format: 'uuid', description: 'The attempt that had already paid the fee when this one was paid too: what this one took is owed back to the applicant (a refund is due)' }),
  ),
  createdAt: dateTime,
  expiresAt: dateTime,
  settledAt: nullable(dateTime),
};
const count = nullable({ type: 'integer', minimum: 0 });
const reconciliationProperties: Record<string, JsonSchema> = {
  id: str({ format: 'uuid' }),
  provider: str({ description: "The provider's system id" }),
  date: str({ format: 'date' }),
  status: { enum: ['running', 'matched', 'mismatched', 'failed'] },
  ledgerCount: count,
  statementCount: count,
  matched: count,
  missing: count,
  extra: count,
  amountDiffers: count,
  error: nullable(str({ description: 'Why the statement could not be had or read' })),
  startedAt: dateTime,
  finishedAt: nullable(dateTime),
};
const page = (items: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { items: { type: 'array', items }, page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' } },
  required: ['items', 'page', 'pageSize', 'total'],
});
const callbackFields: Record<string, JsonSchema> = {
  LoaiBanTin: text(30, 'The message type'),
  MaLoi: text(20, '"00" is paid'),
  MaDoiTac: text(50, 'The partner code the provider knows the portal by'),
  MaThamChieu: text(100, 'The reference of the attempt'),
  SoTien: { oneOf: [AMOUNT, str({ pattern: '^\\d{1,15}$' })], description: 'Whole đồng, as a number or in digits' },
  MaTienTe: text(3),
  MaGiaoDich: text(100, "The provider's transaction"),
  MaNganHang: text(30, 'The provider code'),
  ThoiGianGD: LEGACY_TIME,
  ThongTinGiaoDich: text(500),
  MaXacThuc: text(128, "The checksum over the fields above, in this order, with the provider's scheme and key"),
};

export const PAYMENT_SCHEMAS: Record<string, JsonSchema> = {
  PaymentProviders: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: { type: 'object', properties: { code: str(), name: str(), kind: { enum: ['payment-platform', 'bank', 'intermediary'] }, systemId: str() }, required: ['code', 'name', 'kind', 'systemId'] },
      },
    },
    required: ['items'],
  },
  PaymentAttempt: { type: 'object', properties: attemptProperties, required: Object.keys(attemptProperties) },
  DossierPayments: {
    type: 'object',
    properties: {
      dossierCode: str(),
      items: {
        type: 'array',
        items: {
          type: 'object',
          description: 'A fee asked of the dossier (status 6), with every attempt to pay it',
          properties: {
            id: str({ format: 'uuid' }),
            dossierCode: str(),
            procedureCode: str(),
            amount: AMOUNT,
            currency: { const: 'VND' },
            feeLines: { type: 'array', items: { type: 'object', properties: { kind: str(), amount: AMOUNT, description: str() }, required: ['kind', 'amount'] } },
            status: { enum: ['requested', 'paid'] },
            requestedAt: dateTime,
            attempts: { type: 'array', items: ref('PaymentAttempt') },
          },
          required: ['id', 'dossierCode', 'procedureCode', 'amount', 'currency', 'feeLines', 'status', 'requestedAt', 'attempts'],
        },
      },
    },
    required: ['dossierCode', 'items'],
  },
  InitiatePayment: {
    type: 'object',
    properties: {
      provider: str({ pattern: '^[A-Z0-9]{2,20}$', description: 'The code of a provider GET /v1/payments/providers lists' }),
      returnUrl: str({ format: 'uri', description: 'Where the provider sends the applicant back' }),
      ip: str({ description: "The applicant's IP address" }),
    },
    required: ['provider'],
    additionalProperties: false,
  },
  Refund: {
    type: 'object',
    properties: { amount: { type: 'integer', minimum: 1, description: 'Whole đồng' }, reason: str({ minLength: 1, maxLength: 2000 }) },
    required: ['amount', 'reason'],
    additionalProperties: false,
  },
  Reconcile: {
    type: 'object',
    properties: { provider: str({ pattern: '^[A-Z0-9]{2,20}$', description: 'The provider code' }), date: str({ format: 'date', description: 'The day, in Vietnamese time' }) },
    required: ['provider', 'date'],
    additionalProperties: false,
  },
  Reconciliation: { type: 'object', properties: reconciliationProperties, required: Object.keys(reconciliationProperties) },
  ReconciliationPage: page(ref('Reconciliation')),
  FeesAwaitingProcedurePage: page({
    type: 'object',
    properties: {
      dossierCode: str(),
      procedureCode: str({ description: 'The procedure (mã TTHC) whose fees payment waits for' }),
      requestedAt: { ...dateTime, description: 'When the dossier reached status 6' },
    },
    required: ['dossierCode', 'procedureCode', 'requestedAt'],
  }),
  MismatchPage: page({
    type: 'object',
    properties: {
      kind: { enum: ['missing', 'extra', 'amount-differs'], description: 'missing: paid in the ledger, not on the statement; extra: on the statement, not paid in the ledger' },
      reference: str(),
      providerTransaction: nullable(str()),
      ledgerAmount: nullable(AMOUNT),
      statementAmount: nullable(AMOUNT),
    },
    required: ['kind', 'reference', 'providerTransaction', 'ledgerAmount', 'statementAmount'],
  }),
  ProviderCallback: { type: 'object', properties: callbackFields, required: Object.keys(callbackFields), additionalProperties: false },
  ProviderCallbackAnswer: {
    type: 'object',
    description: 'Signed as the callback is: over MaLoi, MoTaLoi, MaDoiTac and ThoiGianGD',
    properties: { MaLoi: { const: '00' }, MoTaLoi: str(), MaDoiTac: str(), ThoiGianGD: LEGACY_TIME, MaXacThuc: str() },
    required: ['MaLoi', 'MoTaLoi', 'MaDoiTac', 'ThoiGianGD', 'MaXacThuc'],
  },
};

const attempt = {
  id: '3c1e9d4a-6b2f-4f7e-8a1d-0e5b7c9d2f31',
  paymentId: PAYMENT_ID,
  number: 1,
  reference: PAYMENT_REFERENCE,
  provider: VCB,
  amount: 150000,
  currency: 'VND',
  status: 'pending',
  paymentUrl: `https://pay.vietcombank.example/pay/${PAYMENT_REFERENCE}`,
  providerTransaction: null,
  errorCode: null,
  refundedAmount: 0,
  secondPaymentOf: null,
  createdAt: '2026-11-23T08:00:00.000Z',
  expiresAt: '2026-11-23T08:15:00.000Z',
  settledAt: null,
};
const example = (summary: string, value: unknown): Example => ({ summary, value });
const callback = {
  LoaiBanTin: 'CALLBACK',
  MaLoi: '00',
  MaDoiTac: 'LIENTHONG',
  MaThamChieu: PAYMENT_REFERENCE,
  SoTien: '150000',
  MaTienTe: 'VND',
  MaGiaoDich: 'GD123456',
  MaNganHang: 'VCB',
  ThoiGianGD: '20261123150512',
  ThongTinGiaoDich: 'THANH TOAN HO SO 000.00.06.H56-261123-0001',
  MaXacThuc: 'b5c0e0f7a6d1c2b3a4958677e8f9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a59687',
};
const reconciliation = {
  id: '7d2f0c4e-5a1b-4c3d-9e8f-1a2b3c4d5e6f',
  provider: VCB,
  date: '2026-11-23',
  status: 'mismatched',
  ledgerCount: 1204,
  statementCount: 1205,
  matched: 1202,
  missing: 1,
  extra: 2,
  amountDiffers: 1,
  error: null,
  startedAt: '2026-11-23T18:05:00.000Z',
  finishedAt: '2026-11-23T18:05:01.204Z',
};
const reconciliationIdParam: Parameter = { name: 'id', in: 'path', required: true, description: 'The reconciliation', schema: str({ format: 'uuid' }) };
const query = (name: string, schema: JsonSchema, description: string): Parameter => ({ name, in: 'query', schema, description });
const RECONCILIATIONS = '/v1/operator/payments/reconciliations';
const paymentIdParam: Parameter = { name: 'paymentId', in: 'path', required: true, description: 'The fee, as payment.requested.v1 and GET …/payments name it', schema: str({ format: 'uuid' }) };

export const PAYMENT_PATHS: OpenApiDocument['paths'] = {
  '/v1/payments/providers': {
    get: guarded('get', {
      operationId: 'listPaymentProviders',
      summary: 'Whom fees can be paid through: the payment platform, banks and intermediaries',
      tag: PAYMENT_TAG,
      permission: Permission.ReadPayment,
      answers: { '200': { description: 'The providers', schema: 'PaymentProviders', examples: { providers: example('Two of them', { items: [{ code: 'VCB', name: 'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)', kind: 'bank', systemId: VCB }, { code: 'VNPAY', name: 'Công ty CP Giải pháp Thanh toán Việt Nam (VNPAY)', kind: 'intermediary', systemId: 'VN/COM/0102182292/VNPAY' }] }) } } },
      proxied: true,
    }),
  },
  '/v1/dossiers/{code}/payments': {
    get: guarded('get', {
      operationId: 'listDossierPayments',
      summary: 'The fees asked of a dossier, each with its attempts to pay it',
      description: "The grant must cover the province in the dossier's code.",
      tag: PAYMENT_TAG,
      permission: Permission.ReadPayment,
      parameters: [param('DossierCode')],
      answers: {
        '200': {
          description: 'The fees',
          schema: 'DossierPayments',
          examples: {
            pending: example('One fee, the applicant at the bank', {
              dossierCode: '000.00.06.H56-261123-0001',
              items: [{ id: PAYMENT_ID, dossierCode: '000.00.06.H56-261123-0001', procedureCode: '1.000358', amount: 150000, currency: 'VND', feeLines: [{ kind: 'CHARGE', amount: 150000, description: 'Lệ phí' }], status: 'requested', requestedAt: '2026-11-23T07:59:00.000Z', attempts: [attempt] }],
            }),
          },
        },
      },
      proxied: true,
    }),
  },
  '/v1/dossiers/{code}/payments/{paymentId}/attempts': {
    post: guarded('post', {
      operationId: 'initiatePayment',
      summary: 'Start paying a fee through a provider (INIT)',
      description:
        "The answer's paymentUrl is the provider's page to send the applicant to. Each attempt has its own reference (MaThamChieu); the fee is paid once one attempt succeeds. " +
        'A provider that does not answer leaves the attempt created: its callback, a QUERY or its expiry settles it.',
      tag: PAYMENT_TAG,
      permission: Permission.PayFee,
      parameters: [param('DossierCode'), paymentIdParam],
      requestBody: body('InitiatePayment', example('Through Vietcombank', { provider: 'VCB', returnUrl: 'https://dichvucong.gov.vn/thanh-toan/ket-qua', ip: '203.113.0.5' })),
      answers: { '201': { description: 'The attempt, with the page to pay on', schema: 'PaymentAttempt', examples: { pending: example('Waiting for the applicant at the bank', attempt) } } },
      problems: ['paymentNotFound', 'paymentProviderUnknown', 'paymentAlreadyPaid', 'paymentNothingToPay', 'paymentProviderRefused', 'paymentProviderUnavailable'],
      proxied: true,
    }),
  },
  '/v1/dossiers/{code}/payments/{paymentId}/receipt': {
    get: guarded('get', {
      operationId: 'getPaymentReceipt',
      summary: "The provider's receipt (biên lai) of a paid fee",
      description: 'Fetched from the provider with GET_BILL once the fee is paid, and kept as it came. 404 while the fee is not paid or the receipt has not come yet (Retry-After says when to ask again).',
      tag: PAYMENT_TAG,
      permission: Permission.ReadPayment,
      parameters: [param('DossierCode'), paymentIdParam],
      answers: {
        '200': {
          description: 'The receipt, as a PDF attachment',
          content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' }, examples: { receipt: example('The first bytes of a receipt', '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n…') } } },
          headers: { 'Content-Disposition': header('Content-Disposition') },
        },
      },
      problems: ['paymentNotPaid', 'paymentReceiptNotReady'],
      proxied: true,
    }),
  },
  [RECONCILIATIONS]: {
    get: guarded('get', {
      operationId: 'listReconciliations',
      summary: "The providers' days reconciled, newest first",
      tag: RECONCILIATION_TAG,
      permission: Permission.ReconcilePayments,
      parameters: [query('provider', str(), "A provider's system id"), query('date', str({ format: 'date' }), 'A day'), param('Page'), param('PageSize')],
      answers: { '200': { description: 'One page of reconciliations', schema: 'ReconciliationPage', examples: { day: example('One provider, one day', { items: [reconciliation], page: 1, pageSize: 20, total: 1 }) } } },
      proxied: true,
    }),
    post: guarded('post', {
      operationId: 'reconcile',
      summary: "Reconcile a provider's day against its statement now",
      description:
        "Every provider's previous day is reconciled daily; this runs a day now, replacing its earlier run. The provider's statement is fetched and compared with the attempts paid that day, by reference: " +
        'every payment missing from the statement, extra on it, or for another amount is kept, and published as payment.mismatch-found.v1 (the summary as payment.reconciled.v1). A statement that cannot be had or read fails the run, with the reason.',
      tag: RECONCILIATION_TAG,
      permission: Permission.ReconcilePayments,
      requestBody: body('Reconcile', example('Vietcombank on 23 November', { provider: 'VCB', date: '2026-11-23' })),
      answers: { '201': { description: 'The run, finished', schema: 'Reconciliation', examples: { mismatched: example('Four payments disagree', reconciliation) } } },
      problems: ['paymentProviderUnknown', 'reconciliationRunning'],
      proxied: true,
    }),
  },
  [`${RECONCILIATIONS}/{id}`]: {
    get: guarded('get', {
      operationId: 'getReconciliation',
      summary: 'One reconciliation',
      tag: RECONCILIATION_TAG,
      permission: Permission.ReconcilePayments,
      parameters: [reconciliationIdParam],
      answers: { '200': { description: 'The reconciliation', schema: 'Reconciliation', examples: { mismatched: example('Four payments disagree', reconciliation) } } },
      problems: ['reconciliationNotFound'],
      proxied: true,
    }),
  },
  [`${RECONCILIATIONS}/{id}/mismatches`]: {
    get: guarded('get', {
      operationId: 'listMismatches',
      summary: 'The payments a reconciliation found the ledger and the statement disagree on',
      tag: RECONCILIATION_TAG,
      permission: Permission.ReconcilePayments,
      parameters: [reconciliationIdParam, query('kind', { enum: ['missing', 'extra', 'amount-differs'] }, 'Only mismatches of this kind'), param('Page'), param('PageSize')],
      answers: {
        '200': {
          description: 'One page of mismatches',
          schema: 'MismatchPage',
          examples: {
            differs: example('An amount that differs', {
              items: [{ kind: 'amount-differs', reference: PAYMENT_REFERENCE, providerTransaction: 'GD123456', ledgerAmount: 150000, statementAmount: 15000 }],
              page: 1,
              pageSize: 20,
              total: 4,
            }),
          },
        },
      },
      problems: ['reconciliationNotFound'],
      proxied: true,
    }),
  },
  '/v1/operator/payments/fees-awaiting-procedure': {
    get: guarded('get', {
      operationId: 'listFeesAwaitingProcedure',
      summary: 'Fees asked of dossiers whose procedure payment does not know yet, oldest first',
      description:
        "A dossier at status 6 is billed from its procedure's fees, which come from the catalogue as procedure.published.v1. Until they do, its fee waits here, neither retried nor dead-lettered, " +
        'and is billed the moment the procedure is published. One that waits long names a procedure the catalogue has not published; /metrics of payment counts them (lienthong_payment_fees_awaiting_procedure, and the oldest one\'s age).',
      tag: RECONCILIATION_TAG,
      permission: Permission.ReconcilePayments,
      parameters: [query('procedure', str({ minLength: 1, maxLength: 60 }), 'Only the fees of this procedure'), param('Page'), param('PageSize')],
      answers: {
        '200': {
          description: 'One page of fees waiting',
          schema: 'FeesAwaitingProcedurePage',
          examples: { one: example('One dossier waits', { items: [{ dossierCode: '000.00.06.H56-261123-0001', procedureCode: '1.000358', requestedAt: '2026-11-23T07:59:00.000Z' }], page: 1, pageSize: 20, total: 1 }) },
        },
      },
      proxied: true,
    }),
  },
  '/v1/operator/payments/attempts/{id}/refunds': {
    post: guarded('post', {
      operationId: 'refundPayment',
      summary: 'Record money of a paid attempt given back, in part or in full',
      description:
        'Once the provider has given the money back (message version 1.0.6 has no refund message). At most what is not yet refunded; the attempt becomes partially-refunded or refunded, and payment.refunded.v1 is published.',
      tag: RECONCILIATION_TAG,
      permission: Permission.RefundPayments,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'The attempt', schema: str({ format: 'uuid' }) }],
      requestBody: body('Refund', example('Charged too much', { amount: 50000, reason: 'Thu thừa lệ phí' })),
      answers: { '201': { description: 'The attempt after the refund', schema: 'PaymentAttempt', examples: { refunded: example('Part refunded', { ...attempt, status: 'partially-refunded', refundedAmount: 50000, providerTransaction: 'GD123456', settledAt: '2026-11-23T08:05:12.000Z' }) } } },
      problems: ['paymentAttemptNotFound', 'paymentRefundRefused'],
      proxied: true,
    }),
  },
  '/v1/payments/callbacks': {
    post: guarded('post', {
      operationId: 'paymentCallback',
      summary: "A provider's callback on a payment attempt (message version 1.0.6)",
      description:
        'Called by the payment platform, a bank or an intermediary with its own credentials. The checksum is verified with the scheme and key of the calling provider, then the reference, partner, currency and amount. ' +
        'A callback told again, or arriving before the applicant is back, counts once and is answered 200 again; every callback is kept with its verdict. Paid makes payment.succeeded.v1, which moves the dossier on.',
      tag: PAYMENT_TAG,
      permission: Permission.ReportPayment,
      requestBody: body('ProviderCallback', example('Paid at Vietcombank', callback)),
      answers: {
        '200': {
          description: 'Taken (or taken before): the provider may stop sending it',
          schema: 'ProviderCallbackAnswer',
          examples: { taken: example('Taken', { MaLoi: '00', MoTaLoi: 'Thành công', MaDoiTac: 'LIENTHONG', ThoiGianGD: '20261123150513', MaXacThuc: '4f1c9e0b7a2d3c5e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6' }) },
        },
      },
      problems: ['paymentCallerNotAProvider', 'paymentReportForged', 'paymentReportUnknownReference', 'paymentReportMismatch', 'paymentReportConflicts'],
      proxied: true,
    }),
  },
};
