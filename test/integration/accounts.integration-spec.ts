import { freePort, ManagedProcess, repoRoot, startNatsServer, startServiceProcess, type NatsServerProcess } from '@eduplan/infra';
import { dropDatabase, ensureDatabase, loadConfig, standaloneBusClient, testDatabaseUrl } from '@eduplan/platform';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { firstAdministratorAdvice } from '../../libs/cli/src/accounts/first-administrator';
import { migrateAll } from '../../scripts/migrate-all';
import { runEduplanCli } from '../support/eduplan-cli';

jest.setTimeout(180_000);

type Answer = { status: number; body: Record<string, unknown>; cookies: string[] };

/**
 * Issue 8, items 5 and 7: accounts created by the command line, password sign-in with a session cookie,
 * lockout and rate limit, logout and expiry, single sign-on against a real OpenID provider, and the
 * hash-chained audit log with `audit verify`. Runs NATS, the organizations, reporting and plans services, the gateway and an
 * `oidc-provider` on private ports against a fresh database.
 */
describe('accounts, sessions and the audit log', () => {
  const name = `accounts_${randomBytes(4).toString('hex')}`;
  const databaseUrl = testDatabaseUrl(name);
  const logDir = join(repoRoot, '.data', 'test-logs', name);
  const processes: ManagedProcess[] = [];
  const password = 'Верный-пароль-2025';
  let baseUrl: string;
  let env: NodeJS.ProcessEnv;
  let nats: NatsServerProcess;
  let db: Client;

  const http = async (method: string, path: string, options: { body?: unknown; cookie?: string } = {}): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const body = response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : { text };
    return { status: response.status, body, cookies: response.headers.getSetCookie() };
  };
  const sessionCookie = (answer: Answer): string => {
    const cookie = answer.cookies.find((c) => c.startsWith('eduplan_session=') && !c.startsWith('eduplan_session=;'));
    if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(answer)}`);
    return cookie.split(';')[0];
  };
  const login = (loginName: string, secret: string) => http('POST', '/api/auth/login', { body: { login: loginName, password: secret } });

  const cli = (args: string[], stdin = '', extraEnv: NodeJS.ProcessEnv = {}) => runEduplanCli(args, { ...env, ...nats.clientEnv('cli'), ...extraEnv }, stdin);

  const oidc = { clientId: 'eduplan-test', clientSecret: randomBytes(16).toString('hex'), port: 0 };

  beforeAll(async () => {
    await ensureDatabase(databaseUrl, { recreate: true });
    await migrateAll(databaseUrl);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const [natsPort, gatewayPort] = [await freePort(), await freePort()];
    oidc.port = await freePort();
    baseUrl = `http://127.0.0.1:${gatewayPort}`;
    nats = await startNatsServer(natsPort, join(logDir, 'nats.log'));
    processes.push(nats);
    const provider = new ManagedProcess({
      name: 'oidc-provider',
      command: process.execPath,
      args: [join(repoRoot, 'test/support/oidc-provider.mjs')],
      env: {
        OIDC_PORT: String(oidc.port),
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        OIDC_REDIRECT_URI: `${baseUrl}/api/auth/oidc/callback`,
      },
      logFile: join(logDir, 'oidc-provider.log'),
    });
    processes.push(provider);
    await provider.waitForOutput(/oidc provider ready/, 30_000);
    env = {
      DATABASE_URL: databaseUrl,
      GATEWAY_PORT: String(gatewayPort),
      BUS_TIMEOUT_MS: '5000',
      PUBLIC_URL: baseUrl,
      LOGIN_RATE_LIMIT: '60',
      OIDC_ISSUER: `http://127.0.0.1:${oidc.port}`,
      OIDC_CLIENT_ID: oidc.clientId,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
    };
    processes.push(await startServiceProcess('organizations', { ...env, ...nats.clientEnv('organizations') }, join(logDir, 'organizations.log')));
    // The administrators' audit list asks every service that keeps a log.
    for (const service of ['reporting', 'plans', 'documents', 'notifications'] as const) {
      processes.push(await startServiceProcess(service, { ...env, ...nats.clientEnv(service) }, join(logDir, `${service}.log`)));
    }
    processes.push(await startServiceProcess('gateway', { ...env, ...nats.clientEnv('gateway') }, join(logDir, 'gateway.log')));
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all(processes.reverse().map((p) => p.stop()));
    await dropDatabase(databaseUrl);
  });

  describe('the command line creates accounts', () => {
    it('`npm start` says how to create the first administrator while there is none, and stops saying it after', async () => {
      const bus = standaloneBusClient({ ...loadConfig(), ...nats.clientEnv('cli'), BUS_TIMEOUT_MS: 5000 });
      try {
        expect(await firstAdministratorAdvice(bus)).toContain('npm run -s eduplan -- user add LOGIN --role admin');
        expect((await cli(['user', 'add', 'Admin', '--role', 'admin', '--password-stdin', '--name', 'Петрова Анна Сергеевна'], `${password}\n`)).code).toBe(0);
        expect(await firstAdministratorAdvice(bus)).toBeNull();
      } finally {
        await bus.onApplicationShutdown();
      }
    });

    it('creates an account with the password from standard input, storing only its argon2id hash', async () => {
      const created = await cli(['user', 'add', 'analyst1', '--role', 'analyst,editor', '--password-stdin', '--name', 'Сидоров П. П.'], `${password}\n`);
      expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('Учётная запись «analyst1» создана (analyst, editor)') });
      const { rows } = await db.query<{ password_hash: string }>(`SELECT password_hash FROM organizations.accounts WHERE login = 'analyst1'`);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const dump = JSON.stringify((await db.query(`SELECT * FROM organizations.accounts`)).rows);
      expect(dump).not.toContain(password);
    });

    it('refuses a login already taken in another case, and an unknown role, naming them', async () => {
      const taken = await cli(['user', 'add', 'admin', '--role', 'editor', '--password-stdin'], `${password}\n`);
      expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining('Логин «admin» уже занят') });
      const badRole = await cli(['user', 'add', 'someone', '--role', 'boss'], '');
      expect(badRole).toMatchObject({ code: 2, stderr: expect.stringContaining('Неизвестная роль «boss»') });
    });

    it('says the system is not running when the organizations service cannot be reached', async () => {
      const unreachable = await cli(['user', 'add', 'editor1', '--role', 'editor', '--password-stdin'], `${password}\n`, {
        NATS_URL: `nats://127.0.0.1:${await freePort()}`,
      });
      expect(unreachable.code).toBe(1);
      expect(unreachable.stderr).toContain('Система не запущена или недоступна: запустите её (npm start)');
    });
  });

  describe('password sign-in and sessions', () => {
    it('signs in (login in any case), sets an HttpOnly SameSite=Strict cookie with an expiry, and answers who is signed in', async () => {
      const answer = await login('ADMIN', password);
      expect(answer.status).toBe(200);
      const cookie = answer.cookies.find((c) => c.startsWith('eduplan_session='))!;
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/; Secure/); // PUBLIC_URL is http here
      const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)![1]);
      expect(expires - Date.now()).toBeGreaterThan(11 * 3600_000);
      expect(expires - Date.now()).toBeLessThanOrEqual(12 * 3600_000);
      const me = await http('GET', '/api/auth/me', { cookie: sessionCookie(answer) });
      expect(me).toMatchObject({ status: 200, body: { login: 'Admin', name: 'Петрова Анна Сергеевна', roles: ['admin'], organization: null } });
      const token = sessionCookie(answer).split('=')[1];
      const stored = await db.query(`SELECT token_hash FROM organizations.sessions`);
      expect(JSON.stringify(stored.rows)).not.toContain(token);
    });

    it('answers /api/auth/me without a session with 401 in Russian', async () => {
      expect(await http('GET', '/api/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: expect.stringContaining('Войдите') } });
    });

    it('locks the account after ten wrong passwords, naming when to retry, even for the right password', async () => {
      expect((await cli(['user', 'add', 'editor1', '--role', 'editor', '--password-stdin', '--email', 'editor1@minobr.example'], `${password}\n`)).code).toBe(0);
      for (let attempt = 1; attempt <= 9; attempt++) {
        expect(await login('editor1', `wrong-${attempt}`)).toMatchObject({ status: 401, body: { message: 'Неверный логин или пароль' } });
      }
      const tenth = await login('editor1', 'wrong-10');
      expect(tenth).toMatchObject({ status: 423, body: { code: 'LOCKED' } });
      expect(tenth.body.message).toMatch(/^Вход заблокирован после 10 неверных паролей подряд: повторите через 15 мин \(после \d\d:\d\d по московскому времени\)/);
      expect(await login('editor1', password)).toMatchObject({ status: 423, body: { code: 'LOCKED' } });
      // When the lock has passed, the right password works again.
      await db.query(`UPDATE organizations.accounts SET locked_until = now() - interval '1 second' WHERE login = 'editor1'`);
      expect((await login('editor1', password)).status).toBe(200);
    });

    it('ends the session on logout: the old cookie no longer works', async () => {
      const cookie = sessionCookie(await login('admin', password));
      expect((await http('GET', '/api/auth/me', { cookie })).status).toBe(200);
      const out = await http('POST', '/api/auth/logout', { cookie });
      expect(out).toMatchObject({ status: 200, body: { ended: true } });
      expect(out.cookies.some((c) => /^eduplan_session=;/.test(c))).toBe(true);
      expect((await http('GET', '/api/auth/me', { cookie })).status).toBe(401);
    });

    it('refuses an expired session and clears its cookie', async () => {
      const cookie = sessionCookie(await login('admin', password));
      await db.query(`UPDATE organizations.sessions SET expires_at = now() - interval '1 second'`);
      const refused = await http('GET', '/api/auth/me', { cookie });
      expect(refused.status).toBe(401);
      expect(refused.cookies.some((c) => /^eduplan_session=;/.test(c))).toBe(true);
    });

    it('refuses a session unused for over two hours', async () => {
      const cookie = sessionCookie(await login('admin', password));
      await db.query(`UPDATE organizations.sessions SET last_seen_at = now() - interval '121 minutes' WHERE expires_at > now()`);
      expect((await http('GET', '/api/auth/me', { cookie })).status).toBe(401);
    });

    it('ends the browser\'s previous session when it signs in again (a planted cookie does not survive sign-in)', async () => {
      const planted = sessionCookie(await login('admin', password));
      const fresh = await http('POST', '/api/auth/login', { body: { login: 'admin', password }, cookie: planted });
      expect(fresh.status).toBe(200);
      expect(sessionCookie(fresh)).not.toBe(planted);
      expect((await http('GET', '/api/auth/me', { cookie: planted })).status).toBe(401);
      expect((await http('GET', '/api/auth/me', { cookie: sessionCookie(fresh) })).status).toBe(200);
    });

    it('rotates an old session token on use: the new cookie works and keeps the same expiry', async () => {
      const first = await login('admin', password);
      const cookie = sessionCookie(first);
      await db.query(`UPDATE organizations.sessions SET created_at = now() - interval '20 minutes' WHERE expires_at > now()`);
      const used = await http('GET', '/api/auth/me', { cookie });
      expect(used.status).toBe(200);
      const rotated = sessionCookie(used);
      expect(rotated).not.toBe(cookie);
      expect((await http('GET', '/api/auth/me', { cookie: rotated })).status).toBe(200);
      expect(/Expires=([^;]+)/.exec(used.cookies[0])![1]).toBe(/Expires=([^;]+)/.exec(first.cookies[0])![1]);
    });
  });

  describe('single sign-on through OpenID Connect', () => {
    /** A browser's cookie jar: one host, so the gateway's and the provider's cookies live together as in a browser. */
    const jar = new Map<string, string>();
    const remember = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [key, ...value] = pair.split('=');
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value.join('=') === '') jar.delete(key);
        else jar.set(key, value.join('='));
      }
    };
    const go = async (url: string, form?: URLSearchParams): Promise<Response> => {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form,
      });
      remember(response);
      return response;
    };
    /** Follows redirects and fills the provider's development forms (login, then consent) until back on the gateway's home page. */
    const signInAtProvider = async (subject: string): Promise<Response> => {
      let response = await go(`${baseUrl}/api/auth/oidc/start`);
      for (let step = 0; step < 12; step++) {
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          const next = new URL(location, response.url || baseUrl).href;
          if (next === `${baseUrl}/`) return response;
          response = await go(next);
          continue;
        }
        const html = await response.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
        if (!action || !prompt) return new Response(html, { status: response.status });
        const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: subject, password: 'any' } : {}) });
        response = await go(new URL(action, `http://127.0.0.1:${oidc.port}`).href, form);
      }
      throw new Error('the sign-in flow did not finish');
    };

    beforeEach(() => jar.clear());

    it('signs in an account matched by the verified e-mail, remembers the subject, and the session works', async () => {
      const back = await signInAtProvider('editor1');
      expect({ status: back.status, body: back.status === 302 ? '' : await back.text() }).toEqual({ status: 302, body: '' });
      const me = await http('GET', '/api/auth/me', { cookie: `eduplan_session=${jar.get('eduplan_session')}` });
      expect(me).toMatchObject({ status: 200, body: { login: 'editor1', roles: ['editor'] } });
      const { rows } = await db.query(`SELECT oidc_subject, oidc_issuer FROM organizations.accounts WHERE login = 'editor1'`);
      expect(rows[0]).toEqual({ oidc_subject: 'editor1', oidc_issuer: `http://127.0.0.1:${oidc.port}` });
    });

    it('refuses a person the provider knows but eduplan has no account for, and creates none', async () => {
      const back = await signInAtProvider('stranger');
      expect(back.status).toBe(401);
      expect(await back.text()).toContain('нет действующей учётной записи');
      expect(jar.has('eduplan_session')).toBe(false);
      expect((await db.query(`SELECT 1 FROM organizations.accounts WHERE email = 'stranger@minobr.example'`)).rowCount).toBe(0);
    });

    it('refuses a callback that was not started in this browser (no state cookie)', async () => {
      const answer = await http('GET', '/api/auth/oidc/callback?code=forged&state=forged');
      expect(answer).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: expect.stringContaining('не начат') } });
    });
  });

  describe('the audit log', () => {
    const adminCookie = async () => sessionCookie(await login('admin', password));

    it('records logins, failures, lockouts, logouts and account changes, readable by an administrator with filters', async () => {
      const cookie = await adminCookie();
      const all = await http('GET', '/api/audit?limit=200', { cookie });
      expect(all.status).toBe(200);
      const actions = new Set((all.body.items as { action: string }[]).map((e) => e.action));
      for (const action of ['account.create', 'auth.login', 'auth.login_failed', 'auth.locked', 'auth.login_refused_locked', 'auth.logout', 'account.oidc_link']) {
        expect(actions).toContain(action);
      }
      const editor = (await db.query<{ id: string }>(`SELECT id FROM organizations.accounts WHERE login = 'editor1'`)).rows[0].id;
      const locked = await http('GET', `/api/audit?objectType=account&objectId=${editor}&person=editor1&from=2020-01-01`, { cookie });
      const lockEntries = (locked.body.items as { action: string; objectId: string; after: { failedAttempts?: number } }[]).filter((e) => e.action === 'auth.locked');
      expect(lockEntries).toEqual([expect.objectContaining({ objectId: editor, after: expect.objectContaining({ failedAttempts: 10 }) })]);
      const created = (all.body.items as { action: string; after: Record<string, unknown> }[]).find((e) => e.action === 'account.create');
      expect(JSON.stringify(created)).not.toContain(password);
      const future = await http('GET', '/api/audit?from=2999-01-01', { cookie });
      expect(future.body).toEqual({ items: [], total: 0 });
    });

    it('is for administrators only', async () => {
      expect((await http('GET', '/api/audit')).status).toBe(401);
      const editorCookie = sessionCookie(await login('editor1', password));
      expect(await http('GET', '/api/audit', { cookie: editorCookie })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    });

    it('keeps one unbroken chain under concurrent writes, and refuses UPDATE and DELETE', async () => {
      await Promise.all(Array.from({ length: 12 }, (_, i) => login(`nobody${i}`, 'wrong')));
      const verified = await cli(['audit', 'verify']);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/^organizations: цепочка цела, записей: \d+$/m);
      await expect(db.query(`UPDATE organizations.audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM organizations.audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    });

    it('`audit verify` names the first row changed directly in PostgreSQL', async () => {
      await db.query(`ALTER TABLE organizations.audit_log DISABLE TRIGGER audit_log_no_update_delete`);
      await db.query(`UPDATE organizations.audit_log SET after = jsonb_set(after, '{failedAttempts}', '3') WHERE action = 'auth.locked'`);
      await db.query(`ALTER TABLE organizations.audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      const { rows } = await db.query<{ seq: string }>(`SELECT seq FROM organizations.audit_log WHERE action = 'auth.locked'`);
      const broken = await cli(['audit', 'verify']);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(`organizations: НАРУШЕНА на записи seq ${rows[0].seq}: содержимое записи изменено`);
    });

    it('`audit verify` names a row deleted directly in PostgreSQL', async () => {
      await db.query(`ALTER TABLE organizations.audit_log DISABLE TRIGGER audit_log_no_update_delete`);
      await db.query(`UPDATE organizations.audit_log SET after = jsonb_set(after, '{failedAttempts}', '10') WHERE action = 'auth.locked'`);
      expect((await cli(['audit', 'verify'])).code).toBe(0);
      await db.query(`DELETE FROM organizations.audit_log WHERE seq = 2`);
      await db.query(`ALTER TABLE organizations.audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      const broken = await cli(['audit', 'verify']);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('organizations: НАРУШЕНА на записи seq 2: запись 2 отсутствует (удалена)');
    });
  });

  it('limits password sign-in attempts per address with 429 in Russian', async () => {
    let answer: Answer | undefined;
    for (let i = 0; i < 70 && answer?.status !== 429; i++) answer = await login(`flood${i}`, 'wrong');
    expect(answer).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', message: expect.stringContaining('Слишком много попыток входа') } });
  });
});
