import { IsIn } from 'class-validator';
import { FAULT_MODES, FaultMode } from './fault.switch';

export class SetFaultDto {
  @IsIn(FAULT_MODES, { message: `mode must be one of ${FAULT_MODES.join(', ')}` })
  mode: FaultMode;
}
