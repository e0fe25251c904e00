import { GatewayEnv } from '../config';
import { Credential } from '../registry/registry.repository';
import { CredentialCache } from './credential-cache';

const CACHE_MS = 2000;
const credential = (systemId: string) => ({ systemId }) as unknown as Credential;

/** A registry lookup that answers when told to, counting how often it was asked. */
function lookup() {
  const pending: Array<{ resolve: (c: Credential | null) => void; reject: (e: Error) => void }> = [];
  const load = jest.fn(() => new Promise<Credential | null>((resolve, reject) => pending.push({ resolve, reject })));
  return { load, answer: (c: Credential | null) => pending.shift()!.resolve(c), fail: () => pending.shift()!.reject(new Error('registry down')) };
}

describe('CredentialCache', () => {
  let cache: CredentialCache;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-02T10:00:00.000Z'), doNotFake: ['nextTick', 'queueMicrotask'] });
    cache = new CredentialCache({ CREDENTIAL_CACHE_MS: CACHE_MS } as GatewayEnv);
  });
  afterEach(() => jest.useRealTimers());

  it('looks a key up once for all the calls that need it at the same time', async () => {
    const { load, answer } = lookup();
    const calls = [1, 2, 3].map(() => cache.get('k', load));
    answer(credential('H17'));
    expect(await Promise.all(calls)).toEqual([credential('H17'), credential('H17'), credential('H17')]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('answers from the entry while a key in use is looked up again from half of its time on', async () => {
    const { load, answer } = lookup();
    const first = cache.get('k', load);
    answer(credential('H17'));
    await first;
    jest.advanceTimersByTime(CACHE_MS / 2);
    expect(await cache.get('k', load)).toEqual(credential('H17'));
    expect(await cache.get('k', load)).toEqual(credential('H17'));
    expect(load).toHaveBeenCalledTimes(2);
    answer(null); // revoked meanwhile
    await Promise.resolve();
    expect(await cache.get('k', load)).toBeNull();
  });

  it('never answers from an expired entry: past its time a call waits for the lookup', async () => {
    const { load, answer } = lookup();
    const first = cache.get('k', load);
    answer(credential('H17'));
    await first;
    jest.advanceTimersByTime(CACHE_MS);
    const late = cache.get('k', load);
    answer(null);
    expect(await late).toBeNull();
  });

  it('keeps the entry until it expires when a background lookup fails, and passes a failed lookup to the calls waiting', async () => {
    const { load, answer, fail } = lookup();
    const first = cache.get('k', load);
    answer(credential('H17'));
    await first;
    jest.advanceTimersByTime(CACHE_MS / 2);
    expect(await cache.get('k', load)).toEqual(credential('H17'));
    fail();
    await Promise.resolve();
    expect(await cache.get('k', load)).toEqual(credential('H17'));
    jest.advanceTimersByTime(CACHE_MS / 2);
    const waiting = cache.get('k', load);
    fail();
    await expect(waiting).rejects.toThrow('registry down');
  });
});
