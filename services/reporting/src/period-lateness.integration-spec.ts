import { databaseOptions, dropDatabase, ensureDatabase, runMigrations, testDatabaseUrl } from '@eduplan/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { database } from './database';
import { owingOrganizationIds, periodOverdue, periodStanding } from './period-lateness';
import { periodReportsPage } from './period-reports';
import { ReportingPeriodEntity } from './reporting-period.entity';

jest.setTimeout(60_000);

/** Whom a period reminds and who is late in it, asked of its rows in PostgreSQL. */
describe('who still owes a period, who is late and by how many days, and its reports list', () => {
  const databaseUrl = testDatabaseUrl(`reporting_lateness_${randomBytes(4).toString('hex')}`);
  let db: DataSource;
  let period: ReportingPeriodEntity;
  const [periodId, orderId, issuerId, eventA, eventB] = Array.from({ length: 5 }, () => randomUUID());
  // Sorted, so the pages' order (by id) is known; the first organization reports, the other four do not.
  const organizations = Array.from({ length: 5 }, () => randomUUID()).sort();
  const names = ['Центр «Точка роста» № 5', 'Центр «Кванториум»', 'Центр «IT-куб»', null, 'Центр «Точка роста» № 1'];

  beforeAll(async () => {
    await ensureDatabase(databaseUrl, { recreate: true });
    await runMigrations(databaseOptions(database, databaseUrl));
    db = new DataSource({ ...databaseOptions(database, databaseUrl), entities: [ReportingPeriodEntity] });
    await db.initialize();
    await db.query(
      `INSERT INTO reporting.periods (id, order_id, plan_id, year, quarter, start, "end", deadline, status, issuer_id, plan_title)
       VALUES ($1, $2, $2, 2026, 3, '2026-07-01', '2026-09-30', '2026-10-14', 'open', $3, 'План')`,
      [periodId, orderId, issuerId],
    );
    for (const [index, organizationId] of organizations.entries()) {
      await db.query(`INSERT INTO reporting.period_organizations (period_id, organization_id, name) VALUES ($1, $2, $3)`, [periodId, organizationId, names[index]]);
      // The second organization owes two events, the others one.
      for (const eventId of index === 1 ? [eventA, eventB] : [eventA]) {
        await db.query(`INSERT INTO reporting.period_obligations (period_id, organization_id, event_id) VALUES ($1, $2, $3)`, [periodId, organizationId, eventId]);
      }
    }
    await db.query(`INSERT INTO reporting.reports (period_id, organization_id) VALUES ($1, $2)`, [periodId, organizations[0]]);
    period = await db.manager.findOneByOrFail(ReportingPeriodEntity, { id: periodId });
  });

  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(databaseUrl);
  });

  it('pages through the organizations without a report by id, leaving out the one that reported', async () => {
    const first = await owingOrganizationIds(db.manager, periodId, undefined, 3);
    expect(first).toEqual(organizations.slice(1, 4));
    expect(await owingOrganizationIds(db.manager, periodId, first[2], 3)).toEqual(organizations.slice(4));
    expect(await owingOrganizationIds(db.manager, periodId, organizations[4], 3)).toEqual([]);
  });

  it('counts who the period expects and who has not reported, with what the notices name', async () => {
    expect(await periodStanding(db.manager, period)).toEqual({
      periodId, orderId, issuerId, planTitle: 'План', year: 2026, quarter: 3, deadline: '2026-10-14', expected: 5, missing: 4,
    });
  });

  it('lists nobody as late on the deadline day, and after it those without a report, by name, with the days late', async () => {
    expect(await periodOverdue(db.manager, period, '2026-10-14', 50, 0)).toEqual({ deadline: '2026-10-14', expected: 5, total: 0, items: [] });
    const late = await periodOverdue(db.manager, period, '2026-10-19', 2, 0);
    expect(late).toEqual({
      deadline: '2026-10-14',
      expected: 5,
      total: 4,
      items: [
        { organizationId: organizations[2], name: 'Центр «IT-куб»', dueEvents: 1, daysLate: 5 },
        { organizationId: organizations[1], name: 'Центр «Кванториум»', dueEvents: 2, daysLate: 5 },
      ],
    });
    const rest = await periodOverdue(db.manager, period, '2026-10-19', 2, 2);
    expect(rest.items.map((item) => item.name)).toEqual(['Центр «Точка роста» № 1', null]);
  });

  it('lists the period\'s organizations beside their reports from the rows: those owing first, then the reports', async () => {
    const missing = await periodReportsPage(db.manager, { periodId, status: 'missing', limit: 10, offset: 0 });
    expect(missing.total).toBe(4);
    expect(missing.items.find((row) => row.organizationId === organizations[1])).toEqual({ organizationId: organizations[1], name: 'Центр «Кванториум»', dueEvents: 2, reportId: null, submittedAt: null, held: null });
    const submitted = await periodReportsPage(db.manager, { periodId, status: 'submitted', limit: 10, offset: 0 });
    expect(submitted).toEqual({ total: 1, items: [expect.objectContaining({ organizationId: organizations[0], dueEvents: 1, reportId: expect.any(String), held: 0 })] });
    const all = await periodReportsPage(db.manager, { periodId, status: 'all', limit: 10, offset: 0 });
    expect(all.items.map((row) => row.organizationId)).toEqual([...organizations.slice(1), organizations[0]]);
  });
});
