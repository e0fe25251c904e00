import { RateLimiterMemory } from 'rate-limiter-flexible';
import { leaseSizeFor, QuotaLeases, QuotaTake } from './quota-leases';

// 100 points a second: leases of 5
const store = () => new RateLimiterMemory({ points: 100, duration: 1 });
const storeCalls = (limiter: RateLimiterMemory) => jest.spyOn(limiter, 'consume');
const admittedOf = (takes: QuotaTake[]) => takes.filter((t) => t.admitted).length;

describe('QuotaLeases', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-23T10:00:00.000Z'), doNotFake: ['nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('sizes leases at a twentieth of the limit, from 1 to 1000 points', () => {
    expect([1, 19, 20, 100, 200, 2_000_000].map(leaseSizeFor)).toEqual([1, 1, 1, 5, 10, 1000]);
  });

  it('answers the calls a lease covers from memory, synchronously, then takes a new lease', async () => {
    const limiter = store();
    const consume = storeCalls(limiter);
    const leases = new QuotaLeases(limiter);
    expect(await leases.take('H17')).toMatchObject({ admitted: true, remaining: 99 });
    const fromLease = [2, 3, 4, 5].map(() => leases.take('H17'));
    expect(fromLease.every((take) => !(take instanceof Promise))).toBe(true);
    expect(fromLease.map((take) => (take as QuotaTake).remaining)).toEqual([98, 97, 96, 95]);
    expect(consume).toHaveBeenCalledTimes(1);
    expect(await leases.take('H17')).toMatchObject({ admitted: true, remaining: 94 });
    expect(consume).toHaveBeenCalledTimes(2);
  });

  it('grants the part of a lease still below the limit, and never more than the limit over all instances', async () => {
    const limiter = store();
    await limiter.consume('H17', 97);
    const leases = new QuotaLeases(limiter);
    const takes = [];
    for (let i = 0; i < 4; i++) takes.push(await leases.take('H17'));
    expect(takes.map((t) => t.admitted)).toEqual([true, true, true, false]);

    const shared = store();
    const instances = [new QuotaLeases(shared), new QuotaLeases(shared), new QuotaLeases(shared)];
    const everyCall: QuotaTake[] = [];
    for (let round = 0; round < 60; round++) for (const instance of instances) everyCall.push(await instance.take('H26'));
    expect(admittedOf(everyCall)).toBe(100);
  });

  it('ends a lease with the window, counted from when the lease was asked for', async () => {
    const limiter = store();
    const answerNow = limiter.consume.bind(limiter);
    // the store answers 300 ms after it opened the window
    const consume = storeCalls(limiter).mockImplementationOnce((key, points) => {
      const answer = answerNow(key, points);
      jest.advanceTimersByTime(300);
      return answer;
    });
    const leases = new QuotaLeases(limiter);
    expect(await leases.take('H17')).toMatchObject({ admitted: true, msBeforeReset: 700 });
    jest.advanceTimersByTime(699);
    expect(leases.take('H17')).toMatchObject({ admitted: true, msBeforeReset: 1 });
    jest.advanceTimersByTime(1);
    expect(await leases.take('H17')).toMatchObject({ admitted: true, remaining: 99, msBeforeReset: 1000 });
    expect(consume).toHaveBeenCalledTimes(2);
  });

  it('refuses locally, without asking the store, until the window of a used-up quota ends', async () => {
    const limiter = store();
    await limiter.consume('H17', 100);
    const consume = storeCalls(limiter);
    const leases = new QuotaLeases(limiter);
    expect(await leases.take('H17')).toMatchObject({ admitted: false, remaining: 0 });
    const refusals = Array.from({ length: 50 }, () => leases.take('H17'));
    expect(refusals.every((take) => !(take instanceof Promise) && !take.admitted)).toBe(true);
    expect(consume).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1000);
    expect(await leases.take('H17')).toMatchObject({ admitted: true });
    expect(consume).toHaveBeenCalledTimes(2);
  });

  it('has calls arriving while a lease is asked for wait for that one request', async () => {
    const limiter = store();
    const consume = storeCalls(limiter);
    const leases = new QuotaLeases(limiter);
    const takes = await Promise.all(Array.from({ length: 12 }, () => leases.take('H17')));
    expect(admittedOf(takes)).toBe(12);
    // 12 calls, leases of 5: three requests, one after the other
    expect(consume).toHaveBeenCalledTimes(3);
  });

  it('fails every waiting call when the store fails, and asks again on the next call', async () => {
    const limiter = store();
    const consume = storeCalls(limiter).mockRejectedValueOnce(new Error('store unreachable'));
    const leases = new QuotaLeases(limiter);
    const waiting = Array.from({ length: 3 }, () => leases.take('H17'));
    for (const take of waiting) await expect(take).rejects.toThrow('store unreachable');
    expect(consume).toHaveBeenCalledTimes(1);
    expect(await leases.take('H17')).toMatchObject({ admitted: true });
    expect(consume).toHaveBeenCalledTimes(2);
  });
});
