import type { BusPrincipal } from '@eduplan/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { generateNatsUsers, natsClientEnv, natsServerConfig, type NatsUsers } from './nats-config';
import { waitForPort } from './ports';

export interface NatsServerOptions {
  /** The server's `max_payload` (default 1 MB): a small one lets a test send a message NATS refuses. */
  maxPayloadBytes?: number;
  /** The principals' passwords; a restarted server is given those of the one it replaces. */
  users?: NatsUsers;
}

/** A running private NATS server and how each principal connects to it. */
export interface NatsServerProcess extends ManagedProcess {
  readonly url: string;
  readonly users: NatsUsers;
  /** NATS_URL, NATS_USER and NATS_PASSWORD of one principal. */
  clientEnv(principal: BusPrincipal): { NATS_URL: string; NATS_USER: string; NATS_PASSWORD: string };
}

/**
 * A private NATS server with JetStream, for tests that must not share the machine's bus or that stop it.
 * It runs with the same per-service users and permissions as `npm start` and deploy/, so every test
 * system exercises them.
 */
export async function startNatsServer(port: number, logFile?: string, options: NatsServerOptions = {}): Promise<NatsServerProcess> {
  const store = mkdtempSync(join(tmpdir(), 'eduplan-nats-'));
  const users = options.users ?? generateNatsUsers();
  const configFile = join(store, 'nats.conf');
  writeFileSync(
    configFile,
    natsServerConfig({ host: '127.0.0.1', port, users, storeDir: store, maxPayloadBytes: options.maxPayloadBytes }),
    { mode: 0o600 },
  );
  const server = new ManagedProcess({
    name: 'nats',
    command: process.env.NATS_SERVER_BIN ?? 'nats-server',
    args: ['-c', configFile],
    logFile,
  });
  void server.exited.then(() => rmSync(store, { recursive: true, force: true }));
  await waitForPort(port, 'nats-server', 15_000);
  const url = `nats://127.0.0.1:${port}`;
  return Object.assign(server, { url, users, clientEnv: (principal: BusPrincipal) => natsClientEnv(url, users, principal) });
}
