import { freePort, ManagedProcess, repoRoot, startNatsServer, startServiceProcess, type NatsServerProcess, type ServiceName } from '@eduplan/infra';
import type { BusPrincipal } from '@eduplan/contracts';
import { dropDatabase, ensureDatabase, loadConfig, standaloneBusClient, testDatabaseUrl, type BusClient } from '@eduplan/platform';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { migrateAll } from '../../scripts/migrate-all';
import { signIn, type HttpSession, type SignInAs } from './http-session';

/**
 * The gateway and a few services as separate processes on a private, closed NATS and a fresh migrated database:
 * what an integration test of the HTTP edge needs, without Temporal or the whole system (see E2eSystem for that).
 */
export class GatewaySystem {
  private readonly buses: BusClient[] = [];

  private constructor(
    readonly name: string,
    readonly databaseUrl: string,
    readonly baseUrl: string,
    readonly nats: NatsServerProcess,
    private readonly processes: ManagedProcess[],
  ) {}

  /** `env` is added to every service's environment (limits, PUBLIC_URL …); the gateway is always started. */
  static async start(prefix: string, services: ServiceName[], env: (baseUrl: string) => NodeJS.ProcessEnv = () => ({})): Promise<GatewaySystem> {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const databaseUrl = testDatabaseUrl(name);
    const logDir = join(repoRoot, '.data', 'test-logs', name);
    await ensureDatabase(databaseUrl, { recreate: true });
    await migrateAll(databaseUrl);
    const [natsPort, gatewayPort] = [await freePort(), await freePort()];
    const baseUrl = `http://127.0.0.1:${gatewayPort}`;
    const nats = await startNatsServer(natsPort, join(logDir, 'nats.log'));
    const common = { DATABASE_URL: databaseUrl, GATEWAY_PORT: String(gatewayPort), BUS_TIMEOUT_MS: '10000', ...env(baseUrl) };
    const started = await Promise.all(
      [...new Set<ServiceName>([...services, 'gateway'])].map((service) =>
        startServiceProcess(service, { ...common, ...nats.clientEnv(service) }, join(logDir, `${service}.log`)),
      ),
    );
    return new GatewaySystem(name, databaseUrl, baseUrl, nats, [nats, ...started]);
  }

  /** Signs in through HTTP as a new account with these roles (created on the bus, as `eduplan user add` does). */
  signIn(as: SignInAs): Promise<HttpSession> {
    return signIn(this.baseUrl, this.nats.clientEnv('cli'), as);
  }

  /** A bus client with the credentials (and so the permissions) of one principal: `worker` opens periods as the workflow does. */
  bus(principal: BusPrincipal): BusClient {
    const bus = standaloneBusClient({ ...loadConfig(undefined, { ...process.env, ...this.nats.clientEnv(principal) }), BUS_TIMEOUT_MS: 10_000 });
    this.buses.push(bus);
    return bus;
  }

  async stop(): Promise<void> {
    await Promise.all(this.buses.map((bus) => bus.onApplicationShutdown()));
    await Promise.all([...this.processes].reverse().map((p) => p.stop()));
    await dropDatabase(this.databaseUrl);
  }
}
