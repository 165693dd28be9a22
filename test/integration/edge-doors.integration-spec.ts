import type { OrganizationDto } from '@eduplan/contracts';
import { GatewaySystem } from '../support/gateway-system';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(180_000);

const WRITE_RATE_LIMIT = 25;

/**
 * Item 9 at the edge: another site cannot make a browser change data (JSON only, Origin checked), answers
 * carry the security headers, and writes from one address are rate-limited. Runs the gateway with the
 * organizations service on a private NATS and a fresh database.
 */
describe('the gateway closes its doors to other sites', () => {
  let system: GatewaySystem;
  let baseUrl: string;
  /** Signed in, as a browser would be: a forged request rides on its cookie, so the doors must hold for it. */
  let admin: HttpSession;

  const organizationNames = async (): Promise<string[]> =>
    ((await (await admin.fetch('/api/organizations')).json()) as OrganizationDto[]).map((o) => o.name);

  beforeAll(async () => {
    system = await GatewaySystem.start('edge', ['organizations'], (baseUrl) => ({ PUBLIC_URL: `${baseUrl}/`, WRITE_RATE_LIMIT: String(WRITE_RATE_LIMIT) }));
    baseUrl = system.baseUrl;
    admin = await system.signIn({ roles: ['admin'] });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('refuses a plain HTML form post (urlencoded, text/plain, multipart) on a JSON route with 415 and creates nothing', async () => {
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'name=Подделка+через+форму&kind=ministry'],
      ['text/plain', JSON.stringify({ name: 'Подделка через text/plain', kind: 'ministry' })],
    ];
    for (const [type, body] of bodies) {
      const answer = await admin.fetch('/api/organizations', { method: 'POST', headers: { 'content-type': type }, body });
      expect({ type, status: answer.status, body: await answer.json() }).toMatchObject({
        type,
        status: 415,
        body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('Тело запроса должно быть JSON') },
      });
    }
    const form = new FormData();
    form.append('name', 'Подделка через multipart');
    form.append('kind', 'ministry');
    expect((await admin.fetch('/api/organizations', { method: 'POST', body: form })).status).toBe(415);
    expect(await organizationNames()).toEqual([]);
  });

  it('takes a write without a body (Content-Length: 0, no type), as a browser sends a sign-out', async () => {
    const answer = await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { origin: new URL(baseUrl).origin } });
    expect(answer.status).toBe(200);
  });

  it('still takes a multipart file on an upload route', async () => {
    const form = new FormData();
    form.append('file', new Blob(['not a pdf']), 'letter.txt');
    const answer = await fetch(`${baseUrl}/api/documents/verification`, { method: 'POST', body: form });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { message: string }).message).toMatch(/не PDF/);
  });

  it('refuses a write whose Origin is another site with 403 in Russian, and takes one from PUBLIC_URL', async () => {
    const post = (origin: string | null, extra: Record<string, string> = {}) =>
      admin.fetch('/api/organizations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin === null ? {} : { origin }), ...extra },
        body: JSON.stringify({ name: `Министерство ${origin ?? 'без Origin'}`, kind: 'ministry' }),
      });
    for (const origin of ['https://evil.example', 'null', `${baseUrl}.evil.example`, baseUrl.replace('127.0.0.1', 'localhost')]) {
      const refused = await post(origin);
      expect({ origin, status: refused.status, body: await refused.json() }).toMatchObject({
        origin,
        status: 403,
        body: { code: 'FORBIDDEN', message: expect.stringContaining('со страницы другого сайта') },
      });
    }
    expect((await post(baseUrl, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await organizationNames()).toEqual([]);
    expect((await post(baseUrl, { 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    // A script sends no Origin (a browser always sends it on a write): not a forgery.
    expect((await post(null)).status).toBe(201);
    expect(await organizationNames()).toHaveLength(2);
  });

  it('answers with the security headers and without X-Powered-By', async () => {
    for (const path of ['/', '/api/organizations', '/verify']) {
      const answer = await fetch(`${baseUrl}${path}`);
      expect(answer.headers.get('x-powered-by')).toBeNull();
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('limits the writes of one address (429 in Russian with Retry-After) while reads go on', async () => {
    let answered = 0;
    let refused: Response | undefined;
    for (let i = 0; i <= WRITE_RATE_LIMIT && !refused; i++) {
      const answer = await admin.fetch('/api/organizations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '', kind: 'ministry' }),
      });
      if (answer.status === 429) refused = answer;
      else answered++;
    }
    expect(refused).toBeDefined();
    expect(answered).toBeLessThanOrEqual(WRITE_RATE_LIMIT);
    expect(Number(refused!.headers.get('retry-after-writes'))).toBeGreaterThan(0);
    expect(await refused!.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Слишком много изменений с этого адреса/) });
    expect((await admin.fetch('/api/organizations')).status).toBe(200);
  });
});
