import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { LegacySimEnv } from '../config';
import { SmsCenter } from './sms-center';

type Batch = { receipts: { messageId: string; status: string }[] };

/**
 * The gateway as the SMS gateway sees it: answers each batch of receipts when the test says, with the status it says;
 * a message id ending in 0 is unknown to it.
 */
class FakeGateway {
  readonly batches: Batch[] = [];
  private readonly waiting: ((status: number) => void)[] = [];
  private readonly server: Server = createServer((req, res) => this.take(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Answers the oldest call waiting for an answer, once there is one. */
  async answer(status: number): Promise<void> {
    while (this.waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    this.waiting.shift()!(status);
  }

  private take(req: IncomingMessage, res: ServerResponse): void {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const batch = JSON.parse(text) as Batch;
      this.batches.push(batch);
      this.waiting.push((status) => {
        const items = batch.receipts.map((r) => (r.messageId.endsWith('0') ? { messageId: r.messageId, problem: 'unknown-message' } : { messageId: r.messageId, status: 'delivered' }));
        res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? JSON.stringify({ items }) : '{}');
      });
    });
  }
}

const sms = (n: number) => ({ messageId: `00000000-0000-4000-8000-00000000000${n}`, to: '0961234567', text: 'Ho so 1', carrier: 'viettel', templateId: 'DVC_TRANGTHAI_2_01', brandName: 'DICHVUCONG' });
const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('the SMS gateway of legacy-sim reports delivery receipts in batches', () => {
  let gateway: FakeGateway;
  let center: SmsCenter;

  beforeEach(async () => {
    gateway = new FakeGateway();
    center = new SmsCenter(Object.assign(new LegacySimEnv(), { GATEWAY_URL: await gateway.start(), STATUS_PUSH_DELAY_MS: 0 }));
  });

  afterEach(async () => {
    await center.beforeApplicationShutdown();
    await gateway.stop();
  });

  it('sends a receipt at once when no call is out, and those that came due meanwhile together in the next call', async () => {
    center.take(sms(1));
    await until(() => gateway.batches.length === 1);
    center.take(sms(2));
    center.take(sms(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway.batches).toHaveLength(1);
    await gateway.answer(200);
    await until(() => gateway.batches.length === 2);
    await gateway.answer(200);
    expect(gateway.batches.map((b) => b.receipts.map((r) => [r.messageId.slice(-1), r.status]))).toEqual([[['1', 'DELIVERED']], [['2', 'DELIVERED'], ['3', 'DELIVERED']]]);
    const [received] = center.to('0961234567').filter((m) => m.messageId.endsWith('3'));
    await until(() => received.receipts.length === 1);
    expect(received.receipts).toEqual([{ status: 'DELIVERED', httpStatus: 200, outcome: 'delivered', sentAt: expect.any(String) }]);
  });

  it('sends a batch the gateway could not take again, and notes what the backbone made of its receipt', async () => {
    center.setFault('permanent');
    center.take(sms(0));
    await gateway.answer(503);
    await gateway.answer(200);
    const [received] = center.to('0961234567');
    await until(() => received.receipts.length === 2);
    expect(gateway.batches).toEqual([{ receipts: [expect.objectContaining({ messageId: sms(0).messageId, status: 'PERMANENT_FAILURE' })] }, gateway.batches[0]]);
    expect(received.receipts.map((r) => [r.status, r.httpStatus, r.outcome])).toEqual([
      ['PERMANENT_FAILURE', 503, undefined],
      ['PERMANENT_FAILURE', 200, 'unknown-message'],
    ]);
  });
});
