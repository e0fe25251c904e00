import type { NextFunction, Request, Response } from 'express';
import { problemType } from './problem';
import { sendProblem } from './problem.filter';

const hasBody = (req: Request) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
const isJson = (req: Request) => /^application\/([\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '');
const isFormBody = (req: Request) => /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');

/** A request that carries a body must say it is JSON (or a form, on `formPaths`): anything else is refused with 415 before parsing. */
export function requireJsonBody(formPaths: ReadonlySet<string> = new Set()) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req) || isJson(req) || (isFormBody(req) && formPaths.has(req.path))) return next();
    sendProblem(res, {
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      status: 415,
      detail: formPaths.has(req.path) ? 'Send the body as application/json or application/x-www-form-urlencoded' : 'Send the body as application/json',
      instance: req.originalUrl,
    });
  };
}
