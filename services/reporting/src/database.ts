import type { ServiceDatabase } from '@eduplan/platform';
import { CreatePeriodsAndReports1763800200000 } from './migrations/1763800200000-create-periods-and-reports';
import { ReportEntity } from './report.entity';
import { ReportingPeriodEntity } from './reporting-period.entity';

export const entities = [ReportingPeriodEntity, ReportEntity];

export const database: ServiceDatabase = {
  schema: 'reporting',
  entities,
  migrations: [CreatePeriodsAndReports1763800200000],
};
