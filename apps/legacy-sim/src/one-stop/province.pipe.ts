import { PipeTransform } from '@nestjs/common';
import { isProvinceCode } from '@lienthong/domain-dossier';
import { OneStopException, OneStopProblem } from './one-stop.exception';

/** A `:province` route parameter: one of the 34 provinces' codes (H01…H61), else 404. */
export class ProvincePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isProvinceCode(value)) throw new OneStopException(OneStopProblem.UnknownProvince, `${value} is not one of the 34 province codes (e.g. H56)`);
    return value;
  }
}
