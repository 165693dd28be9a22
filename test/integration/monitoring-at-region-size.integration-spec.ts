import { EXCEPTION_NAMES, ReportingRoutes, type OpenedReportingPeriodDto } from '@eduplan/contracts';
import { startBusServiceUnderTest, testActor, type BusServiceUnderTest } from '@eduplan/infra/testing';
import { randomUUID } from 'node:crypto';
import { database } from '../../services/reporting/src/database';
import { expectedCounts, generatedRegion, openRequest, outcomeOf, owes, storeGeneratedReports, type GeneratedRegion } from '../support/generated-region';

jest.setTimeout(300_000);

const MiB = 1024 * 1024;
const size = (message: unknown) => Buffer.byteLength(JSON.stringify(message));

/**
 * Monitoring at a region's size (1,000 centers × 100 events a quarter): the reporting service on a NATS whose
 * max_payload is 1 MiB, so any message over it would fail the request. Opening sends the plan's events and two
 * sets of owners; the service expands them into 100,000-odd due rows; closing answers counts; the memo's
 * figures come grouped from PostgreSQL and match what the generated reports make.
 */
describe('a period of 1,000 centers × 100 events', () => {
  let under: BusServiceUnderTest;
  let region: GeneratedRegion;
  let period: OpenedReportingPeriodDto;
  const issuerId = randomUUID();
  const sizes: Record<string, number> = {};

  beforeAll(async () => {
    under = await startBusServiceUnderTest({
      name: 'region',
      service: 'reporting',
      database,
      appModule: () => import('../../services/reporting/src/app.module'),
      timeoutMs: 120_000,
      maxPayloadBytes: MiB,
    });
    region = generatedRegion(1000, 100);
  });

  afterAll(async () => {
    await under?.stop();
  });

  it('opens and closes with no message over 1 MiB: the period is expanded to its due rows in PostgreSQL', async () => {
    const request = openRequest(region, randomUUID(), issuerId, 1);
    sizes.open = size(request);
    const progress = async () => under.bus.request(ReportingRoutes.periodProgress, { id: period.id });
    const opened = await under.bus.request(ReportingRoutes.openPeriod, request);
    period = opened;
    expect(opened).toMatchObject({ organizations: 1000, dueEvents: expect.any(Number) });
    const owed = region.organizations.flatMap((_, i) => region.events.filter((__, j) => owes(i, j))).length;
    const { rows } = await under.db.query(`SELECT count(*)::int AS n FROM reporting.period_obligations WHERE period_id = $1`, [period.id]);
    expect(rows[0].n).toBe(owed);
    expect(owed).toBeGreaterThan(60_000);

    await storeGeneratedReports(under.db, region, period.id, 1);
    expect(await progress()).toEqual({ expected: 1000, submitted: 900 });
    const closed = await under.bus.request(ReportingRoutes.closePeriod, { id: period.id });
    sizes.close = size(closed);
    expect(closed).toMatchObject({ periodId: period.id, expected: 1000, submitted: 900, total: expectedCounts(region, [1]).total });
    // Closing again answers the same counts (the workflow may retry it).
    expect(await under.bus.request(ReportingRoutes.closePeriod, { id: period.id })).toEqual(closed);

    const figures = await under.bus.request(ReportingRoutes.periodFigures, { periodIds: [period.id] });
    sizes.figures = size(figures);
    // The period as the order's page reads it: organizations and events counted, not every pair listed.
    const read = await under.bus.request(ReportingRoutes.getPeriod, { id: period.id });
    sizes.get = size(read);
    expect(read.expected).toHaveLength(1000);
    expect(read.expected.filter((e) => e.submitted)).toHaveLength(900);
    expect(read.expected.reduce((sum, e) => sum + e.eventCount, 0)).toBe(owed);
    expect(read.events).toHaveLength(100);
    expect(read.events[1]).toEqual({ eventId: region.events[1].id, due: 334, reported: 300 });
    for (const [what, bytes] of Object.entries(sizes)) expect([what, bytes < MiB]).toEqual([what, true]);
    // The shape it replaces listed every center with every event it owes: several MiB, refused by this NATS.
    const everyPair = region.organizations.map((o, i) => ({ organizationId: o.id, eventIds: region.events.filter((_, j) => owes(i, j)).map((e) => e.id) }));
    expect(size(everyPair)).toBeGreaterThan(MiB);
  });

  it('groups the outcomes in PostgreSQL by section, center type, municipality and organization, with the counts the reports make', async () => {
    const figures = await under.bus.request(ReportingRoutes.periodFigures, { periodIds: [period.id] });
    const expected = expectedCounts(region, [1]);
    expect(figures.total).toEqual(expected.total);
    expect(figures.sections).toHaveLength(5);
    for (const section of figures.sections) {
      const { sectionId, number: _number, title, ...counts } = section;
      expect(title).toBe(region.sections.find((s) => s.id === sectionId)!.title);
      expect(counts).toEqual(expected.bySection.get(sectionId!));
    }
    expect(new Map(figures.centerTypes.map(({ centerType, ...counts }) => [centerType, counts]))).toEqual(expected.byCenterType);
    expect(figures.municipalities).toHaveLength(20);
    expect(figures.municipalities.reduce((sum, m) => sum + m.planned, 0)).toBe(expected.total.planned);
    expect(figures.organizations).toHaveLength(1000);
    expect(figures.organizations[0].name).toBe('Центр № 0001');
    for (const { organizationId, name: _name, ...counts } of figures.organizations) expect(counts).toEqual(expected.byOrganization.get(organizationId));
    expect(figures.events).toHaveLength(100);
  });

  it('lists each event not held everywhere once, with counts and the first few centers by name, not a line per center', async () => {
    const { exceptions } = await under.bus.request(ReportingRoutes.periodFigures, { periodIds: [period.id] });
    const expected = expectedCounts(region, [1]);
    expect(exceptions).toHaveLength(100);
    expect(new Map(exceptions.map((e) => [e.eventId, e.partly + e.notHeld + e.postponed + e.unreported]))).toEqual(expected.exceptionsByEvent);
    const first = exceptions[0];
    expect(first).toMatchObject({ eventId: region.events[0].id, number: '1.1', title: 'Мероприятие 1' });
    const concerned = region.organizations.filter((_, i) => owes(i, 0) && outcomeOf(i, 0, 1) !== 'held').map((o) => o.name).sort();
    expect(first.organizationCount).toBe(concerned.length);
    expect(first.organizations).toEqual(concerned.slice(0, EXCEPTION_NAMES));
    expect(first.comments).toEqual([]);
  });

  it('answers the analyst\'s dashboard of the order with a page of the organizations, not the thousand', async () => {
    const analyst = testActor(['analyst'], issuerId);
    const dashboard = await under.bus.request(ReportingRoutes.orderFigures, { actor: analyst, orderId: period.orderId, limit: 50, offset: 0 });
    sizes.dashboard = size(dashboard);
    expect(dashboard.total).toEqual(expectedCounts(region, [1]).total);
    expect(dashboard.quarters).toEqual([expect.objectContaining({ periodId: period.id, organizationCount: 1000, reportedCount: 900, ...expectedCounts(region, [1]).total })]);
    expect(dashboard.organizations.total).toBe(1000);
    expect(dashboard.organizations.items).toHaveLength(50);
    // The hundred centers that sent nothing lead: nothing of theirs is held.
    expect(dashboard.organizations.items.every((o) => o.held + o.partly === 0)).toBe(true);
    expect(sizes.dashboard).toBeLessThan(64 * 1024);
    await expect(under.bus.request(ReportingRoutes.orderFigures, { actor: testActor(['analyst'], randomUUID()), orderId: period.orderId, limit: 50, offset: 0 })).rejects.toMatchObject({
      payload: { code: 'NOT_FOUND' },
    });
  });

  it('adds up a year: four quarters grouped in one answer', async () => {
    const periodIds = [period.id];
    for (const quarter of [2, 3, 4]) {
      const opened = await under.bus.request(ReportingRoutes.openPeriod, openRequest(region, randomUUID(), issuerId, quarter));
      await storeGeneratedReports(under.db, region, opened.id, quarter);
      periodIds.push(opened.id);
    }
    const year = await under.bus.request(ReportingRoutes.periodFigures, { periodIds });
    expect(year.periods.map((p) => p.quarter)).toEqual([1, 2, 3, 4]);
    expect(year.total).toEqual(expectedCounts(region, [1, 2, 3, 4]).total);
    expect(size(year)).toBeLessThan(MiB);
  });

  it('takes a reporter\'s report on the route into the same rows, and refuses an event the center does not owe', async () => {
    const request = openRequest(generatedRegion(3, 4), randomUUID(), issuerId, 1);
    const small = await under.bus.request(ReportingRoutes.openPeriod, request);
    const [center] = request.organizations;
    const reporter = testActor(['reporter'], center.id);
    const items = [{ eventId: request.events[0].id, outcome: 'not_held' as const, comment: 'нет помещения' }];
    const report = await under.bus.request(ReportingRoutes.submitReport, { actor: reporter, periodId: small.id, items });
    expect(await under.bus.request(ReportingRoutes.getReport, { actor: reporter, id: report.id })).toMatchObject({ items });
    const figures = await under.bus.request(ReportingRoutes.periodFigures, { periodIds: [small.id] });
    expect(figures.exceptions[0]).toMatchObject({ eventId: request.events[0].id, notHeld: 1, organizations: expect.arrayContaining([center.name]), comments: ['нет помещения'] });
    // An event naming owners the request does not list is refused (by the contract, before it is sent), not silently owed by nobody.
    const dangling = { ...request, quarter: 2, events: [{ ...request.events[0], owners: [2] }] };
    await expect(under.bus.request(ReportingRoutes.openPeriod, dangling)).rejects.toThrow(/нет в списке responsibilities/);
    // Center 2 (index 1) owes only the even events.
    const other = testActor(['reporter'], request.organizations[1].id);
    await expect(
      under.bus.request(ReportingRoutes.submitReport, { actor: other, periodId: small.id, items: [{ eventId: request.events[1].id, outcome: 'held' }] }),
    ).rejects.toMatchObject({ payload: { code: 'VALIDATION', message: expect.stringContaining('не относятся к отчёту организации') } });
  });
});
