import { freePort, startNatsServer, startServiceProcess, Supervisor, type NatsServerProcess, type ServiceName } from '@eduplan/infra';
import { dropDatabase, ensureDatabase, SUPERVISOR_STATUS_FILE_ENV, testDatabaseUrl, type SupervisedProcessStatus } from '@eduplan/platform';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateAll } from '../../scripts/migrate-all';

jest.setTimeout(240_000);

interface Health {
  services: Record<string, { status: string }>;
  processes?: Record<string, SupervisedProcessStatus>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The supervisor of `npm start`, over the plans service and the gateway on private ports. */
describe('npm start restarts a service that dies', () => {
  const name = `supervisor_${randomBytes(4).toString('hex')}`;
  const databaseUrl = testDatabaseUrl(name);
  const dir = mkdtempSync(join(tmpdir(), 'eduplan-supervisor-'));
  const statusFile = join(dir, 'supervisor.json');
  const log: string[] = [];
  let nats: NatsServerProcess;
  let supervisor: Supervisor;
  let gateway: string;

  beforeAll(async () => {
    await ensureDatabase(databaseUrl, { recreate: true });
    await migrateAll(databaseUrl);
    const natsPort = await freePort();
    const gatewayPort = await freePort();
    nats = await startNatsServer(natsPort, join(dir, 'nats.log'));
    gateway = `http://127.0.0.1:${gatewayPort}`;
    const env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`, // nobody there: these routes do not need Temporal
      GATEWAY_PORT: String(gatewayPort),
      [SUPERVISOR_STATUS_FILE_ENV]: statusFile,
    };
    supervisor = new Supervisor({ statusFile, backoff: { initialMs: 200, maxMs: 2000, resetAfterMs: 60_000 }, log: (line) => log.push(line) });
    for (const service of ['plans', 'gateway'] as ServiceName[]) {
      await supervisor.add(service, () => startServiceProcess(service, { ...env, ...nats.clientEnv(service) }, join(dir, `${service}.log`)));
    }
  });

  afterAll(async () => {
    await supervisor?.stop();
    await nats?.stop();
    await dropDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  const health = async (): Promise<Health> => (await (await fetch(`${gateway}/health`)).json()) as Health;
  /** Whether the plans service answers on the bus, as the gateway finds it (its API routes need a session). */
  const plansAnswer = async () => (await health()).services.plans?.status;

  it('brings a killed service back, it answers on the bus again, and /health shows the restart with how it died', async () => {
    expect(await plansAnswer()).toBe('up');
    const before = (await health()).processes!.plans;
    expect(before).toMatchObject({ state: 'running', restarts: 0, lastExit: null });

    process.kill(before.pid!, 'SIGKILL');
    await eventually('the plans service down while it is dead', async () => ((await plansAnswer()) === 'down' ? true : undefined), 20_000);

    const after = await eventually('plans restarted', async () => {
      const plans = (await health()).processes?.plans;
      return plans?.state === 'running' && plans.restarts === 1 ? plans : undefined;
    });
    expect(after.pid).not.toBe(before.pid);
    expect(after.lastExit).toMatchObject({ code: null, signal: 'SIGKILL' });
    await eventually('the plans service answering again', async () => ((await plansAnswer()) === 'up' ? true : undefined));
    expect(log).toContainEqual(expect.stringMatching(/^plans was killed by SIGKILL; restarting it in 200 ms \(restart 1\)$/));
  });

  it('brings the gateway itself back, which then reports its own restart', async () => {
    const before = (await health()).processes!.gateway;
    process.kill(before.pid!, 'SIGKILL');
    const after = await eventually('the gateway restarted', async () => {
      const gatewayStatus = (await health()).processes?.gateway;
      return gatewayStatus?.restarts === 1 ? gatewayStatus : undefined;
    });
    expect(after).toMatchObject({ state: 'running', lastExit: { signal: 'SIGKILL' } });
    expect(await plansAnswer()).toBe('up');
  });

  it('stops every child on stop and restarts none of them', async () => {
    const pids = Object.values(supervisor.status().processes).map((p) => p.pid!);
    await supervisor.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const status = JSON.parse(readFileSync(statusFile, 'utf8')) as { processes: Record<string, SupervisedProcessStatus> };
    expect(Object.values(status.processes).map((p) => p.state)).toEqual(['stopped', 'stopped']);
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
