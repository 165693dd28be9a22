import { join } from 'node:path';
import { assertPlanSize } from './decode-plan-bytes';
import type { ImportedPlanFile } from './imported-plan.types';
import { PLAN_IMPORT_LIMITS, type PlanImportLimits } from './import-limits';
import type { WorkerAnswer } from './import-plan.worker';
import { runIsolated } from './isolated-worker';
import { PlanImportError, PlanImportLimitError } from './plan-import-error';

const WORKER_FILE = join(__dirname, 'import-plan.worker');

/**
 * Imports an untrusted plan file on a worker thread, off the caller's event loop, within the limits:
 * unpacked size, zip entries and XML depth are checked while parsing; time, heap and concurrency by
 * `runIsolated`. Failures are the same PlanImportError / PlanImportLimitError the import throws on the
 * caller's thread.
 */
export async function importPlanFileIsolated(bytes: Uint8Array, limits: PlanImportLimits = PLAN_IMPORT_LIMITS): Promise<ImportedPlanFile> {
  assertPlanSize(bytes, limits.maxFileBytes);
  const answer = await runIsolated<WorkerAnswer>(WORKER_FILE, bytes, limits);
  if (answer.kind === 'done') return answer.file;
  throw failureOf(answer);
}

function failureOf(answer: Exclude<WorkerAnswer, { kind: 'done' }>): Error {
  switch (answer.kind) {
    case 'not-a-plan':
      return new PlanImportError(answer.code, answer.reasonRu, answer.reasonEn);
    case 'limit':
      return new PlanImportLimitError(answer.limit, answer.reasonRu, answer.reasonEn);
    case 'failed':
      return new Error(`plan import failed on its worker thread: ${answer.message}`);
  }
}
