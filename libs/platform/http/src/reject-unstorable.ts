import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problemInstanceOf } from './internal-headers';
import { ProblemException } from './problem';
import { sendProblem } from './problem.filter';

/**
 * Characters PostgreSQL cannot store: U+0000 (in text or jsonb), and a lone UTF-16 surrogate (a JSON escape such as
 * "\ud83d" without its pair, which jsonb refuses). Neither has a place in any field we take.
 */
const isUnstorable = (text: string): boolean => text.includes('\0') || !text.isWellFormed();

export const containsUnstorable = (value: unknown): boolean => {
  if (typeof value === 'string') return isUnstorable(value);
  if (Array.isArray(value)) return value.some(containsUnstorable);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => isUnstorable(key) || containsUnstorable(item));
  return false;
};

export class UnstorableCharactersException extends ProblemException {
  constructor() {
    super(
      HttpStatus.BAD_REQUEST,
      'invalid-characters',
      'The request contains characters that are not allowed',
      'NUL (U+0000) and unpaired UTF-16 surrogates are not allowed in paths, query parameters or body fields',
    );
  }
}

const decodedPath = (req: Request): string => {
  try {
    return decodeURIComponent(req.path);
  } catch {
    return req.path;
  }
};

/** Refuses a request carrying an unstorable character in its path, query or body with 400, before any handler sees it. */
export function rejectUnstorableCharacters(req: Request, res: Response, next: NextFunction): void {
  if (!containsUnstorable(decodedPath(req)) && !containsUnstorable(req.query) && !containsUnstorable(req.body)) return next();
  sendProblem(res, new UnstorableCharactersException().toProblem(problemInstanceOf(req)));
}
