import { IsIn, IsString, MaxLength } from 'class-validator';

/** What the applicant chose on a provider's page (a form, or JSON from tests). */
export class PayActionDto {
  @IsString()
  @MaxLength(30)
  provider: string;

  @IsString()
  @MaxLength(100)
  reference: string;

  @IsIn(['paid', 'cancelled'], { message: 'outcome must be paid or cancelled' })
  outcome: 'paid' | 'cancelled';
}
