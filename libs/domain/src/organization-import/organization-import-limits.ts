import { PLAN_IMPORT_LIMITS, type PlanImportLimits } from '../import/import-limits';

/** The plan import's limits on an untrusted file, and how many organizations one table may hold. */
export interface OrganizationImportLimits extends PlanImportLimits {
  maxRows: number;
}

export const ORGANIZATION_IMPORT_LIMITS: OrganizationImportLimits = {
  ...PLAN_IMPORT_LIMITS,
  // A region has up to 2,000 reporting organizations; 20,000 rows is a whole federal district's table.
  maxRows: 20_000,
  maxFileBytes: 10 * 1024 * 1024,
};
