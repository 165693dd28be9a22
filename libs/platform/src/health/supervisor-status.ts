import { readFile } from 'node:fs/promises';

/**
 * What `npm start`'s supervisor knows of each child process. It writes this to a file rather than
 * report it over the bus or HTTP, because the process that would report it (the gateway) may be the
 * one that died; the gateway's /health reads the file when it was started under the supervisor.
 */
export interface SupervisedProcessStatus {
  state: 'running' | 'restarting' | 'stopped';
  pid: number | null;
  /** When the current run started (ISO). */
  startedAt: string;
  /** Unexpected exits since `npm start`, each followed by a restart. */
  restarts: number;
  lastExit: { code: number | null; signal: string | null; at: string } | null;
}

export interface SupervisorStatus {
  pid: number;
  updatedAt: string;
  processes: Record<string, SupervisedProcessStatus>;
}

/** The supervisor tells its children where the file is; absent when a process runs on its own (tests). */
export const SUPERVISOR_STATUS_FILE_ENV = 'SUPERVISOR_STATUS_FILE';

export async function readSupervisorStatus(env: NodeJS.ProcessEnv = process.env): Promise<SupervisorStatus | null> {
  const file = env[SUPERVISOR_STATUS_FILE_ENV];
  if (!file) return null;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SupervisorStatus;
  } catch {
    return null; // not written yet: health still answers for everything else
  }
}
