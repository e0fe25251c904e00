import { compareLedger } from './compare-ledger';

const paid = (reference: string, amount = 150000, providerTransaction: string | null = `GD-${reference}`) => ({ reference, amount, providerTransaction });

describe('compareLedger', () => {
  it('matches what both sides know for the same amount, and names every other payment with what is wrong', () => {
    const ledger = [paid('a'), paid('b'), paid('c', 500000), paid('d')];
    const statement = [paid('a'), paid('c', 50000), paid('d'), paid('e', 20000)];
    expect(compareLedger(ledger, statement)).toEqual({
      matched: 2,
      mismatches: [
        { kind: 'missing', reference: 'b', providerTransaction: 'GD-b', ledgerAmount: 150000, statementAmount: null },
        { kind: 'amount-differs', reference: 'c', providerTransaction: 'GD-c', ledgerAmount: 500000, statementAmount: 50000 },
        { kind: 'extra', reference: 'e', providerTransaction: 'GD-e', ledgerAmount: null, statementAmount: 20000 },
      ],
    });
  });

  it('finds nothing wrong with two empty days, and everything wrong with one empty side', () => {
    expect(compareLedger([], [])).toEqual({ matched: 0, mismatches: [] });
    expect(compareLedger([paid('a')], []).mismatches.map((m) => m.kind)).toEqual(['missing']);
    expect(compareLedger([], [paid('a')]).mismatches.map((m) => m.kind)).toEqual(['extra']);
  });
});
