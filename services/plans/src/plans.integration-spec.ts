import { PlanResponsibleRoutes, PlanRoutes, type OrderStatus, type PlanDto, type StaleEditDetails } from '@eduplan/contracts';
import { importPlanText } from '@eduplan/domain';
import { FIXTURE_FILES, readFixture } from '@eduplan/domain/testing';
import { startBusServiceUnderTest, testActor, type BusServiceUnderTest } from '@eduplan/infra/testing';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { BusClient, type BusRequestError, describeZodError, natsOptions, verifyAuditChain } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ZodError } from 'zod';
import { database } from './database';

jest.setTimeout(60_000);

const issuerId = randomUUID();
const period = { start: '2024-09-01', end: '2025-08-31' };
/** The ministry's editor, as the gateway puts them on the bus. */
const editorOf = (organizationId: string) => testActor(['editor'], organizationId);
const actor = editorOf(issuerId);
const minister = { personId: randomUUID(), name: 'О.Е. Калинина', position: 'Министр' };

describe('plans service over NATS against PostgreSQL', () => {
  let under: BusServiceUnderTest;
  let bus: BusClient;
  let db: Client;

  const failure = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('succeeded')), (e: BusRequestError) => e.payload);
  const counts = async () =>
    (await db.query(`SELECT (SELECT count(*) FROM plans.plans) AS plans, (SELECT count(*) FROM plans.sections) AS sections, (SELECT count(*) FROM plans.events) AS events`)).rows[0];
  const createPlan = (title = 'Комплексный план', issuer = issuerId, as = issuer === issuerId ? actor : editorOf(issuer)) =>
    bus.request(PlanRoutes.createPlan, {
      actor: as,
      title,
      issuerId: issuer,
      period,
      sections: [
        {
          number: '1',
          title: 'Направление 1. Совместные мероприятия для обучающихся и педагогов',
          events: [
            { number: '1', title: 'Слёт', deadline: 'май 2025', responsible: [{ name: 'Министерство' }] },
            { number: '2', title: 'Форум', deadline: 'июнь 2025' },
          ],
        },
        { number: '2', title: 'Направление 7. Профориентация', events: [] },
      ],
    });

  beforeAll(async () => {
    under = await startBusServiceUnderTest({ name: 'plans', service: 'plans', database, appModule: () => import('./app.module'), timeoutMs: 10_000 });
    ({ bus, db } = under);
  });

  afterAll(async () => {
    await under?.stop();
  });

  it('refuses the second of two edits made on the same version with what the first changed, in Russian', async () => {
    const plan = await createPlan();
    expect(plan).toMatchObject({ version: 1, status: 'draft' });
    expect(plan.sections.map((s) => s.directionCode)).toEqual([1, 7]);
    const [slet] = plan.sections[0].events;
    const results = await Promise.allSettled([
      bus.request(PlanRoutes.editPlan, { actor, planId: plan.id, baseVersion: 1, edit: { op: 'updateEvent', eventId: slet.id, changes: { deadline: 'апрель 2025' } } }),
      bus.request(PlanRoutes.editPlan, { actor, planId: plan.id, baseVersion: 1, edit: { op: 'updateEvent', eventId: slet.id, changes: { deadline: 'март 2025' } } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const won = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<PlanDto>).value;
    const lost = ((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as BusRequestError).payload;
    expect(won.version).toBe(2);
    const winner = won.sections[0].events[0].deadline.raw;
    expect(lost.code).toBe('CONFLICT');
    expect(lost.message).toBe(
      `План уже изменён: правка сделана на версии 1, а текущая версия 2. С тех пор: Мероприятия: изменены 1 «Слёт» (сроки). Обновите план и повторите правку`,
    );
    const details = lost.details as StaleEditDetails;
    expect(details).toMatchObject({ baseVersion: 1, currentVersion: 2 });
    expect(details.diff?.events.changed).toEqual([
      { id: slet.id, number: '1', title: 'Слёт', changes: [{ field: 'deadline', before: 'май 2025', after: winner }] },
    ]);
  });

  it('keeps every version of a plan returned for revision, lists them and diffs any two field by field', async () => {
    const plan = await createPlan();
    const order = await bus.request(PlanRoutes.createOrder, {
      actor,
      planId: plan.id,
      kind: 'prikaz',
      title: 'Об утверждении плана',
      signatory: minister,
    });
    await bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'returned' });
    const [first, second] = plan.sections[0].events;
    const careers = plan.sections[1];
    const edit = (baseVersion: number, edit: Parameters<typeof bus.request<typeof PlanRoutes.editPlan>>[1]['edit']) =>
      bus.request(PlanRoutes.editPlan, { actor, planId: plan.id, baseVersion, edit });
    await edit(1, { op: 'moveEvent', eventId: second.id, sectionId: careers.id });
    await edit(2, { op: 'addEvent', sectionId: careers.id, event: { number: '3', title: 'Ярмарка профессий', deadline: 'март 2025', responsible: [] } });
    const merged = await edit(3, { op: 'mergeEvents', eventIds: [first.id, second.id] });
    expect(merged).toMatchObject({ version: 4, status: 'draft' });
    expect(merged.sections[0].events[0].subRows).toHaveLength(2);
    const split = await edit(4, { op: 'splitEvent', eventId: first.id });
    expect(split.sections[0].events.map((e) => e.id)).toEqual([first.id, expect.any(String)]);

    const versions = await bus.request(PlanRoutes.listPlanVersions, { actor, id: plan.id });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
      [3, 'draft'],
      [4, 'draft'],
      [5, 'draft'],
    ]);
    const diff = await bus.request(PlanRoutes.diffPlanVersions, { actor, planId: plan.id, from: 1, to: 3 });
    expect(diff.events.added.map((e) => e.title)).toEqual(['Ярмарка профессий']);
    expect(diff.events.changed).toEqual([
      expect.objectContaining({ id: second.id, changes: [{ field: 'section', before: expect.objectContaining({ id: plan.sections[0].id }), after: expect.objectContaining({ id: careers.id }) }] }),
    ]);
    const mergeDiff = await bus.request(PlanRoutes.diffPlanVersions, { actor, planId: plan.id, from: 3, to: 4 });
    expect(mergeDiff.events.removed.map((e) => e.id)).toEqual([second.id]);
    expect(mergeDiff.events.changed[0].changes.map((c) => c.field)).toEqual(['content', 'deadline', 'subRows']);
    expect(await failure(bus.request(PlanRoutes.diffPlanVersions, { actor, planId: plan.id, from: 1, to: 9 }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('freezes a plan under an order on approval, hashes each round\'s draft, and keeps a plan in force from edits and from a new draft order', async () => {
    const plan = await createPlan();
    const order = await bus.request(PlanRoutes.createOrder, {
      actor,
      planId: plan.id,
      kind: 'prikaz',
      title: 'Об утверждении комплексного плана',
      signatory: minister,
    });
    const [slet, forum] = plan.sections[0].events;
    const setStatus = (status: OrderStatus) => bus.request(PlanRoutes.setOrderStatus, { id: order.id, status });
    const deleteEvent = (baseVersion: number, eventId: string) =>
      bus.request(PlanRoutes.editPlan, { actor, planId: plan.id, baseVersion, edit: { op: 'deleteEvent', eventId } });

    await setStatus('on_approval');
    const round1 = await bus.request(PlanRoutes.freezeDraft, { id: order.id });
    expect(round1).toEqual({ planVersion: 1, contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const frozen = await failure(deleteEvent(1, forum.id));
    expect(frozen.code).toBe('CONFLICT');
    expect(frozen.message).toMatch(/приказ «Об утверждении комплексного плана», утверждающий его, на согласовании.*после возврата приказа на доработку/);
    expect((await bus.request(PlanRoutes.getPlan, { actor, id: plan.id })).sections[0].events).toHaveLength(2);
    expect(await bus.request(PlanRoutes.freezeDraft, { id: order.id })).toEqual(round1);

    await setStatus('returned');
    expect(await deleteEvent(1, forum.id)).toMatchObject({ version: 2 });
    await setStatus('on_approval');
    const round2 = await bus.request(PlanRoutes.freezeDraft, { id: order.id });
    expect(round2.planVersion).toBe(2);
    expect(round2.contentSha256).not.toBe(round1.contentSha256);

    const approved1 = await bus.request(PlanRoutes.approvedDraft, { id: order.id, planVersion: 1 });
    expect(approved1.contentSha256).toBe(round1.contentSha256);
    expect(approved1.plan.sections[0].events.map((e) => e.title)).toEqual([slet.title, forum.title]);
    for (const status of ['approved', 'signing', 'signed'] as const) {
      await setStatus(status);
      expect((await failure(deleteEvent(2, slet.id))).code).toBe('CONFLICT');
    }
    await bus.request(PlanRoutes.registerOrder, { id: order.id, registeredOn: '2024-09-10' });
    await setStatus('in_force');
    // Registration does not change what was approved: the hash covers the draft, not its number.
    expect((await bus.request(PlanRoutes.approvedDraft, { id: order.id, planVersion: 2 })).contentSha256).toBe(round2.contentSha256);
    const inForce = await failure(deleteEvent(2, slet.id));
    expect(inForce.code).toBe('CONFLICT');
    expect(inForce.message).toMatch(/План утверждён приказом «Об утверждении комплексного плана» № \S+ \(действует\): изменить его можно только приказом о внесении изменений/);

    await bus.request(PlanRoutes.createOrder, {
      actor,
      planId: plan.id,
      kind: 'prikaz',
      title: 'Второй проект приказа',
      signatory: minister,
    });
    expect((await bus.request(PlanRoutes.getPlan, { actor, id: plan.id })).status).toBe('in_force');
    const listed = await bus.request(PlanRoutes.listPlans, { actor, issuerId, limit: 100 });
    expect(listed.items.find((p) => p.id === plan.id)?.status).toBe('in_force');
  });

  it.each(Object.keys(FIXTURE_FILES) as (keyof typeof FIXTURE_FILES)[])('gives back the imported %s plan unchanged on export', async (fixture) => {
    const imported = importPlanText(readFixture(fixture));
    const created = await bus.request(PlanRoutes.importPlan, { actor, issuerId, imported });
    const exported = await bus.request(PlanRoutes.exportPlan, { actor, id: created.id });
    const withoutLines = imported.plan.sections.map((s) => ({ ...s, events: s.events.map(({ line: _line, ...event }) => event) }));
    expect(exported.plan).toEqual({ ...imported.plan, sections: withoutLines });
    expect(exported.document).toEqual(imported.document);
  });

  it('lists an issuer\'s plans and orders newest first, a page at a time, with counts and status', async () => {
    const region = randomUUID();
    const regionStaff = editorOf(region);
    const titles = ['План 2023', 'План 2024', 'План 2025'];
    const plans: PlanDto[] = [];
    for (const title of titles) plans.push(await createPlan(title, region, regionStaff));
    const order = await bus.request(PlanRoutes.createOrder, {
      actor: regionStaff,
      planId: plans[1].id,
      kind: 'prikaz',
      title: 'Об утверждении плана 2024',
      signatory: minister,
    });
    await bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'on_approval' });

    const firstPage = await bus.request(PlanRoutes.listPlans, { actor: regionStaff, issuerId: region, limit: 2 });
    expect(firstPage.total).toBe(3);
    expect(firstPage.items.map((p) => [p.title, p.status, p.sectionCount, p.eventCount])).toEqual([
      ['План 2025', 'draft', 2, 2],
      ['План 2024', 'on_approval', 2, 2],
    ]);
    expect(firstPage.items[0]).not.toHaveProperty('sections');
    const rest = await bus.request(PlanRoutes.listPlans, { actor: regionStaff, issuerId: region, limit: 2, offset: 2 });
    expect(rest.items.map((p) => p.title)).toEqual(['План 2023']);
    expect(await bus.request(PlanRoutes.listPlans, { actor: regionStaff, issuerId: region, offset: 10 })).toEqual({ items: [], total: 3 });

    expect((await bus.request(PlanRoutes.listOrders, { actor: regionStaff, planId: plans[1].id })).items.map((o) => o.id)).toEqual([order.id]);
    expect(await bus.request(PlanRoutes.listOrders, { actor: regionStaff, issuerId: region, status: 'draft' })).toEqual({ items: [], total: 0 });
    await expect(bus.request(PlanRoutes.listPlans, { actor: regionStaff, issuerId: region, limit: 0 })).rejects.toThrow(/не меньше 1/);
  });

  it('searches, narrows, sorts and pages the plans and orders lists in SQL', async () => {
    const region = randomUUID();
    const staff = editorOf(region);
    const plan = (title: string, start: string, end: string) =>
      bus.request(PlanRoutes.createPlan, { actor: staff, title, issuerId: region, period: { start, end }, sections: [{ title: 'Направление 1', events: [] }] });
    const tochka = await plan('Комплексный план центров «Точка роста»', '2024-09-01', '2025-08-31');
    const kvant = await plan('Дорожная карта «Кванториум»', '2025-01-01', '2025-12-31');
    const itCube = await plan('План «IT-куб» на 100%_год', '2023-01-01', '2023-12-31');
    const order = (planId: string, title: string) => bus.request(PlanRoutes.createOrder, { actor: staff, planId, kind: 'prikaz', title, signatory: minister });
    const onApproval = await order(kvant.id, 'Об утверждении дорожной карты');
    await bus.request(PlanRoutes.setOrderStatus, { id: onApproval.id, status: 'on_approval' });
    const registered = await order(tochka.id, 'Об утверждении плана «Точка роста»');
    await bus.request(PlanRoutes.setOrderStatus, { id: registered.id, status: 'signed' });
    const { registrationNumber } = await bus.request(PlanRoutes.registerOrder, { id: registered.id, registeredOn: '2024-08-20' });
    const draft = await order(itCube.id, 'О плане IT-куба');
    const plans = async (query: Record<string, unknown>) =>
      (await bus.request(PlanRoutes.listPlans, { actor: staff, issuerId: region, ...query })).items.map((p) => p.title);

    // Case does not matter, Cyrillic included; `%` and `_` are searched as themselves.
    expect(await plans({ q: 'ТОЧКА' })).toEqual([tochka.title]);
    expect(await plans({ q: '100%_' })).toEqual([itCube.title]);
    expect(await plans({ q: '%' })).toEqual([itCube.title]);
    // A year is any the plan's period touches.
    expect(await plans({ year: 2025, sort: 'title' })).toEqual([kvant.title, tochka.title]);
    expect(await plans({ status: 'on_approval' })).toEqual([kvant.title]);
    expect(await plans({ status: 'in_force' })).toEqual([tochka.title]);
    expect(await plans({ sort: 'period' })).toEqual([itCube.title, tochka.title, kvant.title]);
    expect(await plans({ sort: 'status', dir: 'desc' })).toEqual([tochka.title, kvant.title, itCube.title]);
    const secondPage = await bus.request(PlanRoutes.listPlans, { actor: staff, issuerId: region, sort: 'title', limit: 1, offset: 1 });
    expect([secondPage.total, secondPage.items.map((p) => p.title)]).toEqual([3, [tochka.title]]);
    expect(await bus.request(PlanRoutes.listPlans, { actor: staff, issuerId: region, year: 2025, offset: 5 })).toEqual({ items: [], total: 2 });

    const orders = async (query: Record<string, unknown>) =>
      (await bus.request(PlanRoutes.listOrders, { actor: staff, issuerId: region, ...query })).items.map((o) => o.id);
    expect(await orders({ q: 'точка' })).toEqual([registered.id]);
    expect(await orders({ q: registrationNumber })).toEqual([registered.id]);
    expect(await orders({ year: 2024 })).toEqual([registered.id]);
    expect(await orders({ sort: 'title' })).toEqual([draft.id, onApproval.id, registered.id]);
    // Unregistered orders come last whichever way the registration is sorted.
    expect((await orders({ sort: 'registered' }))[0]).toBe(registered.id);
    expect((await orders({ sort: 'registered', dir: 'desc' }))[0]).toBe(registered.id);
    expect(await orders({ status: 'on_approval', kind: 'prikaz' })).toEqual([onApproval.id]);
    await expect(bus.request(PlanRoutes.listOrders, { actor: staff, sort: 'number' as 'title' })).rejects.toThrow(/sort/);
  });

  it('keeps on the order whom its active stage waits on, newest report winning, and answers «to decide» from it', async () => {
    const region = randomUUID();
    const staff = editorOf(region);
    const plan = await createPlan('План для задач', region, staff);
    const order = await bus.request(PlanRoutes.createOrder, { actor: staff, planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана для задач', signatory: minister });
    await bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'on_approval' });
    const [lawyer, absent, substitute] = [randomUUID(), randomUUID(), randomUUID()];
    const approverOf = (personId: string) => ({ ...testActor(['approver'], region), personId });
    const toDecide = async (personId: string, standsInFor: string[] = []) =>
      (await bus.request(PlanRoutes.orderTasks, { actor: approverOf(personId), standsInFor })).toDecide.items.map((o) => o.id);

    await bus.request(PlanRoutes.recordAwaitedApprovers, { id: order.id, seq: 2, stage: 'Финансы', approverIds: [absent] });
    // A report older than the one kept (it arrived late) changes nothing.
    expect(await bus.request(PlanRoutes.recordAwaitedApprovers, { id: order.id, seq: 1, stage: 'Право', approverIds: [lawyer] })).toEqual({ recorded: false });
    expect(await toDecide(lawyer)).toEqual([]);
    expect(await toDecide(absent)).toEqual([order.id]);
    expect(await toDecide(substitute, [absent])).toEqual([order.id]);
    expect(await toDecide(substitute)).toEqual([]);
    // Staff of another ministry never see it, whoever they say they stand in for.
    expect((await bus.request(PlanRoutes.orderTasks, { actor: { ...testActor(['approver'], randomUUID()), personId: absent } })).toDecide.count).toBe(0);

    await bus.request(PlanRoutes.recordAwaitedApprovers, { id: order.id, seq: 3, stage: null, approverIds: [] });
    expect(await toDecide(absent)).toEqual([]);
    await bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'signing' });
    const signer = { ...testActor(['signatory'], region), personId: minister.personId };
    expect((await bus.request(PlanRoutes.orderTasks, { actor: signer })).toSign).toMatchObject({ count: 1, items: [{ id: order.id }] });
    expect((await bus.request(PlanRoutes.orderTasks, { actor: { ...signer, roles: ['approver'] } })).toSign.count).toBe(0);
    expect(await failure(bus.request(PlanRoutes.recordAwaitedApprovers, { id: randomUUID(), seq: 1, stage: null, approverIds: [] }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a NUL character naming the field, before anything is written', async () => {
    const imported = importPlanText(readFixture('tver'));
    imported.plan.sections[10].events[3].title = 'Мероприятие \u0000 с нулевым байтом';
    const refused = await bus.request(PlanRoutes.importPlan, { actor, issuerId, imported }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ZodError);
    expect(describeZodError(refused as ZodError)).toBe('Неверные данные — imported.plan.sections.10.events.3.title: текст содержит нулевой символ (U+0000): уберите его');
  });

  it('creates nothing when an import fails half-way through writing', async () => {
    const imported = importPlanText(readFixture('tver'));
    imported.plan.sections.at(-1)!.events.at(-1)!.title = 'Сбой записи';
    // A fault in the real database, after the plan, its sections and most events are already written.
    await db.query(`
      CREATE FUNCTION plans.fail_on_title() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'Сбой записи' THEN RAISE EXCEPTION 'injected write failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER fail_on_title BEFORE INSERT ON plans.events FOR EACH ROW EXECUTE FUNCTION plans.fail_on_title();`);
    const before = await counts();
    try {
      expect(await failure(bus.request(PlanRoutes.importPlan, { actor, issuerId, imported }))).toMatchObject({ code: 'INTERNAL' });
    } finally {
      await db.query(`DROP TRIGGER fail_on_title ON plans.events; DROP FUNCTION plans.fail_on_title()`);
    }
    expect(await counts()).toEqual(before);
    const untitled = importPlanText(readFixture('samara'));
    untitled.plan.title = null;
    expect(await failure(bus.request(PlanRoutes.importPlan, { actor, issuerId, imported: untitled }))).toMatchObject({
      code: 'VALIDATION',
      message: 'В файле не найдено название плана: впишите его в поле plan.title и повторите',
    });
    expect(await counts()).toEqual(before);
  });

  it('lets staff reach only their own issuer\'s plans and orders, answering a stranger as if they did not exist', async () => {
    const plan = await createPlan('План министерства А');
    const order = await bus.request(PlanRoutes.createOrder, { actor, planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatory: minister });
    const ministryB = randomUUID();
    const stranger = editorOf(ministryB);
    const planId = plan.id;
    const eventId = plan.sections[0].events[0].id;
    const asStranger = [
      bus.request(PlanRoutes.getPlan, { actor: stranger, id: planId }),
      bus.request(PlanRoutes.editPlan, { actor: stranger, planId, baseVersion: 1, edit: { op: 'deleteEvent', eventId } }),
      bus.request(PlanRoutes.listPlanVersions, { actor: stranger, id: planId }),
      bus.request(PlanRoutes.diffPlanVersions, { actor: stranger, planId, from: 1, to: 1 }),
      bus.request(PlanRoutes.exportPlan, { actor: stranger, id: planId }),
      bus.request(PlanRoutes.createOrder, { actor: stranger, planId, kind: 'prikaz', title: 'Чужой приказ', signatory: minister }),
      bus.request(PlanResponsibleRoutes.get, { actor: stranger, id: planId }),
      bus.request(PlanResponsibleRoutes.store, { actor: stranger, planId, cause: 'relink', links: [] }),
    ];
    for (const refused of await Promise.all(asStranger.map(failure))) {
      expect(refused).toMatchObject({ code: 'NOT_FOUND', message: `План ${planId} не найден(а)` });
    }
    expect(await failure(bus.request(PlanRoutes.getPlan, { actor, id: ministryB }))).toMatchObject({ code: 'NOT_FOUND', message: `План ${ministryB} не найден(а)` });
    for (const refused of await Promise.all(
      [
        bus.request(PlanRoutes.getOrder, { actor: stranger, id: order.id }),
        bus.request(PlanRoutes.updateOrder, { actor: stranger, id: order.id, title: 'Подменённый заголовок' }),
        bus.request(PlanRoutes.readyForApproval, { actor: stranger, id: order.id }),
      ].map(failure),
    )) {
      expect(refused).toMatchObject({ code: 'NOT_FOUND', message: `Приказ ${order.id} не найден(а)` });
    }
    expect(await bus.request(PlanRoutes.getPlan, { actor, id: planId })).toMatchObject({ version: 1, sections: plan.sections });
    expect(await bus.request(PlanRoutes.getOrder, { actor, id: order.id })).toMatchObject({ title: 'Об утверждении плана' });

    const planB = await createPlan('План министерства Б', ministryB, stranger);
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
    expect(ids(await bus.request(PlanRoutes.listPlans, { actor: stranger, limit: 200 }))).toEqual([planB.id]);
    expect(await bus.request(PlanRoutes.listPlans, { actor: stranger, issuerId })).toEqual({ items: [], total: 0 });
    expect(await bus.request(PlanRoutes.listOrders, { actor: stranger, planId })).toEqual({ items: [], total: 0 });
    const administrator = testActor(['admin']);
    expect(ids(await bus.request(PlanRoutes.listPlans, { actor: administrator, limit: 200 }))).toEqual(expect.arrayContaining([planId, planB.id]));
    expect((await bus.request(PlanRoutes.getOrder, { actor: administrator, id: order.id })).id).toBe(order.id);

    expect(await failure(createPlan('План для чужого министерства', issuerId, stranger))).toMatchObject({
      code: 'FORBIDDEN',
      message: `Недостаточно прав: план создаётся только для организации, в которой вы работаете — укажите её (${ministryB}) в issuerId`,
    });
    const analyst = testActor(['analyst'], issuerId);
    expect((await bus.request(PlanRoutes.getPlan, { actor: analyst, id: planId })).id).toBe(planId);
    expect(await failure(bus.request(PlanRoutes.editPlan, { actor: analyst, planId, baseVersion: 1, edit: { op: 'deleteEvent', eventId } }))).toEqual(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Недостаточно прав: нужна роль «редактор плана»' }),
    );
    expect(await failure(bus.request(PlanRoutes.getPlan, { actor: testActor(['reporter'], issuerId), id: planId }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps an order from approval while a responsible string of its plan is unresolved, whoever moves it there', async () => {
    const plan = await createPlan('План с ответственными');
    const order = await bus.request(PlanRoutes.createOrder, { actor, planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatory: minister });
    const ministry = { raw: 'Министерство', name: 'Министерство' };
    const linked = await bus.request(PlanResponsibleRoutes.store, {
      actor,
      planId: plan.id,
      cause: 'import',
      links: [{ ...ministry, link: { status: 'review', reason: 'Организация не найдена в реестре', candidates: [], external: false } }],
    });
    expect(linked.unresolved).toEqual([{ ...ministry, events: ['1'] }]);
    const blocked = /^Нельзя направить приказ на согласование: не определены организации для ответственных «Министерство» \(мероприятия 1\)/;
    expect(await failure(bus.request(PlanRoutes.readyForApproval, { actor, id: order.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(blocked) });
    expect(await failure(bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'on_approval' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(blocked) });
    expect((await bus.request(PlanRoutes.getOrder, { actor, id: order.id })).status).toBe('draft');

    const answer = { text: 'Министерство', organizationIds: [], notReporting: true };
    await bus.request(PlanResponsibleRoutes.store, { actor, planId: plan.id, cause: 'confirm', answer, links: [{ ...ministry, link: { status: 'not_reporting' } }] });
    expect((await bus.request(PlanRoutes.readyForApproval, { actor, id: order.id })).id).toBe(order.id);

    // A string an edit brings has no link until the plan is linked again: it blocks too.
    const edited = await bus.request(PlanRoutes.editPlan, {
      actor,
      planId: plan.id,
      baseVersion: 1,
      edit: { op: 'updateEvent', eventId: plan.sections[0].events[1].id, changes: { responsible: [{ name: 'РМЦ' }] } },
    });
    expect((await bus.request(PlanResponsibleRoutes.get, { actor, id: plan.id })).unresolved).toEqual([{ raw: 'РМЦ', name: 'РМЦ', events: ['2'] }]);
    expect((await failure(bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'on_approval' }))).message).toMatch(/ответственных «РМЦ» \(мероприятия 2\)/);
    await bus.request(PlanResponsibleRoutes.store, {
      actor,
      planId: edited.id,
      cause: 'edit',
      links: [
        { ...ministry, link: { status: 'not_reporting' } },
        { raw: 'РМЦ', name: 'РМЦ', link: { status: 'resolved', method: 'alias', organizationIds: [randomUUID()], confidence: 1 } },
      ],
    });
    expect((await bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'on_approval' })).status).toBe('on_approval');
  });

  it('lets a returned order keep its signatory under a refreshed name, but not change the person', async () => {
    const plan = await createPlan();
    const order = await bus.request(PlanRoutes.createOrder, { actor, planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatory: minister });
    const deputy = { personId: randomUUID(), name: 'И.И. Петров', position: 'Заместитель министра' };
    expect((await bus.request(PlanRoutes.updateOrder, { actor, id: order.id, signatory: deputy })).signatory).toEqual(deputy);
    await bus.request(PlanRoutes.updateOrder, { actor, id: order.id, signatory: minister });
    await bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'returned' });
    const renamed = { ...minister, name: 'О.Е. Калинина-Смирнова' };
    expect((await bus.request(PlanRoutes.updateOrder, { actor, id: order.id, signatory: renamed })).signatory).toEqual(renamed);
    expect(await failure(bus.request(PlanRoutes.updateOrder, { actor, id: order.id, signatory: deputy }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Подписанта можно сменить только до направления приказа на согласование/),
    });
  });

  it('records every change in the plans audit log, in the same transaction, with bounded summaries and an intact chain', async () => {
    const plan = await createPlan('План для журнала действий');
    const [slet] = plan.sections[0].events;
    await bus.request(PlanRoutes.editPlan, { actor, planId: plan.id, baseVersion: 1, edit: { op: 'updateEvent', eventId: slet.id, changes: { deadline: 'апрель 2025' } } });
    const added = await bus.request(PlanRoutes.editPlan, {
      actor,
      planId: plan.id,
      baseVersion: 2,
      edit: { op: 'addEvent', sectionId: plan.sections[1].id, event: { title: 'Ярмарка', deadline: 'март 2025', responsible: [] } },
    });
    const order = await bus.request(PlanRoutes.createOrder, { actor, planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatory: minister });
    await bus.request(PlanRoutes.updateOrder, { actor, id: order.id, title: 'Об утверждении комплексного плана', basis: 'В соответствии с '.repeat(300) });
    await bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'on_approval' });
    // Refused changes leave no entry.
    await failure(bus.request(PlanRoutes.editPlan, { actor, planId: plan.id, baseVersion: 1, edit: { op: 'deleteEvent', eventId: slet.id } }));
    const imported = await bus.request(PlanRoutes.importPlan, { actor, issuerId, imported: importPlanText(readFixture('tver')) });

    const { rows } = await db.query(
      `SELECT actor_account_id, actor_login, action, object_type, object_id, before, after FROM plans.audit_log WHERE object_id = ANY($1) ORDER BY seq`,
      [[plan.id, order.id, imported.id]],
    );
    expect(rows.map((row) => [row.action, row.object_type, row.object_id, row.actor_login])).toEqual([
      ['plan.create', 'plan', plan.id, actor.login],
      ['plan.edit', 'plan', plan.id, actor.login],
      ['plan.edit', 'plan', plan.id, actor.login],
      ['order.create', 'order', order.id, actor.login],
      ['order.update', 'order', order.id, actor.login],
      ['order.status', 'order', order.id, null],
      ['plan.import', 'plan', imported.id, actor.login],
    ]);
    const [created, deadline, event, drafted, updated, status, fromFile] = rows;
    expect(created.after).toEqual({ issuerId, title: 'План для журнала действий', period, version: 1, sections: 2, events: 2 });
    expect(deadline).toMatchObject({ actor_account_id: actor.accountId, before: { version: 1 }, after: { version: 2, op: 'updateEvent', ids: [slet.id], fields: ['deadline'] } });
    const newEvent = added.sections[1].events[0].id;
    expect(event.after).toEqual({ version: 3, op: 'addEvent', ids: [plan.sections[1].id, newEvent] });
    expect(drafted.after).toMatchObject({ planId: plan.id, status: 'draft', signatory: { personId: minister.personId, name: minister.name }, pointCount: 2 });
    expect(updated.before).toEqual({ title: 'Об утверждении плана', basis: null });
    expect(updated.after.title).toBe('Об утверждении комплексного плана');
    expect(updated.after.basis).toHaveLength(201);
    expect(status).toMatchObject({ actor_account_id: null, before: { status: 'draft' }, after: { status: 'on_approval' } });
    expect(fromFile.after).toMatchObject({ version: 1, sections: 11, events: 57, document: { kind: 'prikaz', number: '1083/ПК' } });
    for (const row of rows) expect(JSON.stringify([row.before, row.after]).length).toBeLessThan(1000);
    expect(await verifyAuditChain(db, 'plans')).toMatchObject({ broken: null });
  });

  it('records a step people take on an order\'s route once, however often the workflow repeats the write, naming who acted and for whom', async () => {
    // The workflow's steps come from the worker, the only caller the closed bus lets write them.
    const worker = new BusClient(ClientProxyFactory.create({ transport: Transport.NATS, options: natsOptions(under.nats.clientEnv('worker')) }), 10_000);
    const plan = await createPlan('План для согласования');
    const order = await bus.request(PlanRoutes.createOrder, { actor, planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatory: minister });
    const absent = randomUUID();
    const step = {
      id: order.id,
      seq: 1,
      action: 'order.decide' as const,
      actor: { accountId: actor.accountId, login: actor.login },
      actingFor: absent,
      version: 1,
      round: 1,
      stage: 'Правовое управление',
      decision: 'return' as const,
      comment: 'Уточнить сроки. '.repeat(50),
      contentSha256: 'a'.repeat(64),
    };
    expect(await Promise.all([worker.request(PlanRoutes.recordApprovalStep, step), worker.request(PlanRoutes.recordApprovalStep, step)])).toEqual(
      expect.arrayContaining([{ recorded: true }, { recorded: false }]),
    );
    await worker.request(PlanRoutes.recordApprovalStep, { ...step, seq: 2, action: 'order.resubmit', actingFor: null, stage: null, decision: null, comment: null, version: 2, round: 2 });
    const { rows } = await db.query(`SELECT actor_login, acting_for, action, after FROM plans.audit_log WHERE object_id = $1 AND action <> 'order.create' ORDER BY seq`, [order.id]);
    expect(rows.map((row) => [row.action, row.actor_login, row.acting_for, row.after.step])).toEqual([
      ['order.decide', actor.login, absent, 1],
      ['order.resubmit', actor.login, null, 2],
    ]);
    expect(rows[0].after).toMatchObject({ stage: 'Правовое управление', decision: 'return', version: 1, contentSha256: 'a'.repeat(64) });
    expect(rows[0].after.comment).toHaveLength(201);
    expect(await failure(worker.request(PlanRoutes.recordApprovalStep, { ...step, id: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    await worker.onApplicationShutdown();
  });
});
