import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { waitForPort } from './ports';

export interface NatsServerOptions {
  /** The server's `max_payload` (default 1 MB): a small one lets a test send a message NATS refuses. */
  maxPayloadBytes?: number;
}

/** A private NATS server with JetStream, for tests that must not share the machine's bus or that stop it. */
export async function startNatsServer(port: number, logFile?: string, options: NatsServerOptions = {}): Promise<ManagedProcess> {
  const store = mkdtempSync(join(tmpdir(), 'eduplan-nats-'));
  const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store];
  if (options.maxPayloadBytes !== undefined) {
    // nats-server has no command-line flag for it, only the configuration file.
    const configFile = join(store, 'nats.conf');
    writeFileSync(configFile, `max_payload: ${options.maxPayloadBytes}\n`);
    args.push('-c', configFile);
  }
  const server = new ManagedProcess({
    name: 'nats',
    command: process.env.NATS_SERVER_BIN ?? 'nats-server',
    args,
    logFile,
  });
  void server.exited.then(() => rmSync(store, { recursive: true, force: true }));
  await waitForPort(port, 'nats-server', 15_000);
  return server;
}
