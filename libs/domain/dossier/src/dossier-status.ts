/** Dossier statuses as synced to the national portal (numeric codes). */
export enum DossierStatus {
  Registered = 1,
  Accepted = 2,
  NotAccepted = 3,
  Processing = 4,
  SupplementRequested = 5,
  PaymentRequested = 6,
  Withdrawn = 7,
  Stopped = 8,
  ResultReady = 9,
  ResultReturned = 10,
}

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  [DossierStatus.Registered]: 'Mới đăng ký',
  [DossierStatus.Accepted]: 'Đã tiếp nhận',
  [DossierStatus.NotAccepted]: 'Không tiếp nhận',
  [DossierStatus.Processing]: 'Đang xử lý',
  [DossierStatus.SupplementRequested]: 'Yêu cầu bổ sung',
  [DossierStatus.PaymentRequested]: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  [DossierStatus.Withdrawn]: 'Rút hồ sơ theo yêu cầu',
  [DossierStatus.Stopped]: 'Dừng xử lý',
  [DossierStatus.ResultReady]: 'Đã xử lý, có kết quả',
  [DossierStatus.ResultReturned]: 'Đã trả kết quả',
};

const S = DossierStatus;

/** Legal next statuses from each status. Terminal statuses have none. */
const TRANSITIONS: Record<DossierStatus, readonly DossierStatus[]> = {
  [S.Registered]: [S.Accepted, S.NotAccepted, S.Withdrawn],
  [S.Accepted]: [S.Processing, S.SupplementRequested, S.PaymentRequested, S.Withdrawn, S.Stopped],
  [S.NotAccepted]: [],
  [S.Processing]: [S.SupplementRequested, S.PaymentRequested, S.ResultReady, S.Withdrawn, S.Stopped],
  [S.SupplementRequested]: [S.Processing, S.Withdrawn, S.Stopped],
  [S.PaymentRequested]: [S.Processing, S.ResultReady, S.Withdrawn, S.Stopped],
  [S.Withdrawn]: [],
  [S.Stopped]: [],
  [S.ResultReady]: [S.ResultReturned],
  [S.ResultReturned]: [],
};

export const isDossierStatus = (value: unknown): value is DossierStatus =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10;

export const allowedNextStatuses = (from: DossierStatus): readonly DossierStatus[] => TRANSITIONS[from];

export const isFinalStatus = (status: DossierStatus): boolean => TRANSITIONS[status].length === 0;
