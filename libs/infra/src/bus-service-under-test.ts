import type { INestMicroservice, Type } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import type { BusService } from '@eduplan/contracts';
import {
  BusClient,
  databaseOptions,
  dropDatabase,
  ensureDatabase,
  natsOptions,
  runMigrations,
  startBusService,
  testDatabaseUrl,
  type ServiceDatabase,
} from '@eduplan/platform';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { startNatsServer, type NatsServerProcess } from './nats-server';
import { freePort } from './ports';
import { repoRoot } from './service-process';

export interface BusServiceUnderTest {
  /** Asks as the gateway does. */
  bus: BusClient;
  db: Client;
  databaseUrl: string;
  nats: NatsServerProcess;
  /** Closes the service and starts it again on the same database and NATS (a service that died and came back). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One service in this process on a private, closed NATS and a fresh migrated database `eduplan_<name>_<random>`,
 * for one integration test file. `afterMigrations` fills what the service expects to find (registered signers …).
 */
export async function startBusServiceUnderTest(options: {
  name: string;
  service: BusService;
  database: ServiceDatabase;
  appModule: () => Promise<{ AppModule: Type<unknown> }>;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  afterMigrations?: (databaseUrl: string) => Promise<void>;
  /** NATS's max_payload for the test (the server's default otherwise). */
  maxPayloadBytes?: number;
}): Promise<BusServiceUnderTest> {
  const databaseUrl = testDatabaseUrl(`${options.name}_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(databaseUrl, { recreate: true });
  await runMigrations(databaseOptions(options.database, databaseUrl));
  await options.afterMigrations?.(databaseUrl);
  const nats = await startNatsServer(await freePort(), join(repoRoot, '.data', 'test-logs', `${options.name}-nats.log`), { maxPayloadBytes: options.maxPayloadBytes });
  Object.assign(process.env, { DATABASE_URL: databaseUrl, ...nats.clientEnv(options.service), LOG_LEVEL: 'error', ...options.env });
  const start = async () => startBusService(options.service, (await options.appModule()).AppModule);
  let service: INestMicroservice = await start();
  // The test plays a person's requests (acted routes, as the gateway sends them) and the order's steps (the
  // worker's routes); only the worker's credentials may send both.
  const bus = new BusClient(ClientProxyFactory.create({ transport: Transport.NATS, options: natsOptions(nats.clientEnv('worker')) }), options.timeoutMs ?? 20_000);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    bus,
    db,
    databaseUrl,
    nats,
    async restart() {
      await service.close();
      service = await start();
    },
    async stop() {
      await bus.onApplicationShutdown();
      await service.close();
      await db.end();
      await nats.stop();
      await dropDatabase(databaseUrl);
    },
  };
}
