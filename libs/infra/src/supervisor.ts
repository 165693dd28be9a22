import type { SupervisedProcessStatus, SupervisorStatus } from '@eduplan/platform';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ManagedProcess } from './managed-process';

export interface Backoff {
  /** Wait before the first restart after a process that had been up for a while dies. */
  initialMs: number;
  maxMs: number;
  /** A process that stayed up this long is healthy again: its next death waits only initialMs. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };

/** Doubles with each failure in a row (1 s, 2 s, 4 s … up to the cap), so a crash loop does not spin. */
export function restartDelay(failuresInARow: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, failuresInARow - 1));
}

export interface SupervisorOptions {
  /** Where the status of every child is written for /health (see readSupervisorStatus). */
  statusFile: string;
  backoff?: Backoff;
  log?: (line: string) => void;
}

interface Child {
  name: string;
  start: () => Promise<ManagedProcess>;
  process: ManagedProcess | null;
  starting: Promise<ManagedProcess> | null;
  timer: NodeJS.Timeout | null;
  failuresInARow: number;
  status: SupervisedProcessStatus;
}

/** Keeps child processes running: one that dies is started again after a backoff; stop() ends them all. */
export class Supervisor {
  private readonly children: Child[] = [];
  private readonly backoff: Backoff;
  private readonly log: (line: string) => void;
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /** Starts a child and keeps it running from then on; a first start that fails is the caller's error. */
  async add(name: string, start: () => Promise<ManagedProcess>): Promise<void> {
    const child: Child = {
      name,
      start,
      process: null,
      starting: null,
      timer: null,
      failuresInARow: 0,
      status: { state: 'restarting', pid: null, startedAt: new Date().toISOString(), restarts: 0, lastExit: null },
    };
    this.children.push(child);
    child.starting = start();
    this.watch(child, await child.starting);
  }

  status(): SupervisorStatus {
    return {
      pid: process.pid,
      updatedAt: new Date().toISOString(),
      processes: Object.fromEntries(this.children.map((child) => [child.name, { ...child.status }])),
    };
  }

  /** Stops every child, the last added first; none is restarted from now on. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const child of [...this.children].reverse()) {
      if (child.timer) clearTimeout(child.timer);
      // A restart under way finishes first, so its process is not left running.
      const late = await child.starting?.catch(() => null);
      await (late ?? child.process)?.stop();
      child.status = { ...child.status, state: 'stopped', pid: null };
    }
    this.writeStatus();
  }

  private watch(child: Child, running: ManagedProcess): void {
    child.starting = null;
    child.process = running;
    child.status = { ...child.status, state: 'running', pid: running.pid ?? null, startedAt: new Date().toISOString() };
    this.writeStatus();
    const startedAt = Date.now();
    void running.exited.then((code) => {
      if (this.stopping) return;
      child.process = null;
      child.failuresInARow = Date.now() - startedAt >= this.backoff.resetAfterMs ? 1 : child.failuresInARow + 1;
      const signal = running.exitSignal;
      child.status = { ...child.status, state: 'restarting', pid: null, lastExit: { code, signal, at: new Date().toISOString() } };
      this.scheduleRestart(child, signal ? `${child.name} was killed by ${signal}` : `${child.name} exited with code ${code}`);
    });
  }

  private scheduleRestart(child: Child, why: string): void {
    const delay = restartDelay(child.failuresInARow, this.backoff);
    this.log(`${why}; restarting it in ${delay} ms (restart ${child.status.restarts + 1})`);
    this.writeStatus();
    child.timer = setTimeout(() => void this.restart(child), delay);
  }

  private async restart(child: Child): Promise<void> {
    child.timer = null;
    if (this.stopping) return;
    child.status = { ...child.status, restarts: child.status.restarts + 1 };
    child.starting = child.start();
    try {
      const running = await child.starting;
      if (this.stopping) return; // stop() is waiting for it and stops it
      this.watch(child, running);
      this.log(`${child.name} restarted (pid ${running.pid})`);
    } catch (error) {
      child.starting = null;
      if (this.stopping) return;
      child.failuresInARow += 1;
      this.scheduleRestart(child, `${child.name} did not come up again: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  /** Written whole and renamed into place, so a reader never sees half a file. */
  private writeStatus(): void {
    const file = this.options.statusFile;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(this.status(), null, 2));
    renameSync(`${file}.tmp`, file);
  }
}
