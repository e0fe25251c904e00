import { onlineBill } from './online-bill';

describe('onlineBill', () => {
  it('bills only the ONLINE fee lines, with their total in đồng', () => {
    const bill = onlineBill([
      { kind: 'FEE', amount: 50000, submissionMethod: 'ONLINE', description: 'Phí thẩm định' },
      { kind: 'CHARGE', amount: 100000, submissionMethod: 'ONLINE' },
      { kind: 'FEE', amount: 70000, submissionMethod: 'DIRECT' },
      { kind: 'CHARGE', amount: 120000, submissionMethod: 'POSTAL' },
    ]);
    expect(bill).toEqual({
      amount: 150000,
      feeLines: [
        { kind: 'FEE', amount: 50000, description: 'Phí thẩm định' },
        { kind: 'CHARGE', amount: 100000 },
      ],
    });
  });

  it('bills nothing when the procedure has no online fee', () => {
    expect(onlineBill([{ kind: 'FEE', amount: 70000, submissionMethod: 'DIRECT' }])).toEqual({ amount: 0, feeLines: [] });
    expect(onlineBill([])).toEqual({ amount: 0, feeLines: [] });
  });
});
