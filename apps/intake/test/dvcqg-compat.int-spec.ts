import { DataSource } from 'typeorm';
import { vietnamDay } from '@lienthong/domain-dossier';
import { request, TestApp } from '@lienthong/platform-testing';
import { startIntake } from './intake.fixture';

const ONE_STOP = { 'x-lienthong-client': 'VN/GOV/000.00.00.H56/MOTCUA' };
/** A day of its own for each run (the test database outlives runs), under an agency only these tests use. */
const DAY = vietnamDay(new Date(Date.UTC(2000, 0, 1) + (Math.floor(Date.now() / 1000) % 9000) * 86_400_000));
const codeOf = (n: number) => `000.00.91.H56-${DAY}-${String(n).padStart(4, '0')}`;

/** A dossier as one-stop software sends it (DOMAIN.md): enumerations as strings, dates as yyyyMMddHHmmss. */
const record = (n: number, overrides: Record<string, unknown> = {}) => ({
  MaHoSo: codeOf(n),
  MaTTHC: '1.000358.000.00.00.H56',
  TenTTHC: 'Gia hạn Giấy phép thành lập Chi nhánh của thương nhân nước ngoài tại Việt Nam',
  MaLinhVuc: 'G02-CT19',
  TenLinhVuc: 'Thương mại quốc tế',
  KenhThucHien: '1',
  ChuHoSo: 'Nguyễn Văn An',
  SoGiayToChuHoSo: '038090001234',
  LoaiDoiTuong: '1',
  MaDoiTuong: '',
  Email: 'an.nguyen@example.vn',
  SoDienThoai: '0961234567',
  TrichYeuHoSo: 'Đề nghị gia hạn giấy phép thành lập chi nhánh',
  NgayNopHoSo: '20261123081000',
  NgayTiepNhan: '20261123081500',
  NgayHenTra: '20261130170000',
  TrangThaiHoSo: '2',
  NgayTra: '',
  NgayKetThucXuLy: '',
  DonViXuLy: '000.00.91.H56',
  GhiChu: '',
  TaiLieuNop: [{ TenTepDinhKem: 'don-de-nghi.pdf', DuongDanTaiTepTin: 'https://motcua.thanhhoa.gov.vn/files/don-de-nghi.pdf' }],
  DanhSachLePhi: [],
  DanhSachGiayToKetQua: [],
  DanhSachHoSoBoSung: [],
  DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038090001234' }],
  DuocThanhToanTrucTuyen: '0',
  ...overrides,
});
const sync = (data: unknown[], isUpdating: unknown = false) => ({ session: 'ignored', madonvi: '000.00.91.H56', service: 'DongBoHoSoMC', isUpdating, data });
const step = (n: number, overrides: Record<string, unknown> = {}) => ({
  MaHoSo: codeOf(n),
  NguoiXuLy: 'Trần Văn Cường',
  ChucDanh: 'Chuyên viên',
  ThoiDiemXuLy: '20261124090000',
  PhongBanXuLy: 'Phòng Kinh tế',
  NoiDungXuLy: 'Thẩm định hồ sơ',
  TrangThai: '4',
  NgayBatDau: '20261124090000',
  NgayKetThucTheoQuyDinh: '20261127170000',
  ...overrides,
});

describe('intake: the DVCQG compatibility API (real PostgreSQL and Kafka)', () => {
  let intake: TestApp;
  let db: DataSource;
  const call = (service: string, body: unknown) => request(`${intake.baseUrl}/compat/dvcqg/${service}`, { body, headers: ONE_STOP });
  const dossier = async (n: number) => (await request(`${intake.baseUrl}/dossiers/${codeOf(n)}`)).body;
  const held = async (n: number) => Number((await db.query(`SELECT count(*) AS n FROM intake.dossiers WHERE code = $1`, [codeOf(n)]))[0].n);

  beforeAll(async () => {
    ({ intake, db } = await startIntake(3_000_000));
  }, 60000);

  afterAll(() => intake?.close());

  it('DongBoHoSoMC registers a counter dossier under its own code, accepted at NgayTiepNhan', async () => {
    const res = await call('DongBoHoSoMC', sync([record(1)]));
    expect([res.status, res.body]).toEqual([200, { error_code: 0, message: 'Thành công' }]);
    expect(await dossier(1)).toMatchObject({
      code: codeOf(1),
      status: 2,
      channel: 1,
      procedure: { code: '1.000358' },
      agencyCode: '000.00.91.H56',
      provinceCode: 'H56',
      sourceSystem: ONE_STOP['x-lienthong-client'],
      submittedAt: '2026-11-23T01:10:00.000Z',
      // Monday 23/11 + 5 working days
      dueAt: '2026-11-30T16:59:59.999Z',
    });
  });

  it('answers "đã tồn tại" to a create of a code it holds, and takes the same record as an update', async () => {
    const again = await call('DongBoHoSoMC', sync([record(1, { TrangThaiHoSo: 'processing' })]));
    expect(again.body).toEqual({ error_code: -1, message: `Hồ sơ ${codeOf(1)} đã tồn tại` });
    expect((await dossier(1)).status).toBe(2);
    const update = await call('DongBoHoSoMC', sync([record(1, { TrangThaiHoSo: 'processing' })], 'true'));
    expect(update.body).toMatchObject({ error_code: 0 });
    expect((await dossier(1)).status).toBe(4);
  });

  it('takes an update of a code it does not hold as its registration, numeric statuses as numbers too', async () => {
    expect((await call('DongBoHoSoMC', sync([record(2, { TrangThaiHoSo: 4 })], 1))).body).toMatchObject({ error_code: 0 });
    expect(await dossier(2)).toMatchObject({ status: 4, dueAt: '2026-11-30T16:59:59.999Z' });
  });

  it('CapNhatTienDoHoSoMC records steps once and moves the dossier by their TrangThai', async () => {
    await call('DongBoHoSoMC', sync([record(3)]));
    const chunk = { session: 'ignored', service: 'CapNhatTienDoHoSoMC', data: [step(3), step(3, { ThoiDiemXuLy: '20261126160000', NoiDungXuLy: 'Trình ký kết quả', TrangThai: '9' })] };
    expect((await call('CapNhatTienDoHoSoMC', chunk)).body).toEqual({ error_code: 0, message: 'Thành công' });
    expect((await call('CapNhatTienDoHoSoMC', chunk)).body).toMatchObject({ error_code: 0 });
    const found = await dossier(3);
    expect(found.status).toBe(9);
    expect((found.timeline as { kind: string; note: string }[]).filter((t) => t.kind === 'step').map((t) => t.note)).toEqual(['Thẩm định hồ sơ', 'Trình ký kết quả']);
  });

  it('keeps an acceptance synced after the steps it came before, at its NgayTiepNhan', async () => {
    await call('DongBoHoSoMC', sync([record(7, { TrangThaiHoSo: '1', NgayTiepNhan: '' })]));
    const done = step(7, { ThoiDiemXuLy: '20261126160000', NoiDungXuLy: 'Trình ký kết quả', TrangThai: '9' });
    expect((await call('CapNhatTienDoHoSoMC', { data: [step(7), done] })).body).toMatchObject({ error_code: 0 });
    expect((await call('DongBoHoSoMC', sync([record(7, { TrangThaiHoSo: 10, NgayTiepNhan: '', NgayTra: '20261127090000' })], 'true'))).body).toMatchObject({ error_code: 0 });
    expect((await call('DongBoHoSoMC', sync([record(7, { TrangThaiHoSo: 'new' })], 'true'))).body).toMatchObject({ error_code: 0 });
    const reports = await db.query(`SELECT status FROM intake.dossier_status_reports WHERE dossier_code = $1 ORDER BY occurred_at`, [codeOf(7)]);
    expect(reports.map((r: { status: number }) => r.status)).toEqual([2, 4, 9, 10]);
    expect(await dossier(7)).toMatchObject({ status: 10 });
  });

  it('CapNhatTienDoHoSoMC records the steps of every dossier a chunk names, not only the first one that moved', async () => {
    await call('DongBoHoSoMC', sync([30, 31, 32].map((n) => record(n, { TrangThaiHoSo: 1, NgayTiepNhan: '' }))));
    const data = [30, 31, 32, 30, 31].map((n, i) => step(n, { TrangThai: i < 3 ? 2 : 4, ThoiDiemXuLy: `2026112309${i}000`, NoiDungXuLy: `Bước ${i + 1}` }));
    expect((await call('CapNhatTienDoHoSoMC', { data })).body).toMatchObject({ error_code: 0 });
    expect(await Promise.all([30, 31, 32].map(async (n) => (await dossier(n)).status))).toEqual([4, 4, 2]);
    const steps = await db.query(`SELECT count(*)::int AS n FROM intake.dossier_steps WHERE dossier_code = ANY($1)`, [[30, 31, 32].map(codeOf)]);
    expect(steps[0].n).toBe(5);
  });

  it('TraCuuHoSo answers the dossier in the dialect', async () => {
    const res = await call('TraCuuHoSo', { session: 'ignored', service: 'TraCuuHoSo', MaHoSo: codeOf(3) });
    expect(res.body).toMatchObject({
      error_code: 0,
      result: { MaHoSo: codeOf(3), MaTTHC: '1.000358', KenhThucHien: '1', TrangThaiHoSo: '9', NgayNopHoSo: '20261123081000', NgayTiepNhan: '20261123081500', NgayKetThucXuLy: '20261126160000', NgayHenTra: '' },
    });
    expect(JSON.stringify(res.body)).not.toContain('038090001234');
    expect((await call('TraCuuHoSo', { MaHoSo: codeOf(9999) })).body).toEqual({ error_code: -1, message: `Không tìm thấy hồ sơ ${codeOf(9999)}` });
  });

  it.each([
    ['a record without MaTTHC', () => sync([record(10, { MaTTHC: undefined })]), 'thiếu trường MaTTHC'],
    ['an ISO date', () => sync([record(11, { NgayNopHoSo: '2026-11-23T08:10:00' })]), 'NgayNopHoSo phải có dạng yyyyMMddHHmmss'],
    ['an unknown procedure', () => sync([record(12, { MaTTHC: '9.999999' })]), 'Unknown procedure'],
    ['a bad e-mail', () => sync([record(13, { Email: 'an@' })]), 'contact.email'],
    ['a code not in the Circular 01 form', () => sync([record(14, { MaHoSo: 'HS-0001' })]), 'MaHoSo không đúng dạng'],
    ['a good record beside a bad one', () => sync([record(15), record(16, { ChuHoSo: '' })]), 'Hồ sơ'],
  ])('refuses %s with error_code -1 and keeps nothing', async (_what, body, message) => {
    const res = await call('DongBoHoSoMC', body());
    expect(res.status).toBe(200);
    expect(res.body.error_code).toBe(-1);
    expect(res.body.message).toContain(message);
    for (const n of [10, 11, 12, 13, 15, 16]) expect(await held(n)).toBe(0);
  });

  it('refuses an update to a status no legal path leads to, changing nothing', async () => {
    await call('DongBoHoSoMC', sync([record(20, { TrangThaiHoSo: '3' })]));
    const res = await call('DongBoHoSoMC', sync([record(20, { TrangThaiHoSo: '4' })], true));
    expect(res.body).toMatchObject({ error_code: -1, message: expect.stringContaining('Illegal status transition') });
    expect((await dossier(20)).status).toBe(3);
  });
});
