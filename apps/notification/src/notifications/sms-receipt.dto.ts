import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export const SMS_RECEIPT_STATUSES = ['DELIVERED', 'TEMPORARY_FAILURE', 'PERMANENT_FAILURE'] as const;
export type SmsReceiptStatus = (typeof SMS_RECEIPT_STATUSES)[number];
/** The most receipts one batch may hold. */
const SMS_RECEIPT_BATCH_LIMIT = 500;

/** A delivery receipt of the SMS gateway: what the carrier made of one message. */
export class SmsReceiptDto {
  /** The message's client reference, as it was sent. */
  @IsUUID()
  messageId: string;

  @IsIn(SMS_RECEIPT_STATUSES, { message: `status must be one of ${SMS_RECEIPT_STATUSES.join(', ')}` })
  status: SmsReceiptStatus;

  @IsOptional()
  @IsISO8601({ strict: true })
  reportedAt?: string;

  /** The carrier's reason for a failure. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  error?: string;
}

/** Delivery receipts the SMS gateway gathered, applied in one transaction in the order given. */
export class SmsReceiptBatchDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SMS_RECEIPT_BATCH_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => SmsReceiptDto)
  receipts: SmsReceiptDto[];
}
