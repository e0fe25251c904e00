import { CENTRAL_AGENCIES } from './agencies';
import { agencyOfSystem, formatSystemId, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, OPERATOR_SYSTEM, parseSystemId } from './system-id';

/** What a connected system is; grants and monitoring differ by kind. */
export const SYSTEM_KINDS = ['one-stop', 'lgsp', 'ministry', 'portal', 'operator', 'payment-platform', 'bank', 'intermediary', 'sms-gateway'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

export interface Participant {
  id: string;
  name: string;
  kind: SystemKind;
  /** The level-1 agency a government system belongs to; null for a commercial member (bank, intermediary, telecom). */
  agencyCode: string | null;
}

/** The province's local government service platform (LGSP), which its own systems integrate through. */
export const lgspSystemOf = (provinceCode: string): string => formatSystemId({ instance: 'VN', memberClass: 'GOV', memberCode: `000.00.00.${provinceCode}`, subsystem: 'LGSP' });

/** The portal's national payment platform, through which fees reach banks and intermediaries. */
export const PAYMENT_PLATFORM_SYSTEM = 'VN/GOV/000.00.00.G22/PAYGOV';

/** The Ministry of Justice's electronic civil-registry database (hộ tịch), which checks civil-status dossiers the provinces handle. */
export const CIVIL_REGISTRY_SYSTEM = 'VN/GOV/000.00.00.G15/HOTICH';

/** A commercial member (X-Road member class COM) is named by its enterprise tax code. */
const commercial = (taxCode: string, subsystem: string): string => formatSystemId({ instance: 'VN', memberClass: 'COM', memberCode: taxCode, subsystem });

/** The SMS brandname gateway that carries the backbone's text messages (a telecom operator). */
export const SMS_GATEWAY_SYSTEM = commercial('0100109106', 'SMS-BRANDNAME');

/** Systems of the ministries and central bodies, by agency code: [subsystem, name]. Demo data. */
const CENTRAL_SYSTEMS: Readonly<Record<string, readonly [string, string][]>> = {
  G01: [['DVC', 'Cổng dịch vụ công Bộ Công an'], ['DANCU', 'Cơ sở dữ liệu quốc gia về dân cư'], ['VNEID', 'Hệ thống định danh và xác thực điện tử'], ['CUTRU', 'Hệ thống quản lý cư trú']],
  G02: [['DVC', 'Hệ thống giải quyết TTHC Bộ Công Thương'], ['ECOSYS', 'Hệ thống cấp chứng nhận xuất xứ điện tử']],
  G03: [['DVC', 'Hệ thống giải quyết TTHC Bộ Giáo dục và Đào tạo'], ['CSDLGD', 'Cơ sở dữ liệu ngành giáo dục'], ['VANBANG', 'Hệ thống quản lý văn bằng, chứng chỉ']],
  G06: [['DVC', 'Hệ thống giải quyết TTHC Bộ Khoa học và Công nghệ'], ['SHTT', 'Hệ thống sở hữu trí tuệ']],
  G08: [['DVC', 'Hệ thống giải quyết TTHC Bộ Ngoại giao'], ['LANHSU', 'Hệ thống lãnh sự điện tử']],
  G09: [['DVC', 'Hệ thống giải quyết TTHC Bộ Nội vụ'], ['CBCCVC', 'Cơ sở dữ liệu cán bộ, công chức, viên chức'], ['LAODONG', 'Cơ sở dữ liệu lao động, việc làm']],
  G10: [['DVC', 'Hệ thống giải quyết TTHC Bộ Nông nghiệp và Môi trường'], ['DATDAI', 'Cơ sở dữ liệu quốc gia về đất đai'], ['MOITRUONG', 'Hệ thống cấp phép môi trường']],
  G11: [['DVC', 'Hệ thống giải quyết TTHC Bộ Quốc phòng'], ['NVQS', 'Hệ thống quản lý nghĩa vụ quân sự']],
  G12: [
    ['DVC', 'Hệ thống giải quyết TTHC Bộ Tài chính'],
    ['DKKD', 'Hệ thống thông tin quốc gia về đăng ký doanh nghiệp'],
    ['THUE', 'Hệ thống thuế điện tử'],
    ['HAIQUAN', 'Hệ thống hải quan điện tử'],
    ['KHOBAC', 'Hệ thống Kho bạc Nhà nước'],
    ['BHXH', 'Hệ thống Bảo hiểm xã hội Việt Nam'],
  ],
  G15: [['DVC', 'Hệ thống giải quyết TTHC Bộ Tư pháp'], ['HOTICH', 'Cơ sở dữ liệu hộ tịch điện tử'], ['LLTP', 'Hệ thống lý lịch tư pháp'], ['DKBD', 'Hệ thống đăng ký biện pháp bảo đảm']],
  G16: [['DVC', 'Hệ thống giải quyết TTHC Bộ Văn hóa, Thể thao và Du lịch'], ['DULICH', 'Cơ sở dữ liệu du lịch']],
  G17: [['DVC', 'Hệ thống giải quyết TTHC Bộ Xây dựng'], ['GPLX', 'Hệ thống quản lý giấy phép lái xe'], ['DANGKIEM', 'Hệ thống đăng kiểm phương tiện']],
  G18: [['DVC', 'Hệ thống giải quyết TTHC Bộ Y tế'], ['KCB', 'Hệ thống khám chữa bệnh điện tử'], ['DUOC', 'Hệ thống quản lý dược']],
  G19: [['DVC', 'Hệ thống giải quyết TTHC Ngân hàng Nhà nước'], ['CIC', 'Trung tâm thông tin tín dụng quốc gia']],
  G20: [['DVC', 'Hệ thống giải quyết TTHC Thanh tra Chính phủ'], ['TIEPDAN', 'Hệ thống tiếp công dân, khiếu nại, tố cáo']],
  G21: [['DVC', 'Hệ thống giải quyết TTHC Bộ Dân tộc và Tôn giáo']],
  G22: [['VBDT', 'Trục liên thông văn bản quốc gia'], ['BAOCAO', 'Hệ thống thông tin báo cáo Chính phủ']],
};

/** Ten banks collecting fees, by enterprise tax code. Demo data: check the codes before connecting a real bank. */
const BANKS: readonly [string, string, string][] = [
  ['0100112437', 'VCB', 'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)'],
  ['0100111948', 'CTG', 'Ngân hàng TMCP Công thương Việt Nam (VietinBank)'],
  ['0100150619', 'BIDV', 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)'],
  ['0100686174', 'AGRIBANK', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (Agribank)'],
  ['0100230800', 'TCB', 'Ngân hàng TMCP Kỹ thương Việt Nam (Techcombank)'],
  ['0100283873', 'MB', 'Ngân hàng TMCP Quân đội (MB)'],
  ['0301452948', 'ACB', 'Ngân hàng TMCP Á Châu (ACB)'],
  ['0100233583', 'VPB', 'Ngân hàng TMCP Việt Nam Thịnh Vượng (VPBank)'],
  ['0301103908', 'STB', 'Ngân hàng TMCP Sài Gòn Thương Tín (Sacombank)'],
  ['0102744865', 'TPB', 'Ngân hàng TMCP Tiên Phong (TPBank)'],
];

/** Nine payment intermediaries (trung gian thanh toán), by enterprise tax code. Demo data, as for the banks. */
const INTERMEDIARIES: readonly [string, string, string][] = [
  ['0102182292', 'VNPAY', 'Công ty CP Giải pháp Thanh toán Việt Nam (VNPAY)'],
  ['0305289153', 'MOMO', 'Công ty CP Dịch vụ Di động Trực tuyến (MoMo)'],
  ['0106341306', 'ZALOPAY', 'Công ty CP ZION (ZaloPay)'],
  ['0109183224', 'VIETTELMONEY', 'Tổng Công ty Dịch vụ số Viettel (Viettel Money)'],
  ['0106869738', 'VNPTMONEY', 'Công ty CP Dịch vụ Thanh toán VNPT (VNPT Money)'],
  ['0305205479', 'PAYOO', 'Công ty CP Dịch vụ Trực tuyến Cộng Đồng Việt (Payoo)'],
  ['0106893422', 'SHOPEEPAY', 'Công ty CP ShopeePay'],
  ['0102169855', 'ONEPAY', 'Công ty CP Thương mại và Dịch vụ Trực tuyến OnePay'],
  ['0104103961', 'NGANLUONG', 'Công ty CP Cổng trung gian thanh toán Ngân Lượng'],
];

const participant = (id: string, name: string, kind: SystemKind): Participant => {
  const parts = parseSystemId(id);
  if (!parts) throw new Error(`${id} is not a system identifier`);
  return { id, name, kind, agencyCode: agencyOfSystem(parts) ?? null };
};

/**
 * The demo registry: every province's one-stop software and LGSP, the ministries' systems, the national portal,
 * the operators, the payment platform, ten banks, nine intermediaries and the SMS gateway.
 */
export function participantCatalogue(provinces: Readonly<Record<string, string>>): Participant[] {
  const centralName = new Map(CENTRAL_AGENCIES.map((a) => [a.code, a.name]));
  return [
    participant(NATIONAL_PORTAL_SYSTEM, 'Cổng Dịch vụ công quốc gia', 'portal'),
    participant(OPERATOR_SYSTEM, 'Vận hành trục Lienthong', 'operator'),
    participant(PAYMENT_PLATFORM_SYSTEM, 'Nền tảng thanh toán trực tuyến của Cổng Dịch vụ công quốc gia', 'payment-platform'),
    participant(SMS_GATEWAY_SYSTEM, 'Cổng tin nhắn thương hiệu (SMS brandname)', 'sms-gateway'),
    ...Object.entries(provinces).flatMap(([code, name]) => [
      participant(oneStopSystemOf(code), `Phần mềm một cửa – ${name}`, 'one-stop'),
      participant(lgspSystemOf(code), `Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) – ${name}`, 'lgsp'),
    ]),
    ...Object.entries(CENTRAL_SYSTEMS).flatMap(([code, systems]) =>
      systems.map(([subsystem, name]) =>
        participant(formatSystemId({ instance: 'VN', memberClass: 'GOV', memberCode: `000.00.00.${code}`, subsystem }), `${name} (${centralName.get(code)})`, 'ministry'),
      ),
    ),
    ...BANKS.map(([taxCode, subsystem, name]) => participant(commercial(taxCode, subsystem), name, 'bank')),
    ...INTERMEDIARIES.map(([taxCode, subsystem, name]) => participant(commercial(taxCode, subsystem), name, 'intermediary')),
  ];
}
