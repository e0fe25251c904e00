import { DossierStatus } from '../dossier-status';
import { reachedAt } from './status-dates';

describe('when a DVCQG record says its status was reached', () => {
  const record = { NgayTiepNhan: '20261123081500', NgayKetThucXuLy: '20261126160000', NgayTra: '', NgayHenTra: '20261130170000' };

  it.each([
    [DossierStatus.Accepted, '2026-11-23T01:15:00.000Z'],
    [DossierStatus.NotAccepted, '2026-11-23T01:15:00.000Z'],
    [DossierStatus.ResultReady, '2026-11-26T09:00:00.000Z'],
  ])('status %i: at its own date, Vietnamese time', (status, at) => {
    expect(reachedAt(record, status)?.toISOString()).toBe(at);
  });

  it.each([DossierStatus.Processing, DossierStatus.ResultReturned])('status %i: nothing, when the record has no date of it', (status) => {
    expect(reachedAt(record, status)).toBeUndefined();
  });
});
