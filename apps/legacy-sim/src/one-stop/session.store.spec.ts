import { SESSION_TTL_MS, SessionStore } from './session.store';

describe('one-stop sessions', () => {
  let now = 0;
  const store = new SessionStore(() => now);

  beforeEach(() => {
    now = 1_700_000_000_000;
  });

  it('hands out distinct tokens valid for their province only', () => {
    const a = store.open('H56');
    const b = store.open('H56');
    expect(a).not.toBe(b);
    expect(store.isValid(a, 'H56')).toBe(true);
    expect(store.isValid(a, 'H26')).toBe(false);
  });

  it('expires a session after 30 minutes', () => {
    const token = store.open('H56');
    now += SESSION_TTL_MS - 1;
    expect(store.isValid(token, 'H56')).toBe(true);
    now += 1;
    expect(store.isValid(token, 'H56')).toBe(false);
  });

  it.each([undefined, 42, '', 'made-up'])('refuses %p as a session', (token) => {
    expect(store.isValid(token, 'H56')).toBe(false);
  });
});
