import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { waitForPort } from './ports';

/** A private NATS server with JetStream, for tests that must not share the machine's bus or that stop it. */
export async function startNatsServer(port: number, logFile?: string): Promise<ManagedProcess> {
  const store = mkdtempSync(join(tmpdir(), 'eduplan-nats-'));
  const server = new ManagedProcess({
    name: 'nats',
    command: process.env.NATS_SERVER_BIN ?? 'nats-server',
    args: ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store],
    logFile,
  });
  void server.exited.then(() => rmSync(store, { recursive: true, force: true }));
  await waitForPort(port, 'nats-server', 15_000);
  return server;
}
