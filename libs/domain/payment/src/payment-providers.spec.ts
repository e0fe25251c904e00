import { demoPaymentProviders } from './payment-providers';
import { paymentReference } from './payment-reference';

describe('demoPaymentProviders', () => {
  const participants = [
    { id: 'VN/GOV/000.00.00.H56/MOTCUA', name: 'Một cửa Lâm Đồng', kind: 'one-stop' },
    { id: 'VN/GOV/000.00.00.G22/PAYGOV', name: 'Nền tảng thanh toán', kind: 'payment-platform' },
    { id: 'VN/COM/0100112437/VCB', name: 'Vietcombank', kind: 'bank' },
    { id: 'VN/COM/0102182292/VNPAY', name: 'VNPAY', kind: 'intermediary' },
    { id: 'VN/COM/0305289153/MOMO', name: 'MoMo', kind: 'intermediary' },
  ];

  it('keeps the providers only, named by their subsystem, each with its scheme', () => {
    expect(demoPaymentProviders(participants)).toEqual([
      { systemId: 'VN/GOV/000.00.00.G22/PAYGOV', code: 'PAYGOV', name: 'Nền tảng thanh toán', kind: 'payment-platform', scheme: 'sha256-secret-suffix' },
      { systemId: 'VN/COM/0100112437/VCB', code: 'VCB', name: 'Vietcombank', kind: 'bank', scheme: 'hmac-sha256' },
      { systemId: 'VN/COM/0102182292/VNPAY', code: 'VNPAY', name: 'VNPAY', kind: 'intermediary', scheme: 'hmac-sha1' },
      { systemId: 'VN/COM/0305289153/MOMO', code: 'MOMO', name: 'MoMo', kind: 'intermediary', scheme: 'hmac-sha256' },
    ]);
  });
});

describe('paymentReference', () => {
  it('is the dossier code, the time and the attempt, in the shape of the platform', () => {
    expect(paymentReference('000.00.06.H56-231027-0361', '20231027103000', 1)).toBe('dvc0000006H5623102703612023102710300001');
    expect(paymentReference('000.00.06.H56-231027-0361', '20231027103000', 12)).not.toBe(paymentReference('000.00.06.H56-231027-0361', '20231027103000', 1));
  });
});
