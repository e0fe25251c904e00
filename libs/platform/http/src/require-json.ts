import type { NextFunction, Request, Response } from 'express';
import { problemInstanceOf } from './internal-headers';
import { hasBody, isJson, UnsupportedMediaTypeException } from './json-body';
import { sendProblem } from './problem.filter';

const isFormBody = (req: Request) => /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');

/** A request that carries a body must say it is JSON (or a form, on `formPaths`): anything else is refused with 415 before parsing. */
export function requireJsonBody(formPaths: ReadonlySet<string> = new Set()) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req) || isJson(req) || (isFormBody(req) && formPaths.has(req.path))) return next();
    sendProblem(res, new UnsupportedMediaTypeException(formPaths.has(req.path)).toProblem(problemInstanceOf(req)));
  };
}
