import {
  orderMonitoringResponse,
  ReportingRoutes,
  strictRequest,
  type MunicipalityDto,
  type OrderDto,
  type OrderMonitoringDto,
  type OrganizationDto,
  type OutcomeCounts,
  type PersonDto,
  type PlanDto,
} from '@eduplan/contracts';
import type { BusClient } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GatewaySystem } from '../support/gateway-system';
import { expectedCounts, generatedRegion, openRequest, owes, storeGeneratedReports, type GeneratedRegion } from '../support/generated-region';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(180_000);

const COUNT_KEYS = ['planned', 'held', 'partly', 'notHeld', 'postponed', 'unreported', 'participants'] as const;
const countsOf = (row: OutcomeCounts): OutcomeCounts => Object.fromEntries(COUNT_KEYS.map((key) => [key, row[key]])) as unknown as OutcomeCounts;
const sum = (rows: OutcomeCounts[]): OutcomeCounts =>
  Object.fromEntries(COUNT_KEYS.map((key) => [key, rows.reduce((total, row) => total + row[key], 0)])) as unknown as OutcomeCounts;

/**
 * The analyst's dashboard over HTTP (web application issue; monitoring issue, item 9): for a small generated
 * region (ten centers of three types in two municipalities, six events in five directions, two quarters) the
 * figures by direction, center type, municipality, organization and quarter are those the reports make; a
 * report sent over HTTP changes them; another ministry's staff are told the order does not exist.
 */
describe('an order’s monitoring dashboard', () => {
  let system: GatewaySystem;
  let worker: BusClient;
  let db: Client;
  let analyst: HttpSession;
  let stranger: HttpSession;
  let region: GeneratedRegion;
  let order: OrderDto;
  let municipalities: MunicipalityDto[];
  const periodIds: string[] = [];

  const dashboard = async (query = '') => {
    const answer = await analyst.http<OrderMonitoringDto>('GET', `/api/orders/${order.id}/monitoring${query}`);
    expect(answer.status).toBe(200);
    // The answer is what the API document says, field for field.
    expect(strictRequest(orderMonitoringResponse).safeParse(answer.body)).toMatchObject({ success: true });
    return answer.body;
  };
  /** The expected counts of the organizations in municipality `m` (index into `municipalities`). */
  const byMunicipality = (quarters: number[], m: number) => {
    const { byOrganization } = expectedCounts(region, quarters);
    return sum(region.organizations.filter((_, i) => i % 2 === m).map((o) => byOrganization.get(o.id)!));
  };

  beforeAll(async () => {
    system = await GatewaySystem.start('dashboard', ['organizations', 'reporting', 'plans']);
    worker = system.bus('worker');
    db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    const admin = await system.signIn({ roles: ['admin'] });
    const post = async <T>(path: string, body: Record<string, unknown>) => {
      const answer = await admin.http<T>('POST', path, body);
      expect([path, answer.status]).toEqual([path, 201]);
      return answer.body;
    };
    const tver = await post<{ id: string }>('/api/regions', { name: 'Тверская область', code: '69' });
    municipalities = [await post<MunicipalityDto>(`/api/regions/${tver.id}/municipalities`, { name: 'Ржевский муниципальный округ' })];
    municipalities.push(await post<MunicipalityDto>(`/api/regions/${tver.id}/municipalities`, { name: 'Торжокский муниципальный округ' }));
    const ministry = await post<OrganizationDto>('/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry', regionId: tver.id });
    const otherMinistry = await post<OrganizationDto>('/api/organizations', { name: 'Министерство образования Кировской области', kind: 'ministry' });
    // The generator's ten centers, each a real one of the registry (type by i % 3, municipality by i % 2).
    region = generatedRegion(10, 6);
    for (const [i, center] of region.organizations.entries()) {
      const created = await post<OrganizationDto>('/api/organizations', {
        name: center.name,
        kind: 'center',
        centerType: center.centerType,
        municipalityId: municipalities[i % 2].id,
        issuerId: ministry.id,
      });
      region.organizations[i] = { ...center, id: created.id, municipalityId: municipalities[i % 2].id };
    }
    const minister = await post<PersonDto>('/api/people', { organizationId: ministry.id, fullName: 'Иванов Иван Иванович', position: 'minister' });
    const editor = await system.signIn({ roles: ['editor'], organizationId: ministry.id });
    const plan = (
      await editor.http<PlanDto>('POST', '/api/plans', {
        title: 'Комплексный план мероприятий региона',
        issuerId: ministry.id,
        period: { start: '2026-01-01', end: '2026-12-31' },
        sections: [{ title: 'Профориентация', events: [{ title: 'Ярмарка профессий', deadline: 'март 2026 г.', responsible: [{ name: 'ИРО' }] }] }],
      })
    ).body;
    order = (await editor.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatoryId: minister.id })).body;
    [analyst, stranger] = await Promise.all([
      system.signIn({ roles: ['analyst'], organizationId: ministry.id }),
      system.signIn({ roles: ['analyst'], organizationId: otherMinistry.id }),
    ]);
    // Two quarters opened as the order's workflow opens them; nine centers in ten report (the generator's rule).
    for (const quarter of [1, 2]) {
      const opened = await worker.request(ReportingRoutes.openPeriod, openRequest(region, order.id, ministry.id, quarter));
      await storeGeneratedReports(db, region, opened.id, quarter);
      periodIds.push(opened.id);
    }
  });

  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  it('answers the counts the reports make: in total, by direction, center type, municipality and quarter', async () => {
    const figures = await dashboard();
    const expected = expectedCounts(region, [1, 2]);
    expect(figures.periodId).toBeNull();
    expect(figures.total).toEqual(expected.total);
    expect(new Map(figures.sections.map((s) => [s.sectionId, countsOf(s)]))).toEqual(expected.bySection);
    expect(new Map(figures.sections.map((s) => [s.sectionId, s.title]))).toEqual(new Map(region.sections.map((s) => [s.id, s.title])));
    expect(new Map(figures.centerTypes.map((c) => [c.centerType, countsOf(c)]))).toEqual(expected.byCenterType);
    expect(figures.municipalities.map((m) => [m.name, countsOf(m)]).sort()).toEqual(
      municipalities.map((m, index) => [m.name, byMunicipality([1, 2], index)]).sort(),
    );
    expect(figures.quarters.map(({ quarter, organizationCount, reportedCount, ...rest }) => [quarter, organizationCount, reportedCount, countsOf(rest)])).toEqual([
      [1, 10, 9, expectedCounts(region, [1]).total],
      [2, 10, 9, expectedCounts(region, [2]).total],
    ]);
  });

  it('pages the organizations, the smallest share held first, and narrows the figures to one quarter on asking', async () => {
    const page = (await dashboard('?limit=3&offset=0')).organizations;
    expect(page.total).toBe(10);
    expect(page.items).toHaveLength(3);
    // Center 10 (index 9) sent no report: nothing of its held, it leads.
    expect(page.items[0]).toMatchObject({ organizationId: region.organizations[9].id, name: region.organizations[9].name, held: 0, partly: 0 });
    const all = (await dashboard('?limit=10')).organizations.items;
    const shares = all.map((o) => (o.held + o.partly) / o.planned);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(new Map(all.map((o) => [o.organizationId, countsOf(o)]))).toEqual(expectedCounts(region, [1, 2]).byOrganization);

    const first = await dashboard(`?periodId=${periodIds[0]}`);
    expect(first.periodId).toBe(periodIds[0]);
    expect(first.total).toEqual(expectedCounts(region, [1]).total);
    expect(first.municipalities.find((m) => m.municipalityId === municipalities[1].id)).toMatchObject(byMunicipality([1], 1));
    // The dynamics stay the order's whole course, whatever quarter is chosen.
    expect(first.quarters).toHaveLength(2);
  });

  it('changes once a center’s report is sent', async () => {
    const late = region.organizations[9];
    const owed = region.events.filter((_, j) => owes(9, j));
    const before = await dashboard(`?periodId=${periodIds[0]}`);
    const reporter = await system.signIn({ roles: ['reporter'], organizationId: late.id });
    const items = owed.map((event) => ({ eventId: event.id, outcome: 'held', heldFrom: '2026-01-20', heldTo: '2026-01-20', attendance: { students: 10, teachers: 2, parents: 0, others: 0 } }));
    expect((await reporter.http('POST', '/api/reports', { periodId: periodIds[0], items })).status).toBe(201);
    const after = await dashboard(`?periodId=${periodIds[0]}`);
    expect(after.total).toEqual({
      ...before.total,
      held: before.total.held + owed.length,
      unreported: before.total.unreported - owed.length,
      participants: before.total.participants + 12 * owed.length,
    });
    expect(after.quarters[0].reportedCount).toBe(10);
    expect(after.quarters[1]).toEqual(before.quarters[1]);
  });

  it('tells another ministry’s staff that the order does not exist, and refuses a period of another order', async () => {
    for (const query of ['', `?periodId=${periodIds[0]}`]) {
      expect(await stranger.http('GET', `/api/orders/${order.id}/monitoring${query}`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    }
    const elsewhere = await worker.request(ReportingRoutes.openPeriod, openRequest(generatedRegion(2, 2), randomUUID(), region.organizations[0].id, 3));
    expect((await analyst.http('GET', `/api/orders/${order.id}/monitoring?periodId=${elsewhere.id}`)).status).toBe(404);
    expect((await analyst.http('GET', `/api/orders/${order.id}/monitoring?limit=0`)).status).toBe(400);
  });
});
