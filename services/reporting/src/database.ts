import type { ServiceDatabase } from '@eduplan/platform';
import { CreatePeriodsAndReports1763800200000 } from './migrations/1763800200000-create-periods-and-reports';
import { ReportingAuditAndIssuers1765400000000 } from './migrations/1765400000000-reporting-audit-and-issuers';
import { PeriodRows1766600000000 } from './migrations/1766600000000-period-rows';
import { CalendarYears1765900000000 } from './migrations/1765900000000-calendar-years';
import { ReportFormRows1766700000000 } from './migrations/1766700000000-report-form-rows';
import { CalendarYearEntity } from './calendar-year.entity';
import { EvidenceFileEntity } from './evidence-file.entity';
import { ReportDraftEntity } from './report-draft.entity';
import { ReportRevisionEntity } from './report-revision.entity';
import { ReportEntity } from './report.entity';
import { ReportingPeriodEntity } from './reporting-period.entity';

export const database: ServiceDatabase = {
  schema: 'reporting',
  entities: [ReportingPeriodEntity, ReportEntity, ReportRevisionEntity, ReportDraftEntity, EvidenceFileEntity, CalendarYearEntity],
  migrations: [
    CreatePeriodsAndReports1763800200000,
    ReportingAuditAndIssuers1765400000000,
    CalendarYears1765900000000,
    PeriodRows1766600000000,
    ReportFormRows1766700000000,
  ],
};
