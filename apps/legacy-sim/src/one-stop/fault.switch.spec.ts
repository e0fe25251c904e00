import { FaultSwitch, SLOW_ANSWER_MS } from './fault.switch';

describe('fault switch', () => {
  it('answers normally when no fault is set', () => {
    const faults = new FaultSwitch();
    expect(faults.modeOf('H56')).toBe('none');
    expect(faults.next('H56')).toEqual({ kind: 'answer' });
  });

  it('makes a down province unavailable on every call, and only that province', () => {
    const faults = new FaultSwitch();
    faults.set('H56', 'down');
    expect([faults.next('H56'), faults.next('H56')]).toEqual([{ kind: 'unavailable' }, { kind: 'unavailable' }]);
    expect(faults.next('H26')).toEqual({ kind: 'answer' });
  });

  it('delays every call of a slow province by 3 s', () => {
    const faults = new FaultSwitch();
    faults.set('H56', 'slow');
    expect(faults.next('H56')).toEqual({ kind: 'delay', ms: SLOW_ANSWER_MS });
  });

  it('fails every second call of a flaky province, counting afresh when switched on again', () => {
    const faults = new FaultSwitch();
    faults.set('H56', 'flaky');
    expect([1, 2, 3, 4].map(() => faults.next('H56').kind)).toEqual(['answer', 'unavailable', 'answer', 'unavailable']);
    faults.next('H56');
    faults.set('H56', 'flaky');
    expect(faults.next('H56').kind).toBe('answer');
  });

  it('clears the fault with none', () => {
    const faults = new FaultSwitch();
    faults.set('H56', 'down');
    faults.set('H56', 'none');
    expect(faults.next('H56')).toEqual({ kind: 'answer' });
  });
});
