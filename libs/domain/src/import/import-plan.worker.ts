import { parentPort, workerData } from 'node:worker_threads';
import type { PlanImportLimits } from './import-limits';
import { importPlanFile } from './import-plan';
import { PlanImportError, PlanImportLimitError } from './plan-import-error';

/** What crosses back from the worker: the import, or its failure as plain data (errors lose their class). */
export type WorkerAnswer =
  | { kind: 'done'; file: Awaited<ReturnType<typeof importPlanFile>> }
  | { kind: 'not-a-plan'; code: PlanImportError['code']; reasonRu: string; reasonEn: string }
  | { kind: 'limit'; limit: PlanImportLimitError['limit']; reasonRu: string; reasonEn: string }
  | { kind: 'failed'; message: string };

function answerFor(error: unknown): WorkerAnswer {
  if (error instanceof PlanImportError) return { kind: 'not-a-plan', code: error.code, reasonRu: error.reasonRu, reasonEn: error.reasonEn };
  if (error instanceof PlanImportLimitError) return { kind: 'limit', limit: error.limit, reasonRu: error.reasonRu, reasonEn: error.reasonEn };
  return { kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

if (parentPort) {
  const port = parentPort;
  const { bytes, limits } = workerData as { bytes: Uint8Array; limits: PlanImportLimits };
  importPlanFile(bytes, limits).then(
    (file) => port.postMessage({ kind: 'done', file } satisfies WorkerAnswer),
    (error: unknown) => port.postMessage(answerFor(error)),
  );
}
