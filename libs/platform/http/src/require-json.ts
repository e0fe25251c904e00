import type { NextFunction, Request, Response } from 'express';
import { problemType } from './problem';
import { sendProblem } from './problem.filter';

const hasBody = (req: Request) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
const isJson = (req: Request) => /^application\/([\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '');

/** A request that carries a body must say it is JSON: anything else is refused with 415 before parsing. */
export function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req) || isJson(req)) return next();
  sendProblem(res, {
    type: problemType('unsupported-media-type'),
    title: 'Unsupported media type',
    status: 415,
    detail: 'Send the body as application/json',
    instance: req.originalUrl,
  });
}
