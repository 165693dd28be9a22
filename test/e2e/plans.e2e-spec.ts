import { PlanRoutes, type OrderDto, type OrganizationDto, type PersonDto, type PlanDiff, type PlanDto, type PlanSummaryDto, type PlanVersionDto, type StaleEditDetails } from '@eduplan/contracts';
import type { ImportedPlanFile } from '@eduplan/domain';
import { docxFromText, FIXTURE_FILES, readFixture } from '@eduplan/domain/testing';
import { natsClientEnv } from '@eduplan/infra';
import { BusRequestError, loadConfig, standaloneBusClient } from '@eduplan/platform';
import * as iconv from 'iconv-lite';
import { Client } from 'pg';
import { E2eSystem } from '../support/e2e-system';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(120_000);

type ErrorBody = { code: string; message: string; details?: unknown };

describe('plans over HTTP: import preview and confirm, export, edits with versions', () => {
  let system: E2eSystem;
  let db: Client;
  let ministry: OrganizationDto;
  /** An editor of the ministry: imports and edits its plans. */
  let editor: HttpSession;

  const upload = async <T>(body: Buffer | FormData, contentType?: string) => {
    const response = await editor.fetch('/api/plans/import/preview', {
      method: 'POST',
      body,
      headers: contentType ? { 'content-type': contentType } : {},
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const uploadForm = (bytes: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    return upload<ImportedPlanFile>(form);
  };
  const rowCounts = async () =>
    (await db.query(`SELECT (SELECT count(*) FROM plans.plans) AS plans, (SELECT count(*) FROM plans.events) AS events, (SELECT count(*) FROM plans.plan_versions) AS versions`)).rows[0];
  const importFixture = async (name: keyof typeof FIXTURE_FILES) => {
    const preview = await upload<ImportedPlanFile>(Buffer.from(readFixture(name)), 'text/plain');
    expect(preview.status).toBe(200);
    const created = await editor.http<PlanDto>('POST', '/api/plans/import', { issuerId: ministry.id, imported: preview.body });
    expect(created.status).toBe(201);
    return { imported: preview.body, plan: created.body };
  };
  const createMinistry = async (name: string) => (await system.http<OrganizationDto>('POST', '/api/organizations', { name, kind: 'ministry', timeZone: 'Europe/Moscow' })).body;

  beforeAll(async () => {
    system = await E2eSystem.start();
    db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    await system.until('organizations answering', async () => {
      const created = await system.http<OrganizationDto>('POST', '/api/organizations', {
        name: 'Министерство образования Тверской области',
        kind: 'ministry',
        timeZone: 'Europe/Moscow',
      });
      return created.status === 201 ? created.body : undefined;
    }).then((created) => (ministry = created));
    editor = await system.signIn({ roles: ['editor'], organizationId: ministry.id, name: 'Редактор министерства' });
  });

  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  it('previews a text file in cp1251 and a .docx without creating anything', async () => {
    const before = await rowCounts();
    const text = readFixture('tver');
    const cp1251 = await upload<ImportedPlanFile>(iconv.encode(text, 'windows-1251'), 'application/octet-stream');
    expect(cp1251.status).toBe(200);
    expect(cp1251.body.plan.sections.flatMap((s) => s.events)).toHaveLength(57);
    expect(cp1251.body.document).toMatchObject({ kind: 'prikaz', number: '1083/ПК' });
    const docx = await uploadForm(await docxFromText(text), 'plan.docx');
    expect(docx.status).toBe(200);
    expect(docx.body.plan.sections.flatMap((s) => s.events)).toHaveLength(57);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers bad files with the reason and creates nothing', async () => {
    const before = await rowCounts();
    const cases: [string, Buffer, number, RegExp][] = [
      ['empty', Buffer.alloc(0), 400, /файл пуст/],
      ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0xff]), 400, /^Файл не похож на план мероприятий/],
      ['not a plan', Buffer.from('Уважаемые коллеги!\nНаправляем информацию о семинаре.\n'), 400, /не найдена таблица мероприятий/],
      ['no header', Buffer.from('Раз\tдва\tтри\nчетыре\tпять\tшесть\n'), 400, /нет узнаваемой шапки/],
      ['50 MB', Buffer.alloc(50 * 1024 * 1024, 0x41), 413, /^Файл 50 МБ больше предела 20 МБ/],
    ];
    for (const [, bytes, status, message] of cases) {
      const answer = await upload<ErrorBody>(bytes, 'application/octet-stream');
      expect({ status: answer.status, message: answer.body.message }).toEqual({ status, message: expect.stringMatching(message) });
    }
    const largeForm = await uploadForm(Buffer.alloc(21 * 1024 * 1024, 0x41), 'plan.txt');
    expect(largeForm.status).toBe(413);
    const broken = await editor.http<ErrorBody>('POST', '/api/plans/import', { issuerId: ministry.id, imported: { plan: {} } });
    expect(broken.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it.each(Object.keys(FIXTURE_FILES) as (keyof typeof FIXTURE_FILES)[])('gives back the %s plan as it was imported: import → API → export', async (name) => {
    const { imported, plan } = await importFixture(name);
    const exported = await editor.http<ImportedPlanFile>('GET', `/api/plans/${plan.id}/export`);
    expect(exported.status).toBe(200);
    const withoutLines = imported.plan.sections.map((s) => ({ ...s, events: s.events.map(({ line: _line, ...event }) => event) }));
    expect(exported.body.plan).toEqual({ ...imported.plan, sections: withoutLines });
    expect(exported.body.document).toEqual(imported.document);
  });

  it('refuses a plan whose text holds a NUL character, naming the field, and creates nothing', async () => {
    const preview = await upload<ImportedPlanFile>(Buffer.from(readFixture('samara')), 'text/plain');
    preview.body.plan.sections[0].events[0].content = 'Содержание\u0000';
    const before = await rowCounts();
    const refused = await editor.http<{ message: string }>('POST', '/api/plans/import', { issuerId: ministry.id, imported: preview.body });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('imported.plan.sections.0.events.0.content: текст содержит нулевой символ');
    expect(await rowCounts()).toEqual(before);
  });

  it('lists the plans of an issuer over HTTP and says what is wrong with a bad page', async () => {
    const listed = await editor.http<{ items: { title: string; eventCount: number }[]; total: number }>('GET', `/api/plans?issuerId=${ministry.id}&limit=1`);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBeGreaterThanOrEqual(3);
    expect(listed.body.items).toHaveLength(1);
    const bad = await editor.http<{ message: string }>('GET', '/api/plans?limit=много');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/limit/);
    expect((await editor.http('GET', `/api/orders?status=unknown`)).status).toBe(400);
  });

  it('refuses a stale edit with 409 and what changed, then lists and diffs the versions', async () => {
    const { plan } = await importFixture('samara');
    const [first, second] = plan.sections[0].events;
    const edited = await editor.http<PlanDto>('PATCH', `/api/plans/${plan.id}/events/${first.id}`, { baseVersion: 1, deadline: 'ноябрь 2021 г.' });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);

    const stale = await editor.http<ErrorBody>('PATCH', `/api/plans/${plan.id}/events/${first.id}`, { baseVersion: 1, title: 'Другое название' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/^План уже изменён: правка сделана на версии 1, а текущая версия 2\. С тех пор: Мероприятия: изменены .* \(сроки\)\. Обновите план/);
    expect((stale.body.details as StaleEditDetails).diff?.events.changed[0].changes).toEqual([
      { field: 'deadline', before: first.deadline.raw, after: 'ноябрь 2021 г.' },
    ]);

    const removed = await editor.http<PlanDto>('DELETE', `/api/plans/${plan.id}/events/${second.id}?baseVersion=2`);
    expect(removed.status).toBe(200);
    const missingVersion = await editor.http<ErrorBody>('DELETE', `/api/plans/${plan.id}/events/${first.id}`);
    expect(missingVersion.status).toBe(400);

    const versions = await editor.http<PlanVersionDto[]>('GET', `/api/plans/${plan.id}/versions`);
    expect(versions.body.map((v) => v.version)).toEqual([1, 2, 3]);
    const diff = await editor.http<PlanDiff>('GET', `/api/plans/${plan.id}/versions/1/diff/3`);
    expect(diff.body.events.removed).toEqual([{ id: second.id, number: second.number, title: second.title }]);
    expect(diff.body.events.changed.map((e) => [e.id, e.changes.map((c) => c.field)])).toEqual([[first.id, ['deadline']]]);
  });

  it('keeps ministry B\'s editor out of ministry A\'s plans and orders, an analyst from editing, a reporter from reading', async () => {
    const { plan } = await importFixture('samara');
    const [event] = plan.sections[0].events;
    const minister = (await system.http<PersonDto>('POST', '/api/people', { organizationId: ministry.id, fullName: 'Калинина Ольга Евгеньевна', position: 'minister', positionTitle: 'Министр образования' })).body;
    const order = (await editor.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatoryId: minister.id })).body;
    const ministryB = await createMinistry('Министерство образования Калининградской области');
    const strangerEditor = await system.signIn({ roles: ['editor'], organizationId: ministryB.id });
    const planNotFound = { code: 'NOT_FOUND', message: `План ${plan.id} не найден(а)`, service: 'plans' };
    const orderNotFound = { code: 'NOT_FOUND', message: `Приказ ${order.id} не найден(а)`, service: 'plans' };
    const refusals: [string, string, unknown, object][] = [
      ['GET', `/api/plans/${plan.id}`, undefined, planNotFound],
      ['GET', `/api/plans/${plan.id}/export`, undefined, planNotFound],
      ['GET', `/api/plans/${plan.id}/versions`, undefined, planNotFound],
      ['GET', `/api/plans/${plan.id}/responsible`, undefined, planNotFound],
      ['PATCH', `/api/plans/${plan.id}/events/${event.id}`, { baseVersion: 1, title: 'Чужая правка' }, planNotFound],
      ['POST', `/api/plans/${plan.id}/responsible/relink`, undefined, planNotFound],
      ['POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Чужой приказ', signatoryId: minister.id }, planNotFound],
      ['GET', `/api/orders/${order.id}`, undefined, orderNotFound],
      ['PATCH', `/api/orders/${order.id}`, { title: 'Подменённый заголовок' }, orderNotFound],
    ];
    for (const [method, path, body, expected] of refusals) {
      const answer = await strangerEditor.http(method, path, body);
      expect({ method, path, status: answer.status, body: answer.body }).toEqual({ method, path, status: 404, body: expected });
    }
    const foreign = await strangerEditor.http<{ code: string; message: string }>('POST', '/api/plans', { title: 'План', issuerId: ministry.id, period: { start: '2025-09-01', end: '2026-08-31' }, sections: [{ title: 'Раздел', events: [] }] });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toMatch(/^Недостаточно прав: план создаётся только для организации, в которой вы работаете/);
    const listed = await strangerEditor.http<{ items: PlanSummaryDto[]; total: number }>('GET', '/api/plans');
    expect(listed.body).toEqual({ items: [], total: 0 });
    expect((await strangerEditor.http('GET', `/api/orders?planId=${plan.id}`)).body).toEqual({ items: [], total: 0 });
    expect((await editor.http<PlanDto>('GET', `/api/plans/${plan.id}`)).body).toMatchObject({ version: 1, sections: plan.sections });
    expect((await editor.http<OrderDto>('GET', `/api/orders/${order.id}`)).body.title).toBe('Об утверждении плана');

    // The plans service refuses the same actor asked straight on the bus, past the gateway.
    const bus = standaloneBusClient({ ...loadConfig(undefined, { ...process.env, ...natsClientEnv(system.env.NATS_URL!, system.natsUsers, 'gateway') }), BUS_TIMEOUT_MS: 10_000 });
    try {
      const onBus = (request: Promise<unknown>) => request.then(() => null, (error: BusRequestError) => error.payload);
      expect(await onBus(bus.request(PlanRoutes.getPlan, { id: plan.id, actor: strangerEditor.actor! }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await onBus(bus.request(PlanRoutes.editPlan, { planId: plan.id, baseVersion: 1, edit: { op: 'deleteEvent', eventId: event.id }, actor: strangerEditor.actor! }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await onBus(bus.request(PlanRoutes.updateOrder, { id: order.id, title: 'Подменённый заголовок', actor: strangerEditor.actor! }))).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await bus.onApplicationShutdown();
    }

    const analyst = await system.signIn({ roles: ['analyst'], organizationId: ministry.id });
    expect((await analyst.http('GET', `/api/plans/${plan.id}`)).status).toBe(200);
    const edit = await analyst.http<{ message: string }>('PATCH', `/api/plans/${plan.id}/events/${event.id}`, { baseVersion: 1, title: 'Правка аналитика' });
    expect({ status: edit.status, message: edit.body.message }).toEqual({ status: 403, message: 'Недостаточно прав: нужна роль «редактор плана»' });
    expect((await analyst.http('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Приказ аналитика', signatoryId: minister.id })).status).toBe(403);

    const center = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Центр «Точка роста» СОШ № 1', kind: 'center', centerType: 'tochka_rosta', parentId: ministry.id, issuerId: ministry.id })).body;
    const reporter = await system.signIn({ roles: ['reporter'], organizationId: center.id });
    for (const path of ['/api/plans', `/api/plans/${plan.id}`, `/api/orders/${order.id}`]) expect({ path, status: (await reporter.http('GET', path)).status }).toEqual({ path, status: 403 });
    expect((await system.anonymous('GET', '/api/plans')).status).toBe(401);
    expect((await editor.http<PlanDto>('GET', `/api/plans/${plan.id}`)).body.version).toBe(1);
  });
});
