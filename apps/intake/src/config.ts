import { IsInt, Max, Min } from 'class-validator';
import { parseCalendarConfig, WorkingCalendarConfig } from '@lienthong/domain-calendar';
import { JsonFromEnv, portOf } from '@lienthong/platform-config';
import { assertStatusMappings, StatusMappings } from './dossiers/status-mappings';

/** intake's environment: how connected systems' statuses read, the working calendar, the overdue sweep. */
export class IntakeEnv extends portOf(3002) {
  /**
   * Per system, its reported values that do not mean what the portal's do, e.g.
   * `{"VN/GOV/000.00.00.H56/MOTCUA": {"9": 6, "gui-buu-dien": null}}` (null: a sub-state, kept on the timeline only).
   */
  @JsonFromEnv(assertStatusMappings)
  INTAKE_STATUS_MAPPINGS: StatusMappings = {};

  /**
   * Per year, the days the Government decides: `{"2026": {"holidays": [...], "extraDaysOff": [...], "extraWorkingDays": [...]}}`
   * (YYYY-MM-DD); years not named follow the Labour Code's holidays with compensatory days.
   */
  @JsonFromEnv((value) => parseCalendarConfig(JSON.stringify(value)))
  WORKING_CALENDAR: WorkingCalendarConfig = {};

  /** How often dossiers past their due date are looked for. */
  @IsInt()
  @Min(100)
  @Max(3600000)
  INTAKE_OVERDUE_SWEEP_MS: number = 60000;
}
