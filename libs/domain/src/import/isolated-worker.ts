import { Worker } from 'node:worker_threads';
import { importOutOfMemory, importTooSlow, type PlanImportLimits } from './import-limits';

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
 * Runs `workerFile` on a worker thread over an untrusted file's bytes and returns the one message it posts.
 * The worker's heap is capped and it is stopped when it runs out of time; at most `maxConcurrentImports`
 * workers run at once in the process (plan and organization imports together), so many uploads at once
 * cannot take the process's memory either.
 */
export async function runIsolated<Answer>(workerFile: string, bytes: Uint8Array, limits: PlanImportLimits): Promise<Answer> {
  while (running >= limits.maxConcurrentImports) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await answerOf<Answer>(workerFile, bytes, limits);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function answerOf<Answer>(workerFile: string, bytes: Uint8Array, limits: PlanImportLimits): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { bytes, limits, workerFile, typescriptLoader: typescriptLoader() },
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
    worker.once('message', (answer: Answer) => settle(() => resolve(answer)));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? importOutOfMemory(limits) : error)),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`the import worker stopped with exit code ${code} before answering`))));
  });
}
