import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import { request, waitFor } from '@lienthong/platform-testing';

/** A record reaches the operator API through Kafka and the consumer; the first waits for the group to form. */
export const RECORD_TIMEOUT_MS = 60000;

/** Polls the operator API of the gateway at `baseUrl` until the record of this exchange shows up among those the query selects. */
export function exchangeRecordOf(baseUrl: string, operator: Record<string, string>, exchangeId: string | null, query: Record<string, string>): Promise<ExchangeRecordedV1> {
  expect(exchangeId).toMatch(/^[0-9a-f-]{36}$/);
  return waitFor(
    async () => {
      const res = await request(`${baseUrl}/v1/operator/exchanges?${new URLSearchParams({ ...query, pageSize: '100' })}`, { headers: operator });
      expect(res.status).toBe(200);
      return (res.body.items as unknown as ExchangeRecordedV1[]).find((record) => record.exchangeId === exchangeId);
    },
    `the exchange record ${exchangeId}`,
    RECORD_TIMEOUT_MS - 5000,
    200,
  );
}
