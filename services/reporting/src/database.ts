import type { ServiceDatabase } from '@eduplan/platform';
import { CreatePeriodsAndReports1763800200000 } from './migrations/1763800200000-create-periods-and-reports';
import { ReportingAuditAndIssuers1765400000000 } from './migrations/1765400000000-reporting-audit-and-issuers';
import { PeriodRows1766600000000 } from './migrations/1766600000000-period-rows';
import { CalendarYears1765900000000 } from './migrations/1765900000000-calendar-years';
import { CalendarYearEntity } from './calendar-year.entity';
import { ReportEntity } from './report.entity';
import { ReportingPeriodEntity } from './reporting-period.entity';

export const database: ServiceDatabase = {
  schema: 'reporting',
  entities: [ReportingPeriodEntity, ReportEntity, CalendarYearEntity],
  migrations: [CreatePeriodsAndReports1763800200000, ReportingAuditAndIssuers1765400000000, CalendarYears1765900000000, PeriodRows1766600000000],
};
