/**
 * MaThamChieu, unique per attempt: `dvc`, the letters and digits of the dossier code, the attempt's time as the
 * platform writes times (yyyyMMddHHmmss) and the attempt's number among the fee's attempts, so that two attempts in
 * the same second still differ.
 */
export const paymentReference = (dossierCode: string, time: string, attempt: number): string =>
  `dvc${dossierCode.replace(/[^0-9A-Za-z]/g, '')}${time}${String(attempt).padStart(2, '0')}`;
