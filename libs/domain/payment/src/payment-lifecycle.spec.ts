import { expire, IllegalPaymentTransitionError, judgeReport, PaymentAttempt, PaymentStatus, ProviderReport, redirected, refund } from './payment-lifecycle';

const attempt = (status: PaymentStatus, changes: Partial<PaymentAttempt> = {}): PaymentAttempt => ({
  reference: 'dvc0000006H56231027036120231027103000',
  partner: 'PARTNER01',
  amount: 150000,
  currency: 'VND',
  status,
  providerTransaction: null,
  refundedAmount: 0,
  ...changes,
});

const report = (changes: Partial<ProviderReport> = {}): ProviderReport => ({
  authentic: true,
  partner: 'PARTNER01',
  reference: 'dvc0000006H56231027036120231027103000',
  amount: '150000',
  currency: 'VND',
  paid: true,
  providerTransaction: 'GD123456',
  ...changes,
});

describe('judging a provider report on a payment attempt', () => {
  it.each<PaymentStatus>(['created', 'pending'])('an authentic paid report settles an attempt %s (a callback may come before the redirect)', (status) => {
    expect(judgeReport(attempt(status), report())).toEqual({ kind: 'paid', status: 'succeeded', providerTransaction: 'GD123456' });
  });

  it('an authentic report of failure fails it', () => {
    expect(judgeReport(attempt('pending'), report({ paid: false }))).toEqual({ kind: 'failed', status: 'failed', providerTransaction: 'GD123456' });
  });

  it.each<[string, Partial<ProviderReport>, string]>([
    ['forged', { authentic: false }, 'forged'],
    ['for another reference', { reference: 'dvc-other' }, 'unknown-reference'],
    ['from another partner', { partner: 'PARTNER02' }, 'partner-mismatch'],
    ['in another currency', { currency: 'USD' }, 'currency-mismatch'],
    ['with a tampered amount', { amount: '15000' }, 'amount-mismatch'],
    ['with an amount that is no integer', { amount: '150000.00' }, 'amount-mismatch'],
    ['with an amount as a negative number', { amount: -150000 }, 'amount-mismatch'],
  ])('a report %s is refused, with its reason, and pays nothing', (_, changes, reason) => {
    expect(judgeReport(attempt('pending'), report(changes))).toMatchObject({ kind: 'refused', reason });
  });

  it('checks the signature first: a forged report with a wrong amount says forged, nothing about the amount', () => {
    expect(judgeReport(attempt('pending'), report({ authentic: false, amount: '1' }))).toMatchObject({ kind: 'refused', reason: 'forged' });
  });

  it('a report for no attempt at all is an unknown reference', () => {
    expect(judgeReport(undefined, report())).toMatchObject({ kind: 'refused', reason: 'unknown-reference' });
  });

  it('the same paid report twice changes nothing the second time', () => {
    const paid = attempt('succeeded', { providerTransaction: 'GD123456' });
    expect(judgeReport(paid, report())).toEqual({ kind: 'duplicate' });
  });

  it.each<PaymentStatus>(['failed', 'expired'])('a report of failure for an attempt %s changes nothing', (status) => {
    expect(judgeReport(attempt(status), report({ paid: false }))).toEqual({ kind: 'duplicate' });
  });

  it('a failure reported after success (reordered) is refused, and the attempt stays paid', () => {
    expect(judgeReport(attempt('succeeded', { providerTransaction: 'GD123456' }), report({ paid: false }))).toMatchObject({ kind: 'refused', reason: 'conflicts-with-outcome' });
  });

  it('a second payment by another transaction is refused for operators to refund, not counted twice', () => {
    expect(judgeReport(attempt('succeeded', { providerTransaction: 'GD123456' }), report({ providerTransaction: 'GD999999' }))).toMatchObject({
      kind: 'refused',
      reason: 'conflicts-with-outcome',
    });
  });

  it('a success reported after a failure is refused for operators: the provider contradicts itself', () => {
    expect(judgeReport(attempt('failed'), report())).toMatchObject({ kind: 'refused', reason: 'conflicts-with-outcome' });
  });

  it('money taken after the attempt expired still succeeds, marked as after expiry', () => {
    expect(judgeReport(attempt('expired'), report())).toEqual({ kind: 'paid-after-expiry', status: 'succeeded', providerTransaction: 'GD123456' });
  });

  it.each<PaymentStatus>(['partially-refunded', 'refunded'])('a paid report for an attempt %s is a duplicate', (status) => {
    expect(judgeReport(attempt(status, { providerTransaction: 'GD123456' }), report())).toEqual({ kind: 'duplicate' });
  });
});

describe('the other transitions of an attempt', () => {
  it('redirecting makes a created attempt pending, and leaves one a callback already settled as it is', () => {
    expect(redirected(attempt('created'))).toBe('pending');
    expect(redirected(attempt('succeeded'))).toBe('succeeded');
  });

  it.each<PaymentStatus>(['created', 'pending'])('an attempt %s expires', (status) => {
    expect(expire(attempt(status))).toBe('expired');
  });

  it.each<PaymentStatus>(['succeeded', 'failed', 'expired', 'refunded'])('an attempt %s does not expire', (status) => {
    expect(() => expire(attempt(status))).toThrow(IllegalPaymentTransitionError);
  });

  it('refunds in part, then the rest', () => {
    const first = refund(attempt('succeeded'), 50000);
    expect(first).toEqual({ status: 'partially-refunded', refundedAmount: 50000 });
    expect(refund(attempt(first.status, { refundedAmount: first.refundedAmount }), 100000)).toEqual({ status: 'refunded', refundedAmount: 150000 });
  });

  it.each([
    ['more than was paid', 150001],
    ['nothing', 0],
    ['a fraction of a đồng', 0.5],
  ])('refuses to refund %s', (_, amount) => {
    expect(() => refund(attempt('succeeded'), amount)).toThrow(/not between 1 and the 150000 đồng/);
  });

  it('refuses to refund more than what is left after a partial refund', () => {
    expect(() => refund(attempt('partially-refunded', { refundedAmount: 100000 }), 50001)).toThrow(/50000 đồng not yet refunded/);
  });

  it.each<PaymentStatus>(['created', 'pending', 'failed', 'expired', 'refunded'])('refunds nothing of an attempt %s', (status) => {
    expect(() => refund(attempt(status), 1000)).toThrow(/only money received is refunded/);
  });
});
