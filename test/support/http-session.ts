import { AccountRoutes, type Actor, type Role } from '@eduplan/contracts';
import { loadConfig, standaloneBusClient } from '@eduplan/platform';
import { randomBytes } from 'node:crypto';

/** Who a test signs in as: an account is created for it through the bus, as `eduplan user add` does. */
export interface SignInAs {
  roles: Role[];
  organizationId?: string | null;
  personId?: string | null;
  login?: string;
  name?: string;
  email?: string | null;
}

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

/** A person's browser, reduced to what tests need: signed in, every request carries the session cookie. */
export class HttpSession {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string | null,
    readonly actor: Actor | null,
  ) {}

  /** A stranger on the network: no session. */
  static anonymous(baseUrl: string): HttpSession {
    return new HttpSession(baseUrl, null, null);
  }

  /** A JSON request (or none); the answer parsed when it is JSON, else its text. */
  async http<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
    const response = await this.fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return { status: response.status, body: (contentType.includes('json') ? JSON.parse(text) : text) as T };
  }

  /** Any request (an upload, a PDF download) with the session cookie added. */
  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    return fetch(`${this.baseUrl}${path}`, { ...init, headers });
  }
}

/**
 * Creates an account on the system's bus (as the operator's command line, principal `cli`) and signs in
 * through HTTP like a browser; `natsEnv` is the command line's NATS credentials.
 */
export async function signIn(baseUrl: string, natsEnv: NodeJS.ProcessEnv, as: SignInAs): Promise<HttpSession> {
  const login = as.login ?? `${as.roles.join('-')}-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const bus = standaloneBusClient({ ...loadConfig(undefined, { ...process.env, ...natsEnv }), BUS_TIMEOUT_MS: 10_000 });
  try {
    await bus.request(AccountRoutes.create, {
      login,
      name: as.name ?? `Тестовый пользователь ${login}`,
      roles: as.roles,
      organizationId: as.organizationId ?? null,
      personId: as.personId ?? null,
      email: as.email ?? null,
      password,
    });
  } finally {
    await bus.onApplicationShutdown();
  }
  const signedIn = await signInWithPassword(baseUrl, login, password);
  if (!(signedIn instanceof HttpSession)) throw new Error(`sign-in as ${login} failed: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  return signedIn;
}

/** Signs in through HTTP with a login and password, as the sign-in form does: the session, or the refusal. */
export async function signInWithPassword(baseUrl: string, login: string, password: string): Promise<HttpSession | HttpAnswer<{ code?: string; message?: string }>> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('eduplan_session=') && !c.startsWith('eduplan_session=;'));
  if (!response.ok || !cookie) return { status: response.status, body: (await response.json()) as { code?: string; message?: string } };
  const me = (await response.json()) as { accountId: string; login: string; name: string; roles: Role[]; personId: string | null; organization: { id: string } | null };
  const actor: Actor = { accountId: me.accountId, login: me.login, name: me.name, roles: me.roles, organizationId: me.organization?.id ?? null, personId: me.personId };
  return new HttpSession(baseUrl, cookie.split(';')[0], actor);
}
