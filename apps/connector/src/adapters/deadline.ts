/** How long one call to a legacy system may take in all: every request made for it (logins included) ends when the signal fires. */
export interface Deadline {
  signal: AbortSignal;
  ms: number;
}

export const deadlineIn = (ms: number): Deadline => ({ signal: AbortSignal.timeout(ms), ms });
