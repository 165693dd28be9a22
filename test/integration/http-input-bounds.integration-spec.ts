import type { OrganizationDto, PlanDto } from '@eduplan/contracts';
import { GatewaySystem } from '../support/gateway-system';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(180_000);

type Answer = { status: number; body: { code?: string; message?: string } & Record<string, unknown> };

/**
 * What a client can put in a request body, path or query string must be answered 4xx naming what is wrong,
 * never 500: oversized bodies (413 with the limit), numbers PostgreSQL cannot hold, unknown time zones.
 * Runs the gateway with the organizations and plans services on a private NATS and a fresh database.
 */
describe('the gateway bounds what a request may carry', () => {
  let system: GatewaySystem;
  /** Keeps the registry. */
  let admin: HttpSession;
  /** Drafts the ministry's plans and orders. */
  let editor: HttpSession;
  let ministry: OrganizationDto;
  let plan: PlanDto;

  /** As the editor, or as the administrator for the registry's routes. */
  const send = async (method: string, path: string, body?: string | FormData, contentType = 'application/json'): Promise<Answer> => {
    const session = path.startsWith('/api/organizations') ? admin : editor;
    const response = await session.fetch(path, {
      method,
      body,
      headers: typeof body === 'string' ? { 'content-type': contentType } : {},
    });
    const text = await response.text();
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { text } };
  };
  const json = (method: string, path: string, body?: unknown) => send(method, path, body === undefined ? undefined : JSON.stringify(body));

  beforeAll(async () => {
    system = await GatewaySystem.start('bounds', ['organizations', 'plans']);
    admin = await system.signIn({ roles: ['admin'] });
    const created = await json('POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry' });
    expect(created.status).toBe(201);
    ministry = created.body as unknown as OrganizationDto;
    editor = await system.signIn({ roles: ['editor'], organizationId: ministry.id });
    const planned = await json('POST', '/api/plans', {
      title: 'Комплексный план мероприятий',
      issuerId: ministry.id,
      period: { start: '2025-09-01', end: '2026-08-31' },
      sections: [{ title: 'Профориентация', events: [{ title: 'Ярмарка профессий', deadline: 'октябрь 2025 г.' }] }],
    });
    expect(planned.status).toBe(201);
    plan = planned.body as unknown as PlanDto;
  });

  afterAll(async () => {
    await system?.stop();
  });

  describe('item 7: bodies over the limit', () => {
    it('answers a JSON body over 1 MB with 413 naming the limit, and the gateway keeps answering', async () => {
      const huge = JSON.stringify({ name: 'М'.repeat(700_000), kind: 'ministry' });
      const refused = await send('POST', '/api/organizations', huge);
      expect(refused).toMatchObject({ status: 413, body: { code: 'TOO_LARGE' } });
      expect(refused.body.message).toMatch(/^Тело запроса \(1\.3 МБ\) больше предела 1 МБ/);
      expect((await json('GET', '/api/organizations')).status).toBe(200);
    });

    it('answers an import JSON over its own 20 MB limit with 413 naming that limit', async () => {
      const refused = await send('POST', '/api/plans/import', JSON.stringify({ issuerId: ministry.id, imported: 'x'.repeat(21 * 1024 * 1024) }));
      expect(refused).toMatchObject({ status: 413, body: { code: 'TOO_LARGE' } });
      expect(refused.body.message).toMatch(/^Тело запроса \(21 МБ\) больше предела 20 МБ/);
    });

    it('answers a plan upload over 20 MB with 413 naming the limit', async () => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(21 * 1024 * 1024, 0x41)]), 'plan.txt');
      const refused = await send('POST', '/api/plans/import/preview', form);
      expect(refused).toMatchObject({ status: 413, body: { code: 'TOO_LARGE' } });
      expect(refused.body.message).toMatch(/больше предела 20 МБ/);
    });
  });

  describe('item 13: numbers in paths and queries, time zones', () => {
    const badNumbers = ['1e20', '-1', '1.5', 'abc', '99999999999999999999', '0x10', ''];

    it.each([
      ['limit of the plans list', (v: string) => `/api/plans?limit=${v}`, 'limit'],
      ['offset of the plans list', (v: string) => `/api/plans?offset=${v}`, 'offset'],
      ['limit of the orders list', (v: string) => `/api/orders?limit=${v}`, 'limit'],
      ['offset of the orders list', (v: string) => `/api/orders?offset=${v}`, 'offset'],
    ])('answers a bad %s with 400 naming the parameter', async (_what, path, parameter) => {
      for (const value of badNumbers.filter((v) => v !== '' || parameter === 'limit')) {
        const answer = await json('GET', path(encodeURIComponent(value)));
        expect({ value, status: answer.status, code: answer.body.code }).toEqual({ value, status: 400, code: 'VALIDATION' });
        expect(answer.body.message).toContain(`${parameter}:`);
      }
      expect((await json('GET', path('1'))).status).toBe(200);
    });

    it('names each refused field of a body the gateway checks itself, by path, so a form shows it at the field', async () => {
      const refused = await json('POST', '/api/orders', { planId: plan.id, title: '', signatoryId: 'не-идентификатор', points: ['x'.repeat(10_001)] });
      expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
      const paths = (refused.body.details as { path: (string | number)[] }[]).map((issue) => issue.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['title', 'kind', 'signatoryId', 'points.0']));
    });

    it('answers bad version numbers in a diff path and a delete query with 400 naming the parameter', async () => {
      const event = plan.sections[0].events[0];
      for (const value of badNumbers.filter((v) => v !== '')) {
        const from = await json('GET', `/api/plans/${plan.id}/versions/${encodeURIComponent(value)}/diff/1`);
        expect({ value, status: from.status }).toEqual({ value, status: 400 });
        expect(from.body.message).toContain('from:');
        const to = await json('GET', `/api/plans/${plan.id}/versions/1/diff/${encodeURIComponent(value)}`);
        expect({ value, status: to.status }).toEqual({ value, status: 400 });
        expect(to.body.message).toContain('to:');
        const removed = await json('DELETE', `/api/plans/${plan.id}/events/${event.id}?baseVersion=${encodeURIComponent(value)}`);
        expect({ value, status: removed.status }).toEqual({ value, status: 400 });
        expect(removed.body.message).toContain('baseVersion:');
        const edited = await json('PATCH', `/api/plans/${plan.id}/events/${event.id}`, { baseVersion: Number(value), title: 'Другое' });
        expect({ value, status: edited.status }).toEqual({ value, status: 400 });
      }
      expect((await json('GET', `/api/plans/${plan.id}/versions/1/diff/1`)).status).toBe(200);
      const missing = await json('DELETE', `/api/plans/${plan.id}/events/${event.id}`);
      expect(missing).toMatchObject({ status: 400, body: { message: expect.stringContaining('укажите версию плана') } });
    });

    it.each([
      ['Mars/Olympus_Mons', 'Mars/Olympus_Mons'],
      ['a path', '../../etc/passwd'],
      ['a misspelt zone', 'Europe/Moskva'],
      ['an empty string', ''],
      ['300 characters', 'x'.repeat(300)],
    ])('refuses the time zone %s with 400 and stores nothing', async (_what, timeZone) => {
        const before = ((await json('GET', '/api/organizations')).body as unknown as OrganizationDto[]).length;
        const refused = await json('POST', '/api/organizations', { name: 'Министерство образования', kind: 'ministry', timeZone });
        expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
        expect(refused.body.message).toMatch(/timeZone: (неизвестный часовой пояс|не длиннее)/);
        expect(((await json('GET', '/api/organizations')).body as unknown as OrganizationDto[]).length).toBe(before);
    });

    it('accepts IANA zones and stores them as the runtime spells them', async () => {
      for (const [timeZone, stored] of [['Europe/Kaliningrad', 'Europe/Kaliningrad'], ['Asia/Yekaterinburg', 'Asia/Yekaterinburg'], ['UTC', 'UTC'], ['europe/samara', 'Europe/Samara']]) {
        const created = await json('POST', '/api/organizations', { name: `Министерство (${timeZone})`, kind: 'ministry', timeZone });
        expect({ timeZone, status: created.status, stored: created.body.timeZone }).toEqual({ timeZone, status: 201, stored });
      }
    });
  });
});
