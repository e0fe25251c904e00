import { Injectable } from '@nestjs/common';
import type { ProcedureDurationV1 } from '@lienthong/contracts';
import { endOfVietnamDay, vietnamDateOf, WorkingCalendar } from '@lienthong/domain-calendar';
import { IntakeEnv } from '../config';
import type { ProcedureCopy } from '../procedures/procedure-copy.entity';

/** The processing time a dossier is held to: its case's own, else the procedure's. */
export function processingTimeOf(procedure: Pick<ProcedureCopy, 'cases' | 'processingTime'> | null, caseCode: string | null): ProcedureDurationV1 | null {
  const ofCase = caseCode ? procedure?.cases.find((c) => c.code === caseCode)?.processingTime : undefined;
  return ofCase ?? procedure?.processingTime ?? null;
}

/** Due dates (ngày hẹn trả) on the working calendar of the configuration. */
@Injectable()
export class DueDates {
  private readonly calendar: WorkingCalendar;

  constructor(config: IntakeEnv) {
    this.calendar = new WorkingCalendar(config.WORKING_CALENDAR);
  }

  /**
   * The end of the due day of a dossier whose clock started at `startedAt`: working days count from the next working
   * day; calendar days (DAY) end on a working day. Null for a time given in words only (OTHER) or as nothing.
   */
  dueAt(time: ProcedureDurationV1 | null, startedAt: Date): Date | null {
    if (!time || !(time.quantity > 0)) return null;
    if (time.unit === 'WORKING_DAY') return endOfVietnamDay(this.calendar.addWorkingDays(vietnamDateOf(startedAt), time.quantity));
    // Vietnam keeps one offset all year: a day later is 24 hours later
    const lastDay = vietnamDateOf(new Date(startedAt.getTime() + Math.ceil(time.quantity) * 86_400_000));
    if (time.unit === 'DAY') return endOfVietnamDay(this.calendar.addWorkingDays(lastDay, 0));
    return null;
  }
}
