import { join } from 'node:path';
import { runIsolated } from '../import/isolated-worker';
import { PlanImportLimitError } from '../import/plan-import-error';
import { ORGANIZATION_IMPORT_LIMITS, type OrganizationImportLimits } from './organization-import-limits';
import { OrganizationSheetError } from './organization-sheet-error';
import { assertSheetSize, type OrganizationSheet } from './read-organization-sheet';
import type { SheetWorkerAnswer } from './read-organization-sheet.worker';

const WORKER_FILE = join(__dirname, 'read-organization-sheet.worker');

/**
 * Reads an untrusted .xlsx or CSV on a worker thread within the import limits (the plan import's isolation);
 * fails with OrganizationSheetError for what is no table and PlanImportLimitError for what is past a limit.
 */
export async function readOrganizationSheetIsolated(
  bytes: Uint8Array,
  limits: OrganizationImportLimits = ORGANIZATION_IMPORT_LIMITS,
): Promise<OrganizationSheet> {
  assertSheetSize(bytes, limits);
  const answer = await runIsolated<SheetWorkerAnswer>(WORKER_FILE, bytes, limits);
  switch (answer.kind) {
    case 'done':
      return answer.sheet;
    case 'not-a-sheet':
      throw new OrganizationSheetError(answer.reason);
    case 'limit':
      throw new PlanImportLimitError(answer.limit, answer.reasonRu, answer.reasonEn);
    case 'failed':
      throw new Error(`reading the organization table failed on its worker thread: ${answer.message}`);
  }
}
