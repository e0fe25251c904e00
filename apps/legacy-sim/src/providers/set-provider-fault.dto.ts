import { IsIn } from 'class-validator';
import { PROVIDER_FAULTS, ProviderFault } from './provider-fault.switch';

export class SetProviderFaultDto {
  @IsIn(PROVIDER_FAULTS, { message: `mode must be one of ${PROVIDER_FAULTS.join(', ')}` })
  mode: ProviderFault;
}
