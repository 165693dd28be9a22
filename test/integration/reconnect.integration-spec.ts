import { healthRoute, OrganizationRoutes, type OrganizationDto, type ServiceHealth } from '@eduplan/contracts';
import { freePort, ManagedProcess, PrivatePostgres, startNatsServer, startServiceProcess, type NatsServerProcess } from '@eduplan/infra';
import { testActor } from '@eduplan/infra/testing';
import { ensureDatabase } from '@eduplan/platform';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { migrateAll } from '../../scripts/migrate-all';

jest.setTimeout(120_000);

/** A Nest NATS request as the bus carries it, answered within a second or reported as silence. */
async function ask<T>(nc: NatsConnection, subject: string, data: unknown): Promise<{ response?: T; err?: { code: string; message: string } } | 'no answer'> {
  const codec = JSONCodec();
  try {
    const reply = await nc.request(subject, codec.encode({ pattern: subject, data, id: String(Math.random()) }), { timeout: 3000 });
    return codec.decode(reply.data) as { response?: T; err?: { code: string; message: string } };
  } catch {
    return 'no answer';
  }
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('a service outlives outages of PostgreSQL and NATS', () => {
  let postgres: PrivatePostgres;
  let nats: NatsServerProcess;
  let service: ManagedProcess;
  let client: NatsConnection;
  let natsPort: number;

  beforeAll(async () => {
    postgres = await PrivatePostgres.start(await freePort());
    const databaseUrl = `${postgres.url}/eduplan`;
    await ensureDatabase(databaseUrl);
    await migrateAll(databaseUrl);
    natsPort = await freePort();
    nats = await startNatsServer(natsPort);
    service = await startServiceProcess('organizations', { DATABASE_URL: databaseUrl, ...nats.clientEnv('organizations') });
    client = await connect({ servers: `127.0.0.1:${natsPort}`, user: 'gateway', pass: nats.users.gateway, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
  });

  afterAll(async () => {
    await client?.close();
    await service?.stop();
    await nats?.stop();
    postgres?.stop();
  });

  const health = () => ask<ServiceHealth>(client, healthRoute('organizations').subject, {});
  const admin = testActor(['admin']);
  const create = (name: string) => ask<OrganizationDto>(client, OrganizationRoutes.create.subject, { name, kind: 'ministry', actor: admin });

  it('reports its database down while PostgreSQL is away, and works again once it is back', async () => {
    expect(await create('Министерство образования Тверской области')).toMatchObject({ response: { kind: 'ministry' } });

    postgres.pause();
    const down = await eventually(async () => {
      const h = await health();
      return h !== 'no answer' && h.response?.dependencies.postgres === 'down' ? h : undefined;
    }, 'postgres reported down');
    expect(down).toMatchObject({ response: { status: 'down' } });
    expect(await create('Комитет по образованию')).toMatchObject({ err: { code: 'UNAVAILABLE', message: expect.stringMatching(/PostgreSQL недоступна/) } });

    await postgres.resume();
    await eventually(async () => {
      const h = await health();
      return h !== 'no answer' && h.response?.status === 'up' ? true : undefined;
    }, 'postgres back');
    expect(await create('Министерство образования Калининградской области')).toMatchObject({ response: { kind: 'ministry' } });
  });

  it('answers again after the NATS server restarts', async () => {
    await nats.stop();
    nats = await startNatsServer(natsPort, undefined, { users: nats.users });
    const back = await eventually(async () => {
      const h = await health();
      return h !== 'no answer' ? h : undefined;
    }, 'service answering after NATS restart');
    expect(back).toMatchObject({ response: { service: 'organizations', status: 'up' } });
  });
});
