/** Where an agency sits in the state: the centre (the Government's own bodies), a ministry, a province, a commune. */
export const AGENCY_KINDS = ['central', 'ministry', 'province', 'commune'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface Agency {
  /** The level-1 code of the national agency list (G.. for ministries and central bodies, H.. for provinces). */
  code: string;
  name: string;
  kind: AgencyKind;
  parentCode: string | null;
}

/**
 * The ministries and ministerial-level bodies after the reform of 1 March 2025 (14 ministries, 3 bodies).
 * G01, G02, G03, G06, G08, G10 and G21 are the codes the national procedure database publishes; the others are
 * demo data, chosen where the published list was not at hand: check them before connecting a real system.
 */
export const CENTRAL_AGENCIES: readonly Agency[] = [
  { code: 'G01', name: 'Bộ Công an', kind: 'ministry', parentCode: null },
  { code: 'G02', name: 'Bộ Công Thương', kind: 'ministry', parentCode: null },
  { code: 'G03', name: 'Bộ Giáo dục và Đào tạo', kind: 'ministry', parentCode: null },
  { code: 'G06', name: 'Bộ Khoa học và Công nghệ', kind: 'ministry', parentCode: null },
  { code: 'G08', name: 'Bộ Ngoại giao', kind: 'ministry', parentCode: null },
  { code: 'G09', name: 'Bộ Nội vụ', kind: 'ministry', parentCode: null },
  { code: 'G10', name: 'Bộ Nông nghiệp và Môi trường', kind: 'ministry', parentCode: null },
  { code: 'G11', name: 'Bộ Quốc phòng', kind: 'ministry', parentCode: null },
  { code: 'G12', name: 'Bộ Tài chính', kind: 'ministry', parentCode: null },
  { code: 'G15', name: 'Bộ Tư pháp', kind: 'ministry', parentCode: null },
  { code: 'G16', name: 'Bộ Văn hóa, Thể thao và Du lịch', kind: 'ministry', parentCode: null },
  { code: 'G17', name: 'Bộ Xây dựng', kind: 'ministry', parentCode: null },
  { code: 'G18', name: 'Bộ Y tế', kind: 'ministry', parentCode: null },
  { code: 'G21', name: 'Bộ Dân tộc và Tôn giáo', kind: 'ministry', parentCode: null },
  { code: 'G19', name: 'Ngân hàng Nhà nước Việt Nam', kind: 'central', parentCode: null },
  { code: 'G20', name: 'Thanh tra Chính phủ', kind: 'central', parentCode: null },
  { code: 'G22', name: 'Văn phòng Chính phủ', kind: 'central', parentCode: null },
];

/** Every agency the demo registry knows: the central ones and the 34 provinces (code → name, as in PROVINCES). */
export const agencyCatalogue = (provinces: Readonly<Record<string, string>>): Agency[] => [
  ...CENTRAL_AGENCIES,
  ...Object.entries(provinces).map(([code, name]): Agency => ({ code, name, kind: 'province', parentCode: null })),
];
