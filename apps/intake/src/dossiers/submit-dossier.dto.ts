import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class ApplicantDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** 12-digit citizen id (CCCD) when idType is 1, 9-digit old id (CMND) when 2. */
  @Matches(/^(\d{12}|\d{9})$/, { message: 'applicant.idNumber must be 12 digits (CCCD) or 9 digits (CMND)' })
  idNumber: string;

  @IsIn([1, 2], { message: 'applicant.idType must be 1 (CCCD) or 2 (CMND)' })
  idType: 1 | 2;

  @IsIn([1, 2, 3, 4], { message: 'applicant.kind must be 1 citizen, 2 enterprise, 3 state agency or 4 other organisation' })
  kind: 1 | 2 | 3 | 4;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  accountId?: string;
}

export class ContactDto {
  @IsEmail({}, { message: 'contact.email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Matches(/^0\d{9}$/, { message: 'contact.phone must be a 10-digit Vietnamese number starting with 0' })
  phone: string;
}

/** A dossier as the portal submits it (canonical model). */
export class SubmitDossierDto {
  /** The submitting system's own id for this submission; submitting it again returns the same dossier. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  partnerReference: string;

  /** National code, case code or local variant (…000.00.00.H56, …H56): normalised to the national code. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  procedureCode: string;

  @IsOptional()
  @Matches(/^\d\.\d{6}\.\d{2}$/, { message: 'caseCode must look like 1.000358.01' })
  caseCode?: string;

  @IsString()
  @MaxLength(40)
  agencyCode: string;

  /** KenhThucHien: 1 at the counter, 2 online, 3 public postal service */
  @IsInt()
  @IsIn([1, 2, 3], { message: 'channel must be 1 (counter), 2 (online) or 3 (postal)' })
  channel: 1 | 2 | 3;

  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;

  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact: ContactDto;

  /** TrichYeuHoSo */
  @IsString()
  @MaxLength(1000)
  summary: string;
}
