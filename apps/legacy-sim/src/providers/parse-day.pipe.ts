import { BadRequestException, PipeTransform } from '@nestjs/common';

/** A `:day` route parameter: a day as yyyyMMdd, else 400. */
export class ParseDayPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{8}$/.test(value)) throw new BadRequestException(`${value} is not a day as yyyyMMdd`);
    return value;
  }
}
