import { IsIP, IsOptional, IsUrl, Matches } from 'class-validator';

/** POST /dossiers/:code/payments/:id/attempts: pay a requested fee through a provider. */
export class InitiateAttemptDto {
  /** MaNganHang of the provider chosen by the applicant (VCB, VNPAY, PAYGOV…), as GET /payments/providers lists them. */
  @Matches(/^[A-Z0-9]{2,20}$/, { message: 'provider must be a provider code such as VCB or VNPAY' })
  provider: string;

  /** Where the provider sends the applicant back once paid. */
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: 'returnUrl must be an http(s) URL' })
  returnUrl?: string;

  /** The applicant's IP address, which the provider records (Ip). */
  @IsOptional()
  @IsIP(undefined, { message: 'ip must be an IPv4 or IPv6 address' })
  ip?: string;
}
