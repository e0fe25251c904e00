export const FAULT_MODES = ['none', 'down', 'slow', 'flaky'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** How a simulated province answers one call under its current fault. */
export type FaultVerdict = { kind: 'answer' } | { kind: 'unavailable' } | { kind: 'delay'; ms: number };

export const SLOW_ANSWER_MS = 3000;

/**
 * The faults switched on per province for tests and demos: down answers every call 503, slow answers
 * after 3 s, flaky answers every second call 503.
 */
export class FaultSwitch {
  private readonly modes = new Map<string, FaultMode>();
  private readonly flakyCalls = new Map<string, number>();

  set(province: string, mode: FaultMode): void {
    this.flakyCalls.delete(province);
    if (mode === 'none') this.modes.delete(province);
    else this.modes.set(province, mode);
  }

  modeOf(province: string): FaultMode {
    return this.modes.get(province) ?? 'none';
  }

  /** Decides the next call; flaky counts calls from the moment it was switched on. */
  next(province: string): FaultVerdict {
    switch (this.modeOf(province)) {
      case 'none':
        return { kind: 'answer' };
      case 'down':
        return { kind: 'unavailable' };
      case 'slow':
        return { kind: 'delay', ms: SLOW_ANSWER_MS };
      case 'flaky': {
        const calls = (this.flakyCalls.get(province) ?? 0) + 1;
        this.flakyCalls.set(province, calls);
        return calls % 2 === 0 ? { kind: 'unavailable' } : { kind: 'answer' };
      }
    }
  }
}
