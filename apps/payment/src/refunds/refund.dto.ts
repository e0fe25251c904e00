import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';

/** POST /attempts/:id/refunds: money of a paid attempt given back, once the provider has done it. */
export class RefundDto {
  /** integer đồng, at most what is not yet refunded */
  @IsInt()
  @Min(1)
  amount: number;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
