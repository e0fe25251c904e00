import { HttpStatus } from '@nestjs/common';

/** RFC 9457 problem details. `type` is a stable URI naming the kind of problem. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemType = (slug: string) => `https://lienthong.gov.vn/problems/${slug}`;

/** A failure the caller can act on: thrown by use cases, answered as problem+json by ProblemFilter. */
export class ProblemException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }

  toProblem(instance?: string): ProblemDetails {
    // standard members last: an extension can never overwrite type, title or status
    return { ...this.extensions, type: problemType(this.slug), title: this.title, status: this.status, detail: this.detail, instance };
  }
}

/**
 * The exception class of one module's problems: an enum of codes mapped exhaustively to status and title.
 *
 *   export class DossierException extends problemsOf<DossierProblem>({ [DossierProblem.NotFound]: [404, 'Dossier not found'], … }) {}
 *   throw new DossierException(DossierProblem.NotFound, `no dossier ${code}`);
 */
export function problemsOf<Code extends string>(problems: Record<Code, [HttpStatus, string]>) {
  return class extends ProblemException {
    constructor(problem: Code, detail: string, extensions: Record<string, unknown> = {}) {
      const [status, title] = problems[problem];
      super(status, problem, title, detail, extensions);
    }
  };
}
