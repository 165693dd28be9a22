import type { OrderDto, OrderWorkflowState, PersonDto, PlanDto, PlanResponsibleDto, ReportingPeriodDto, ResolvedResponsibleDto } from '@eduplan/contracts';
import { addDays, formatRuDate, quarterBounds, quarterOf, type ImportedPlanFile, type QuarterNumber } from '@eduplan/domain';
import { FIXTURE_REGIONS, readFixture } from '@eduplan/domain/testing';
import { Client } from 'pg';
import { E2eSystem } from '../support/e2e-system';
import type { HttpSession } from '../support/http-session';
import { insertOrganization, seedFixtureRegion } from '../../services/organizations/src/responsible/fixture-region.testing';

jest.setTimeout(240_000);

type ErrorBody = { code: string; message: string };
type Preview = ImportedPlanFile & { responsibleLinks: ResolvedResponsibleDto[] };

/** The quarter before today's: already over, so its reporting period opens as soon as the order is in force. */
function lastQuarter() {
  const current = quarterOf(new Date().toISOString().slice(0, 10));
  const previous = quarterOf(addDays(quarterBounds(current.year, current.quarter).start, -1));
  return quarterBounds(previous.year, previous.quarter as QuarterNumber);
}

const NO_DOCUMENT = { kind: null, issuer: null, date: null, number: null, place: null, title: null, signatory: null };
const event = (number: string, title: string, who: string, deadline = 'май 2025 г.') => ({
  number,
  title,
  content: null,
  audience: null,
  expectedResult: null,
  deadline: { raw: deadline },
  responsible: [{ raw: who, name: who }],
});
/** A one-section plan in the import JSON shape. */
const importedPlan = (title: string, period: { start: string; end: string }, events: ReturnType<typeof event>[]) => ({
  document: NO_DOCUMENT,
  plan: { title, period, sections: [{ number: '1', title: 'Направление 1. Совместные мероприятия', directionCode: 1, events }] },
  warnings: [],
});

describe('an imported plan’s «Ответственные» linked to the region’s organizations, over HTTP', () => {
  let system: E2eSystem;
  let db: Client;
  let issuerId: string;
  /** The ministry's editor: imports plans, answers for their strings, drafts and sends orders. */
  let editor: HttpSession;
  let minister: PersonDto;
  let lawyer: PersonDto;

  const person = async (fullName: string, position: string, positionTitle: string) =>
    (await system.http<PersonDto>('POST', '/api/people', { organizationId: issuerId, fullName, position, positionTitle })).body;
  const preview = async (text: string) => {
    const response = await editor.fetch(`/api/plans/import/preview?issuerId=${issuerId}`, { method: 'POST', body: text, headers: { 'content-type': 'text/plain' } });
    return { status: response.status, body: (await response.json()) as Preview };
  };
  const importPlan = async (imported: unknown) => {
    const created = await editor.http<PlanDto>('POST', '/api/plans/import', { issuerId, imported });
    expect(created.status).toBe(201);
    return created.body;
  };
  const responsibleOf = async (plan: PlanDto) => (await editor.http<PlanResponsibleDto>('GET', `/api/plans/${plan.id}/responsible`)).body;
  const draftOrder = async (plan: PlanDto) =>
    (await editor.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatoryId: minister.id })).body;
  /**
   * Sends the order on a one-stage route with the ministry's lawyer as its approver, a registry person. The body
   * is the approval side's (branch `approval`) as the contracts carry it here; one place to follow it.
   */
  const submit = (order: OrderDto) =>
    editor.http<ErrorBody>('POST', `/api/orders/${order.id}/submit`, {
      route: [{ name: 'Правовое управление', approvers: [{ personId: lawyer.id, name: 'И.И. Иванов', position: lawyer.positionTitle! }] }],
    });
  const stateOf = (order: OrderDto, what: string, check: (s: OrderWorkflowState) => boolean) =>
    system.until(what, async () => {
      const s = await editor.http<OrderWorkflowState>('GET', `/api/orders/${order.id}/state`);
      return s.status === 200 && check(s.body) ? s.body : undefined;
    });

  beforeAll(async () => {
    system = await E2eSystem.start();
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    issuerId = await seedFixtureRegion(db, 'tver');
    editor = await system.signIn({ roles: ['editor'], organizationId: issuerId, name: 'Редактор Министерства образования Тверской области' });
    minister = await person('Калинина Ольга Евгеньевна', 'minister', 'Министр образования Тверской области');
    lawyer = await person('Иванов Иван Иванович', 'head_of_department', 'Начальник правового управления');
  });

  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  describe('the Tver plan 1083/ПК', () => {
    let plan: PlanDto;
    let order: OrderDto;

    it('previews, per responsible string, the organizations it links to and what needs a person', async () => {
      const { status, body } = await preview(readFixture('tver'));
      expect(status).toBe(200);
      const byName = new Map(body.responsibleLinks.map((r) => [r.name, r.link]));
      expect(byName.get('Руководители центров «IT-куб»')).toMatchObject({ status: 'resolved', method: 'group', organizationIds: expect.arrayContaining([expect.any(String)]) });
      expect(byName.get('Министерство образования Тверской области')).toMatchObject({ status: 'resolved', method: 'exact', organizationIds: [issuerId] });
      expect(byName.get('ГБУ ДО ТОЦЮТ структурное подразделение «Кванториум»')).toMatchObject({ status: 'review' });
    });

    it('imports it and refuses to send its order for approval while a string is unresolved, naming it', async () => {
      const { responsibleLinks: _shown, ...file } = (await preview(readFixture('tver'))).body;
      plan = await importPlan(file);
      const links = await responsibleOf(plan);
      expect(links.linked).toBe(true);
      expect(links.events).toHaveLength(57);
      expect(links.unresolved.map((u) => u.name)).toEqual(['ГБУ ДО ТОЦЮТ структурное подразделение «Кванториум»']);
      const tochka = links.events.flatMap((e) => e.responsible).find((r) => r.name.startsWith('Центры образования естественнонаучной'));
      // The plan keeps the group, not the list of its members: those are counted when a period opens.
      expect(tochka?.link).toMatchObject({ status: 'resolved', method: 'group', group: { kinds: ['center'], centerTypes: ['tochka_rosta'] }, memberCount: 10, organizationIds: [] });

      order = await draftOrder(plan);
      const refused = await submit(order);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/^Нельзя направить приказ на согласование: не определены организации для ответственных «ГБУ ДО ТОЦЮТ структурное подразделение «Кванториум»» \(мероприятия /);
      expect((await editor.http<OrderDto>('GET', `/api/orders/${order.id}`)).body.status).toBe('draft');
    });

    it('takes a person’s choice once, remembers it for the region, and then lets the order go', async () => {
      const [unresolved] = (await responsibleOf(plan)).unresolved;
      const toczut = FIXTURE_REGIONS.tver.find((o) => o.name.includes('Тверской областной центр юных техников'))!;
      const { rows } = await db.query(`SELECT id FROM organizations.organizations WHERE name = $1`, [toczut.name]);
      const confirmed = await editor.http<PlanResponsibleDto>('POST', `/api/plans/${plan.id}/responsible/confirm`, { text: unresolved.raw, organizationIds: [rows[0].id] });
      expect(confirmed.status).toBe(201);
      expect(confirmed.body.unresolved).toEqual([]);
      const again = (await preview(readFixture('tver'))).body.responsibleLinks;
      expect(again.find((r) => r.raw === unresolved.raw)?.link).toEqual({ status: 'resolved', method: 'alias', organizationIds: [rows[0].id], confidence: 1 });
      // The plan's own «(далее – структурное подразделение ГБУ ДО ТОЦЮТ «Кванториум»)» was remembered at import.
      expect(again.find((r) => r.raw === 'структурное подразделение ГБУ ДО ТОЦЮТ «Кванториум»')?.link).toEqual({ status: 'resolved', method: 'alias', organizationIds: [rows[0].id], confidence: 1 });
      // Who answered is in the plans service's log, with the answer.
      const { rows: logged } = await db.query(`SELECT actor_login, after FROM plans.audit_log WHERE object_id = $1 AND action = 'plan.responsible.confirm'`, [plan.id]);
      expect(logged).toEqual([{ actor_login: editor.actor!.login, after: expect.objectContaining({ unresolved: 0, answer: { text: unresolved.raw, organizationIds: [rows[0].id], notReporting: false } }) }]);

      expect((await submit(order)).status).toBe(202);
    });
  });

  it('links a short form through the plan’s list of abbreviations, and remembers it for the region’s next plans', async () => {
    const toczut = (await db.query(`SELECT id, name FROM organizations.organizations WHERE name LIKE '%Тверской областной центр юных техников%'`)).rows[0] as { id: string; name: string };
    const text = [
      'Комплексный план мероприятий центров «Кванториум» на 2024-2025 учебный год',
      '',
      '№ п/п\tМероприятие\tСроки проведения\tОтветственный',
      'Направление 1. Совместные мероприятия\t\t\t',
      '1\tФестиваль «Робофест»\tмарт 2025 г.\tЦЮТ',
      '',
      'Список сокращений',
      `ЦЮТ\t${toczut.name}`,
    ].join('\n');
    const shown = (await preview(text)).body;
    expect(shown.document.glossary).toEqual([{ short: 'ЦЮТ', full: toczut.name }]);
    expect(shown.responsibleLinks).toEqual([{ raw: 'ЦЮТ', name: toczut.name, link: { status: 'resolved', method: 'exact', organizationIds: [toczut.id], confidence: 1 } }]);
    const { responsibleLinks: _links, ...file } = shown;
    const plan = await importPlan(file);
    expect((await responsibleOf(plan)).events[0].responsible).toEqual([{ raw: 'ЦЮТ', name: toczut.name, link: expect.objectContaining({ status: 'resolved', organizationIds: [toczut.id] }) }]);
    const { rows } = await db.query(`SELECT source, organization_ids FROM organizations.aliases WHERE issuer_id = $1 AND alias_text = 'ЦЮТ'`, [issuerId]);
    expect(rows).toEqual([{ source: 'glossary', organization_ids: [toczut.id] }]);

    // A later plan writes only «ЦЮТ», with no list of abbreviations: the region's alias links it.
    const later = await importPlan(importedPlan('План без списка сокращений', { start: '2025-01-01', end: '2025-12-31' }, [event('1', 'Хакатон', 'ЦЮТ')]));
    const linked = await responsibleOf(later);
    expect(linked.unresolved).toEqual([]);
    expect(linked.events[0].responsible[0].link).toEqual({ status: 'resolved', method: 'alias', organizationIds: [toczut.id], confidence: 1 });
  });

  it('shows a responsible string an edit adds for review, and keeps the order from approval until a person answers for it', async () => {
    const plan = await importPlan(importedPlan('План с новым исполнителем', { start: '2025-01-01', end: '2025-12-31' }, [event('1', 'Семинар', 'ГБОУ ДПО ТОИУУ'), event('2', 'Форум', 'ГБОУ ДПО ТОИУУ')]));
    expect((await responsibleOf(plan)).unresolved).toEqual([]);
    const order = await draftOrder(plan);
    const [, forum] = plan.sections[0].events;
    const edited = await editor.http<PlanDto>('PATCH', `/api/plans/${plan.id}/events/${forum.id}`, {
      baseVersion: 1,
      responsible: [{ name: 'ГБОУ ДПО ТОИУУ' }, { name: 'Ассоциация выпускников педагогических вузов' }],
    });
    expect(edited.status).toBe(200);
    const afterEdit = await responsibleOf(plan);
    expect(afterEdit.unresolved).toEqual([{ raw: 'Ассоциация выпускников педагогических вузов', name: 'Ассоциация выпускников педагогических вузов', events: ['2'] }]);
    expect(afterEdit.events[1].responsible.map((r) => [r.name, r.link?.status])).toEqual([
      ['ГБОУ ДПО ТОИУУ', 'resolved'],
      ['Ассоциация выпускников педагогических вузов', 'review'],
    ]);
    const refused = await submit(order);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/ответственных «Ассоциация выпускников педагогических вузов» \(мероприятия 2\)/);

    const answered = await editor.http<PlanResponsibleDto>('POST', `/api/plans/${plan.id}/responsible/confirm`, { text: 'Ассоциация выпускников педагогических вузов', notReporting: true });
    expect(answered.body.unresolved).toEqual([]);
    expect((await submit(order)).status).toBe(202);
  });

  it('an order on an imported plan, once signed, opens its period owed by the group’s active centers and the named institute', async () => {
    const quarter = lastQuarter();
    const itCubes = (await db.query(`SELECT id FROM organizations.organizations WHERE center_type = 'it_cube' AND issuer_id = $1`, [issuerId])).rows.map((r) => r.id as string);
    const closed = await insertOrganization(db, { name: 'Центр цифрового образования детей «IT-куб» г. Западная Двина', shortName: null, kind: 'center', centerType: 'it_cube' }, issuerId);
    await db.query(`UPDATE organizations.organizations SET active = false WHERE id = $1`, [closed]);
    const institute = (await db.query(`SELECT id FROM organizations.organizations WHERE short_name = 'ГБОУ ДПО ТОИУУ'`)).rows[0].id as string;
    const deadline = formatRuDate(addDays(quarter.end, -3));
    const plan = await importPlan(
      importedPlan('Комплексный план мероприятий центров «IT-куб»', { start: quarter.start, end: quarter.end }, [
        event('1.1', 'Хакатон', 'Центры «IT-куб»', deadline),
        event('1.2', 'Семинар', 'ГБОУ ДПО ТОИУУ', deadline),
      ]),
    );
    const order = await draftOrder(plan);
    expect(order.signatory).toEqual({ personId: minister.id, name: 'О.Е. Калинина', position: 'Министр образования Тверской области' });
    expect((await submit(order)).status).toBe(202);
    await stateOf(order, 'on approval', (s) => s.status === 'on_approval' && s.stages[0].status === 'active');
    // The approval side's steps, each by the person the route names, signed in as themselves.
    const approver = await system.signIn({ roles: ['approver'], organizationId: issuerId, personId: lawyer.id });
    expect((await approver.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 1 })).status).toBe(201);
    await stateOf(order, 'signing', (s) => s.status === 'signing');
    const signatory = await system.signIn({ roles: ['signatory'], organizationId: issuerId, personId: minister.id });
    expect((await signatory.http('POST', `/api/orders/${order.id}/sign`, {})).status).toBe(201);

    const inForce = await stateOf(order, 'period open', (s) => s.periods.some((p) => p.status === 'open'));
    expect(inForce.periods[0].expectedCount).toBe(itCubes.length + 1);
    // Who owes is kept by the reporting service as the period opens, not in the workflow.
    const [period] = (await editor.http<ReportingPeriodDto[]>('GET', `/api/orders/${order.id}/periods`)).body;
    const owing = period.expected.map((e) => e.organizationId);
    expect([...owing].sort()).toEqual([...itCubes, institute].sort());
    expect(owing).not.toContain(closed);
  });
});
