import { StreamableFile } from '@nestjs/common';
import type { ServerResponse } from 'node:http';

/** Response headers of a providing service worth passing back to the client. */
export const PASSED_BACK_HEADERS = ['content-type', 'content-disposition', 'location', 'retry-after'] as const;
export type PassedBackHeader = (typeof PASSED_BACK_HEADERS)[number];

/** What a providing service answered, held in memory so that it can be sent, and stored for a retry. */
export interface UpstreamAnswer {
  status: number;
  headers: Partial<Record<PassedBackHeader, string>>;
  body: Buffer;
}

function putHead(res: ServerResponse, answer: UpstreamAnswer): void {
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
}

/** An answer the gateway makes itself, in JSON. */
export const jsonAnswer = (status: number, value: unknown): UpstreamAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: Buffer.from(JSON.stringify(value)),
});

/** Sends an answer as it is. */
export function sendAnswer(res: ServerResponse, answer: UpstreamAnswer): void {
  putHead(res, answer);
  res.end(answer.body);
}

/**
 * Puts an answer's status and headers on the response and hands its bytes back to Nest unchanged: a Buffer returned
 * as is would be serialised as JSON, a string would lose bytes that are not UTF-8.
 */
export function answerWith(res: ServerResponse, answer: UpstreamAnswer): StreamableFile {
  putHead(res, answer);
  return new StreamableFile(answer.body);
}
