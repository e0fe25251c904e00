import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CARRIERS, MOBILE_NUMBER } from '@lienthong/domain-notification';

/** A brand-name SMS as the backbone hands it to the gateway. */
export class SendSmsDto {
  /** The sender's reference: receipts name the message by it. */
  @IsUUID()
  messageId: string;

  @Matches(MOBILE_NUMBER, { message: 'to must be a mobile number: 0 and nine digits' })
  to: string;

  /** Plain ASCII, as carriers take brand-name SMS, in at most four segments. */
  @Matches(/^[\x20-\x7e]{1,612}$/, { message: 'text must be 1–612 printable ASCII characters' })
  text: string;

  @IsIn(CARRIERS, { message: `carrier must be one of ${CARRIERS.join(', ')}` })
  carrier: string;

  /** The template the text was registered under with the carriers. */
  @Matches(/^[A-Z0-9_]{3,50}$/, { message: 'templateId must be a registered template id' })
  templateId: string;

  @IsString()
  @MaxLength(11)
  brandName: string;
}
