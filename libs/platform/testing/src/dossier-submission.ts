/**
 * A canonical submission as the national portal sends it: procedure 1.000358, case 1.000358.01 (5 working days), to an
 * agency of Thanh Hoá, for the tests and benches that submit dossiers, and the example `npm start` prints.
 */
export const dossierSubmission = (partnerReference: string, overrides: Record<string, unknown> = {}) => ({
  partnerReference,
  procedureCode: '1.000358',
  caseCode: '1.000358.01',
  agencyCode: '000.00.06.H56',
  channel: 2,
  applicant: { name: 'Nguyễn Văn An', idNumber: '038090001234', idType: 1, kind: 1 },
  contact: { email: 'an.nguyen@example.vn', phone: '0961234567' },
  summary: 'Đề nghị gia hạn giấy phép thành lập chi nhánh',
  ...overrides,
});
