import type { OrderDto, OrderWorkflowState, PlanDto, PlanResponsibleDto, ReportingPeriodDto, ResolvedResponsibleDto } from '@eduplan/contracts';
import { addDays, formatRuDate, quarterBounds, quarterOf, type ImportedPlanFile, type QuarterNumber } from '@eduplan/domain';
import { FIXTURE_REGIONS, readFixture } from '@eduplan/domain/testing';
import { Client } from 'pg';
import { E2eSystem } from '../support/e2e-system';
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

describe('an imported plan’s «Ответственные» linked to the region’s organizations, over HTTP', () => {
  let system: E2eSystem;
  let db: Client;
  let issuerId: string;
  const signatory = { userId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр образования Тверской области' };
  const approver = { userId: 'ivanov', name: 'И.И. Иванов', position: 'Начальник правового управления' };
  const route = [{ name: 'Правовое управление', approvers: [approver] }];

  const preview = async (text: string) => {
    const response = await fetch(`${system.baseUrl}/api/plans/import/preview?issuerId=${issuerId}`, { method: 'POST', body: text, headers: { 'content-type': 'text/plain' } });
    return { status: response.status, body: (await response.json()) as Preview };
  };
  const draftOrder = async (plan: PlanDto) => (await system.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatory })).body;
  const stateOf = (order: OrderDto, what: string, check: (s: OrderWorkflowState) => boolean) =>
    system.until(what, async () => {
      const s = await system.http<OrderWorkflowState>('GET', `/api/orders/${order.id}/state`);
      return s.status === 200 && check(s.body) ? s.body : undefined;
    });

  beforeAll(async () => {
    system = await E2eSystem.start();
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    issuerId = await seedFixtureRegion(db, 'tver');
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
      const imported = (await preview(readFixture('tver'))).body;
      const { responsibleLinks: _shown, ...file } = imported;
      const created = await system.http<PlanDto>('POST', '/api/plans/import', { issuerId, imported: file });
      expect(created.status).toBe(201);
      plan = created.body;
      const links = (await system.http<PlanResponsibleDto>('GET', `/api/plans/${plan.id}/responsible`)).body;
      expect(links.linked).toBe(true);
      expect(links.events).toHaveLength(57);
      expect(links.unresolved.map((u) => u.name)).toEqual(['ГБУ ДО ТОЦЮТ структурное подразделение «Кванториум»']);
      const tochka = links.events.flatMap((e) => e.responsible).find((r) => r.name.startsWith('Центры образования естественнонаучной'));
      // The plan keeps the group, not the list of its members: those are counted when a period opens.
      expect(tochka?.link).toMatchObject({ status: 'resolved', method: 'group', group: { kinds: ['center'], centerTypes: ['tochka_rosta'] }, memberCount: 10, organizationIds: [] });

      order = await draftOrder(plan);
      const refused = await system.http<ErrorBody>('POST', `/api/orders/${order.id}/submit`, { route });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/^Нельзя направить приказ на согласование: не определены организации для ответственных «ГБУ ДО ТОЦЮТ структурное подразделение «Кванториум»» \(мероприятия /);
      expect((await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body.status).toBe('draft');
    });

    it('takes a person’s choice once, remembers it for the region, and then lets the order go', async () => {
      const [unresolved] = (await system.http<PlanResponsibleDto>('GET', `/api/plans/${plan.id}/responsible`)).body.unresolved;
      const toczut = FIXTURE_REGIONS.tver.find((o) => o.name.includes('Тверской областной центр юных техников'))!;
      const { rows } = await db.query(`SELECT id FROM organizations.organizations WHERE name = $1`, [toczut.name]);
      const confirmed = await system.http<PlanResponsibleDto>('POST', `/api/plans/${plan.id}/responsible/confirm`, { text: unresolved.raw, organizationIds: [rows[0].id] });
      expect(confirmed.status).toBe(201);
      expect(confirmed.body.unresolved).toEqual([]);
      const again = (await preview(readFixture('tver'))).body.responsibleLinks;
      expect(again.find((r) => r.raw === unresolved.raw)?.link).toEqual({ status: 'resolved', method: 'alias', organizationIds: [rows[0].id], confidence: 1 });
      // The plan's own «(далее – структурное подразделение ГБУ ДО ТОЦЮТ «Кванториум»)» was remembered at import.
      expect(again.find((r) => r.raw === 'структурное подразделение ГБУ ДО ТОЦЮТ «Кванториум»')?.link).toEqual({ status: 'resolved', method: 'alias', organizationIds: [rows[0].id], confidence: 1 });

      expect((await system.http('POST', `/api/orders/${order.id}/submit`, { route })).status).toBe(202);
    });
  });

  it('an order on an imported plan, once signed, opens its period owed by the group’s active centers and the named institute', async () => {
    const quarter = lastQuarter();
    const itCubes = (await db.query(`SELECT id FROM organizations.organizations WHERE center_type = 'it_cube' AND issuer_id = $1`, [issuerId])).rows.map((r) => r.id as string);
    const closed = await insertOrganization(db, { name: 'Центр цифрового образования детей «IT-куб» г. Западная Двина', shortName: null, kind: 'center', centerType: 'it_cube' }, issuerId);
    await db.query(`UPDATE organizations.organizations SET active = false WHERE id = $1`, [closed]);
    const institute = (await db.query(`SELECT id FROM organizations.organizations WHERE short_name = 'ГБОУ ДПО ТОИУУ'`)).rows[0].id as string;
    const event = (number: string, title: string, who: string) => ({
      number,
      title,
      content: null,
      audience: null,
      expectedResult: null,
      deadline: { raw: formatRuDate(addDays(quarter.end, -3)) },
      responsible: [{ raw: who, name: who }],
    });
    const imported = {
      document: { kind: null, issuer: null, date: null, number: null, place: null, title: null, signatory: null },
      plan: {
        title: 'Комплексный план мероприятий центров «IT-куб»',
        period: { start: quarter.start, end: quarter.end },
        sections: [
          { number: '1', title: 'Направление 1. Совместные мероприятия', directionCode: 1, events: [event('1.1', 'Хакатон', 'Центры «IT-куб»'), event('1.2', 'Семинар', 'ГБОУ ДПО ТОИУУ')] },
        ],
      },
      warnings: [],
    };
    const plan = (await system.http<PlanDto>('POST', '/api/plans/import', { issuerId, imported })).body;
    const order = await draftOrder(plan);
    expect((await system.http('POST', `/api/orders/${order.id}/submit`, { route })).status).toBe(202);
    await stateOf(order, 'on approval', (s) => s.status === 'on_approval' && s.stages[0].status === 'active');
    expect((await system.http('POST', `/api/orders/${order.id}/decisions`, { userId: approver.userId, decision: 'approve', version: 1 })).status).toBe(201);
    await stateOf(order, 'signing', (s) => s.status === 'signing');
    expect((await system.http('POST', `/api/orders/${order.id}/sign`, { userId: signatory.userId })).status).toBe(201);

    const inForce = await stateOf(order, 'period open', (s) => s.periods.some((p) => p.status === 'open'));
    expect(inForce.periods[0].expectedCount).toBe(itCubes.length + 1);
    // Who owes is kept by the reporting service as the period opens, not in the workflow.
    const [period] = (await system.http<ReportingPeriodDto[]>('GET', `/api/orders/${order.id}/periods`)).body;
    const owing = period.expected.map((e) => e.organizationId);
    expect([...owing].sort()).toEqual([...itCubes, institute].sort());
    expect(owing).not.toContain(closed);
  });
});
