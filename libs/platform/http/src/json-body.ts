import { HttpStatus } from '@nestjs/common';
import { json } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemException } from './problem';
import { containsUnstorable, UnstorableCharactersException } from './reject-unstorable';

/** The largest JSON body a service reads unless it says otherwise. */
export const DEFAULT_BODY_LIMIT = '1mb';

export const hasBody = (req: IncomingMessage): boolean => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
export const isJson = (req: IncomingMessage): boolean => /^application\/([\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '');

export class UnsupportedMediaTypeException extends ProblemException {
  constructor(formsToo = false) {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'unsupported-media-type',
      'Unsupported media type',
      formsToo ? 'Send the body as application/json or application/x-www-form-urlencoded' : 'Send the body as application/json',
    );
  }
}

/** The JSON body parser of every service (body-parser, as Express ships it): its errors map to problems in toProblem. */
export const jsonBodyParser = (limit: string = DEFAULT_BODY_LIMIT) => json({ limit, type: ['application/json', 'application/*+json'] });

/**
 * Reads a request's JSON body the way a service behind Express reads it (415 for another media type, the parser's
 * limits and errors, 400 for characters PostgreSQL cannot store), for code that serves calls in front of Express.
 * Answers undefined for a request without a body.
 */
export function jsonBodyReader(limit?: string): (req: IncomingMessage, res: ServerResponse) => Promise<unknown> {
  const parse = jsonBodyParser(limit);
  return async (req, res) => {
    if (!hasBody(req)) return undefined;
    if (!isJson(req)) throw new UnsupportedMediaTypeException();
    const body = await new Promise<unknown>((resolve, reject) => parse(req as never, res as never, (error?: unknown) => (error ? reject(error) : resolve((req as { body?: unknown }).body))));
    if (containsUnstorable(body)) throw new UnstorableCharactersException();
    return body;
  };
}
