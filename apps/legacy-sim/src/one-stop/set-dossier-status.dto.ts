import { ValidateBy } from 'class-validator';
import { isLegacyStatus } from '@lienthong/domain-dossier';

/** A status as the province's staff would set it: 1–10, as a number or text, or a status word of the dialects. */
export class SetDossierStatusDto {
  @ValidateBy({
    name: 'isLegacyStatus',
    validator: { validate: isLegacyStatus, defaultMessage: () => 'status must be 1–10 (a number or text) or a status word of at most 40 letters, digits, "_", "." or "-"' },
  })
  status: number | string;
}
