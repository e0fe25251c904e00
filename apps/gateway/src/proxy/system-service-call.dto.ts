import { IsArray, IsOptional, Matches } from 'class-validator';
import { SERVICE_CODE } from '@lienthong/domain-registry';
import { SYSTEM_ID_PARTS } from '../registry/operator-registry.dto';

const part = (source: string) => new RegExp(`^${source}$`);
/** A segment after the service: anything but a dot segment, which could climb out of the service's path. */
const PATH_SEGMENT = /^(?!\.{1,2}$).{1,200}$/s;

/** The path of a call of a provider's service in X-Road's REST form: the provider's four id parts, the service, what follows. */
export class SystemServiceParams {
  @Matches(part(SYSTEM_ID_PARTS.instance), { message: 'instance must be an X-Road instance such as VN' })
  instance: string;

  @Matches(part(SYSTEM_ID_PARTS.memberClass), { message: 'memberClass must be a member class such as GOV or COM' })
  memberClass: string;

  @Matches(part(SYSTEM_ID_PARTS.memberCode), { message: 'memberCode must be a member code such as 000.00.00.H56' })
  memberCode: string;

  @Matches(part(SYSTEM_ID_PARTS.subsystem), { message: 'subsystem must be a subsystem code such as MOTCUA' })
  subsystem: string;

  @Matches(SERVICE_CODE, { message: 'service must be a service code such as tra-cuu-ho-so' })
  service: string;

  /** Express 5 hands the segments of the wildcard over as an array. */
  @IsOptional()
  @IsArray()
  @Matches(PATH_SEGMENT, { each: true, message: 'each segment of the path after the service must be 1 to 200 characters, and not . or ..' })
  path?: string[];
}
