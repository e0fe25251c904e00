import type { NextFunction, Request, Response } from 'express';
import { problemType } from './problem';
import { sendProblem } from './problem.filter';

/** U+0000 has no place in any field we take, and PostgreSQL text cannot hold it. */
export const containsNul = (value: unknown): boolean => {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.includes('\0') || containsNul(item));
  return false;
};

const decodedPath = (req: Request): string => {
  try {
    return decodeURIComponent(req.path);
  } catch {
    return req.path;
  }
};

/** Refuses a request carrying a NUL character in its path, query or body with 400, before any handler sees it. */
export function rejectNulCharacters(req: Request, res: Response, next: NextFunction): void {
  if (!containsNul(decodedPath(req)) && !containsNul(req.query) && !containsNul(req.body)) return next();
  sendProblem(res, {
    type: problemType('invalid-characters'),
    title: 'The request contains characters that are not allowed',
    status: 400,
    detail: 'NUL (U+0000) is not allowed in paths, query parameters or body fields',
    instance: req.originalUrl,
  });
}
