import { OneStopStore } from './one-stop.store';
import { LegacyDossier } from '@lienthong/domain-dossier';

const record = (code: string, extra: Record<string, unknown> = {}): LegacyDossier => ({ MaHoSo: code, MaTTHC: '1.000358', ...extra });

describe('one-stop store', () => {
  it('creates new dossiers with the status they were sent with, 1 by default', () => {
    const store = new OneStopStore();
    const outcome = store.sync('H56', { isUpdating: false, dossiers: [record('A'), record('B', { TrangThaiHoSo: '2' })] });
    expect(outcome.kind === 'applied' && outcome.created.map((d) => [d.record.MaHoSo, d.status, d.timesReceived])).toEqual([
      ['A', 1, 1],
      ['B', 2, 1],
    ]);
    expect(store.find('H26', 'A')).toBeUndefined();
  });

  it('refuses a create of an existing code as a whole batch, still counting what it received', () => {
    const store = new OneStopStore();
    store.sync('H56', { isUpdating: false, dossiers: [record('A')] });
    expect(store.sync('H56', { isUpdating: false, dossiers: [record('C'), record('A')] })).toEqual({ kind: 'exists', code: 'A' });
    expect(store.find('H56', 'C')).toBeUndefined();
    expect(store.find('H56', 'A')?.timesReceived).toBe(2);
  });

  it('replaces the record on update but keeps the province status', () => {
    const store = new OneStopStore();
    store.sync('H56', { isUpdating: false, dossiers: [record('A', { TrichYeuHoSo: 'cũ' })] });
    store.find('H56', 'A')!.status = 4;
    const outcome = store.sync('H56', { isUpdating: true, madonvi: '000.00.06.H56', dossiers: [record('A', { TrichYeuHoSo: 'mới', TrangThaiHoSo: 1 })] });
    expect(outcome).toEqual({ kind: 'applied', created: [] });
    expect(store.find('H56', 'A')).toMatchObject({ record: { TrichYeuHoSo: 'mới' }, status: 4, timesReceived: 2, madonvi: '000.00.06.H56' });
  });

  it('refuses an update of an unknown code', () => {
    expect(new OneStopStore().sync('H56', { isUpdating: true, dossiers: [record('Z')] })).toEqual({ kind: 'unknown', code: 'Z' });
  });
});
