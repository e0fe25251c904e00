import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** Response headers of a providing service worth passing back to the client. */
export const PASSED_BACK_HEADERS = ['content-type', 'location', 'retry-after'] as const;
export type PassedBackHeader = (typeof PASSED_BACK_HEADERS)[number];

/** What a providing service answered, held in memory so that it can be sent, and stored for a retry. */
export interface UpstreamAnswer {
  status: number;
  headers: Partial<Record<PassedBackHeader, string>>;
  body: Buffer;
}

/**
 * Puts an answer's status and headers on the response and hands its bytes back to Nest unchanged: a Buffer returned
 * as is would be serialised as JSON, a string would lose bytes that are not UTF-8.
 */
export function answerWith(res: Response, answer: UpstreamAnswer): StreamableFile {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  return new StreamableFile(answer.body);
}
