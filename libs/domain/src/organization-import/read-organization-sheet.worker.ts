import { parentPort, workerData } from 'node:worker_threads';
import { PlanImportLimitError } from '../import/plan-import-error';
import type { OrganizationImportLimits } from './organization-import-limits';
import { OrganizationSheetError } from './organization-sheet-error';
import { readOrganizationSheet, type OrganizationSheet } from './read-organization-sheet';

/** What crosses back from the worker: the sheet, or its failure as plain data (errors lose their class). */
export type SheetWorkerAnswer =
  | { kind: 'done'; sheet: OrganizationSheet }
  | { kind: 'not-a-sheet'; reason: string }
  | { kind: 'limit'; limit: PlanImportLimitError['limit']; reasonRu: string; reasonEn: string }
  | { kind: 'failed'; message: string };

function answerFor(error: unknown): SheetWorkerAnswer {
  if (error instanceof OrganizationSheetError) return { kind: 'not-a-sheet', reason: error.reason };
  if (error instanceof PlanImportLimitError) return { kind: 'limit', limit: error.limit, reasonRu: error.reasonRu, reasonEn: error.reasonEn };
  return { kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

if (parentPort) {
  const port = parentPort;
  const { bytes, limits } = workerData as { bytes: Uint8Array; limits: OrganizationImportLimits };
  readOrganizationSheet(bytes, limits).then(
    (sheet) => port.postMessage({ kind: 'done', sheet } satisfies SheetWorkerAnswer),
    (error: unknown) => port.postMessage(answerFor(error)),
  );
}
