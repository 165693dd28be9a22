import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { assertPlanSize } from './decode-plan-bytes';
import type { ImportedPlanFile } from './imported-plan.types';
import { importOutOfMemory, importTooSlow, PLAN_IMPORT_LIMITS, type PlanImportLimits } from './import-limits';
import type { WorkerAnswer } from './import-plan.worker';
import { PlanImportError, PlanImportLimitError } from './plan-import-error';

const WORKER_FILE = join(__dirname, 'import-plan.worker');

/**
 * Loads the worker module the way the caller's own code was loaded: the sources are TypeScript, and a
 * worker thread inherits no loader from jest, so it registers swc itself when no `.ts` loader is there.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
if (!require.extensions['.ts']) require(workerData.typescriptLoader);
require(workerData.workerFile);
`;

function typescriptLoader(): string | null {
  return __filename.endsWith('.ts') ? require.resolve('@swc-node/register') : null;
}

let running = 0;
const waiting: (() => void)[] = [];

/**
 * Imports an untrusted plan file on a worker thread, off the caller's event loop, within the limits:
 * unpacked size, zip entries and XML depth are checked while parsing; the worker's heap is capped and it
 * is stopped when it runs out of time; at most `maxConcurrentImports` workers run at once, so many uploads
 * together cannot take the process's memory either. Failures are the same PlanImportError /
 * PlanImportLimitError the import throws on the caller's thread.
 */
export async function importPlanFileIsolated(bytes: Uint8Array, limits: PlanImportLimits = PLAN_IMPORT_LIMITS): Promise<ImportedPlanFile> {
  assertPlanSize(bytes, limits.maxFileBytes);
  while (running >= limits.maxConcurrentImports) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await importOnWorker(bytes, limits);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function importOnWorker(bytes: Uint8Array, limits: PlanImportLimits): Promise<ImportedPlanFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { bytes, limits, workerFile: WORKER_FILE, typescriptLoader: typescriptLoader() },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMegabytes },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(importTooSlow(limits))), limits.maxMilliseconds);
    worker.once('message', (answer: WorkerAnswer) => settle(() => (answer.kind === 'done' ? resolve(answer.file) : reject(failureOf(answer)))));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? importOutOfMemory(limits) : error)),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`the plan import worker stopped with exit code ${code} before answering`))));
  });
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
