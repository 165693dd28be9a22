import type { INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import type { BusErrorPayload } from '@eduplan/contracts';
import { freePort, repoRoot, startNatsServer } from '@eduplan/infra';
import { BusClient, BusRequestError, databaseOptions, dropDatabase, ensureDatabase, natsOptions, runMigrations, startBusService, testDatabaseUrl } from '@eduplan/platform';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { database } from './database';

export interface OrganizationsServiceUnderTest {
  bus: BusClient;
  db: Client;
  stop(): Promise<void>;
}

/** The organizations service on a private NATS and a fresh database, for one integration test file. */
export async function startOrganizationsService(name: string): Promise<OrganizationsServiceUnderTest> {
  const databaseUrl = testDatabaseUrl(`${name}_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(databaseUrl, { recreate: true });
  await runMigrations(databaseOptions(database, databaseUrl));
  const nats = await startNatsServer(await freePort(), join(repoRoot, '.data', 'test-logs', `${name}-nats.log`));
  Object.assign(process.env, { DATABASE_URL: databaseUrl, ...nats.clientEnv('organizations'), LOG_LEVEL: 'error' });
  const { AppModule } = await import('./app.module');
  const service: INestMicroservice = await startBusService('organizations', AppModule);
  const bus = new BusClient(ClientProxyFactory.create({ transport: Transport.NATS, options: natsOptions(nats.clientEnv('gateway')) }), 20_000);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    bus,
    db,
    async stop() {
      await bus.onApplicationShutdown();
      await service.close();
      await db.end();
      await nats.stop();
      await dropDatabase(databaseUrl);
    },
  };
}

/** The bus error a request fails with (the test fails if it succeeds). */
export const failureOf = (promise: Promise<unknown>): Promise<BusErrorPayload> =>
  promise.then(
    () => Promise.reject(new Error('the request succeeded')),
    (error: BusRequestError) => error.payload as BusErrorPayload,
  );

/** A valid 10-digit ИНН made from a serial number, for test organizations. */
export function testInn(serial: number): string {
  const body = `43${String(serial).padStart(7, '0')}`;
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (weights.reduce((sum, weight, i) => sum + weight * Number(body[i]), 0) % 11) % 10;
  return `${body}${check}`;
}
