import {
  freePort,
  ManagedProcess,
  repoRoot,
  SERVICE_NAMES,
  startNatsServer,
  startServiceProcess,
  startTemporalDevServer,
  startTemporalTestServer,
  generateNatsUsers,
  natsClientEnv,
  type NatsServerProcess,
  type ServiceName,
} from '@eduplan/infra';
import { dropDatabase, ensureDatabase, loadConfig, standaloneBusClient, testDatabaseUrl } from '@eduplan/platform';
import { createDevCertificates } from '@eduplan/signing';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DocumentRoutes, MINISTRY_ROLES, type PersonDto, type Position, type Role, type SignerDto } from '@eduplan/contracts';
import { readFile } from 'node:fs/promises';
import { migrateAll } from '../../scripts/migrate-all';
import { HttpSession, signIn, type HttpAnswer, type SignInAs } from './http-session';

/**
 * The whole system on private ports: its own NATS server, an in-memory Temporal dev server,
 * a fresh database, and every service as a separate process — so tests may stop any of them.
 */
export class E2eSystem {
  readonly services = new Map<ServiceName, ManagedProcess>();
  private nats: NatsServerProcess | null = null;
  /** Each service's own NATS password, kept across NATS restarts. */
  readonly natsUsers = generateNatsUsers();
  private temporal: ManagedProcess | null = null;
  private timeSkipping = false;
  private operatorSession: Promise<HttpSession> | null = null;
  readonly env: NodeJS.ProcessEnv;
  readonly baseUrl: string;
  private readonly logDir: string;

  private constructor(
    private readonly ports: { nats: number; temporal: number; gateway: number },
    readonly databaseUrl: string,
    readonly name: string,
  ) {
    this.logDir = join(repoRoot, '.data', 'test-logs', name);
    this.baseUrl = `http://127.0.0.1:${ports.gateway}`;
    this.env = {
      DATABASE_URL: databaseUrl,
      NATS_URL: `nats://127.0.0.1:${ports.nats}`,
      // Generous: the suites make many writes from one address; the limit itself is tested in edge-doors.
      WRITE_RATE_LIMIT: '100000',
      LOGIN_RATE_LIMIT: '10000',
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
      GATEWAY_PORT: String(ports.gateway),
      BUS_TIMEOUT_MS: '3000',
      CERTIFICATES_DIR: join(repoRoot, '.data', 'test-certificates'),
      PUBLIC_URL: `http://127.0.0.1:${ports.gateway}`,
    };
  }

  /**
   * `env`: more variables for every service, e.g. the test's own mail server as SMTP_URL. `timeSkipping`: Temporal
   * is the time-skipping test server, whose clock the test moves (`TemporalTime`), instead of the dev server.
   */
  static async start(env: NodeJS.ProcessEnv = {}, options: { timeSkipping?: boolean } = {}): Promise<E2eSystem> {
    const name = `e2e_${randomBytes(4).toString('hex')}`;
    const databaseUrl = testDatabaseUrl(name);
    const system = new E2eSystem({ nats: await freePort(), temporal: await freePort(), gateway: await freePort() }, databaseUrl, name);
    Object.assign(system.env, env);
    system.timeSkipping = options.timeSkipping ?? false;
    await system.boot();
    return system;
  }

  private async boot(): Promise<void> {
    await ensureDatabase(this.databaseUrl, { recreate: true });
    await migrateAll(this.databaseUrl);
    // The development CA the documents service trusts; its certificates sign once tied to a person (`registerSigner`).
    await createDevCertificates(this.env.CERTIFICATES_DIR!);
    [this.nats, this.temporal] = await Promise.all([
      startNatsServer(this.ports.nats, join(this.logDir, 'nats.log'), { users: this.natsUsers }),
      this.timeSkipping
        ? startTemporalTestServer({ port: this.ports.temporal, logFile: join(this.logDir, 'temporal.log') })
        : startTemporalDevServer({ port: this.ports.temporal, logFile: join(this.logDir, 'temporal.log') }),
    ]);
    await Promise.all(SERVICE_NAMES.map((service) => this.startService(service)));
  }

  async startService(service: ServiceName): Promise<void> {
    const credentials = natsClientEnv(this.env.NATS_URL!, this.natsUsers, service);
    this.services.set(service, await startServiceProcess(service, { ...this.env, ...credentials }, join(this.logDir, `${service}.log`)));
  }

  async stopService(service: ServiceName): Promise<void> {
    await this.services.get(service)?.stop();
    this.services.delete(service);
  }

  async restartNats(): Promise<void> {
    await this.nats?.stop();
    this.nats = await startNatsServer(this.ports.nats, join(this.logDir, 'nats.log'), { users: this.natsUsers });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((p) => p.stop()));
    await Promise.all([this.temporal?.stop(), this.nats?.stop()]);
    await dropDatabase(this.databaseUrl);
  }

  /** One statement on the system's database, for a test that plays an operator changing data behind the services' back. */
  async sql<R extends Record<string, unknown> = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** Signs in through HTTP as a new account with these roles (created on the bus, as `eduplan user add` does). */
  signIn(as: SignInAs): Promise<HttpSession> {
    return signIn(this.baseUrl, natsClientEnv(this.env.NATS_URL!, this.natsUsers, 'cli'), as);
  }

  /**
   * The system's operator: every ministry role, administrator included, for no one organization — what a
   * test uses to set the scene (regions, organizations, plans). Rules that name a person (an approver's
   * stage, a signatory, a center's reporter) need a session of that person: `signIn`.
   */
  operator(): Promise<HttpSession> {
    this.operatorSession ??= this.signIn({ login: 'operator', name: 'Оператор системы', roles: [...MINISTRY_ROLES] });
    return this.operatorSession;
  }

  /**
   * An employee of the organization in the registry (created by the operator through HTTP) and their own
   * session with `roles`: an approver, a signatory, an editor of that organization.
   */
  async employee(organizationId: string, fullName: string, roles: Role[], job: { position?: Position; positionTitle?: string; email?: string } = {}): Promise<{ person: PersonDto; session: HttpSession }> {
    const created = await this.http<PersonDto>('POST', '/api/people', { organizationId, fullName, position: job.position ?? 'head_of_department', positionTitle: job.positionTitle, email: job.email });
    if (created.status !== 201) throw new Error(`person ${fullName}: ${created.status} ${JSON.stringify(created.body)}`);
    const session = await this.signIn({ roles, organizationId, personId: created.body.id, name: fullName });
    return { person: created.body, session };
  }

  /**
   * Ties a signing certificate to a person of the registry as `eduplan signer add` does (on the bus, as the
   * command line): by default the development minister's, which opens with the service's development password.
   */
  async registerSigner(personId: string, pkcs12File = join(this.env.CERTIFICATES_DIR!, 'kalinina-rsa.p12')): Promise<SignerDto> {
    const bus = standaloneBusClient({ ...loadConfig(undefined, { ...process.env, ...natsClientEnv(this.env.NATS_URL!, this.natsUsers, 'cli') }), BUS_TIMEOUT_MS: 30_000 });
    try {
      return await bus.request(DocumentRoutes.registerSigner, { personId, pkcs12Base64: (await readFile(pkcs12File)).toString('base64') });
    } finally {
      await bus.onApplicationShutdown();
    }
  }

  /** A request as the operator. */
  async http<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
    return (await this.operator()).http<T>(method, path, body);
  }

  /** A request without a session, as a stranger on the network. */
  anonymous<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
    return HttpSession.anonymous(this.baseUrl).http<T>(method, path, body);
  }

  async until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}
