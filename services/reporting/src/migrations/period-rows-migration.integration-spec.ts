import { databaseOptions, dropDatabase, ensureDatabase, runMigrations, testDatabaseUrl } from '@eduplan/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { database } from '../database';
import { CreatePeriodsAndReports1763800200000 } from './1763800200000-create-periods-and-reports';
import { ReportingAuditAndIssuers1765400000000 } from './1765400000000-reporting-audit-and-issuers';

jest.setTimeout(60_000);

/** Periods and reports stored as jsonb before become rows, and revert to the same jsonb. */
describe('the period rows migration on a database with periods and reports', () => {
  const databaseUrl = testDatabaseUrl(`reporting_migration_${randomBytes(4).toString('hex')}`);
  let db: Client;
  const [periodId, orderId, a, b, e1, e2, e3] = Array.from({ length: 7 }, () => randomUUID());
  const expected = [
    { organizationId: a, eventIds: [e1, e2] },
    { organizationId: b, eventIds: [e3] },
  ];
  const events = [
    { id: e1, number: '1.1', title: 'Ярмарка профессий' },
    { id: e2, number: '1.2', title: 'Олимпиада' },
  ];
  const items = [
    { eventId: e2, outcome: 'postponed', comment: 'перенесена' },
    { eventId: e1, outcome: 'held', heldOn: '2025-09-20', participants: 40 },
  ];

  beforeAll(async () => {
    await ensureDatabase(databaseUrl, { recreate: true });
    await runMigrations({ ...databaseOptions(database, databaseUrl), migrations: [CreatePeriodsAndReports1763800200000, ReportingAuditAndIssuers1765400000000] });
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await dropDatabase(databaseUrl);
  });

  it('turns `expected`, `events` and report items into rows (an event missing from the list keeps its id, untitled), and back', async () => {
    await db.query(
      `INSERT INTO reporting.periods (id, order_id, plan_id, year, quarter, start, "end", deadline, status, expected, events)
       VALUES ($1, $2, $2, 2025, 3, '2025-07-01', '2025-09-30', '2025-10-15', 'open', $3, $4)`,
      [periodId, orderId, JSON.stringify(expected), JSON.stringify(events)],
    );
    const report = await db.query(`INSERT INTO reporting.reports (period_id, organization_id, items) VALUES ($1, $2, $3) RETURNING id`, [periodId, a, JSON.stringify(items)]);
    await runMigrations(databaseOptions(database, databaseUrl));

    const obligations = await db.query(`SELECT organization_id, event_id FROM reporting.period_obligations WHERE period_id = $1`, [periodId]);
    expect(obligations.rows.map((r) => `${r.organization_id}/${r.event_id}`).sort()).toEqual([`${a}/${e1}`, `${a}/${e2}`, `${b}/${e3}`].sort());
    const listed = await db.query(`SELECT event_id, number, title FROM reporting.period_events WHERE period_id = $1 ORDER BY position`, [periodId]);
    expect(listed.rows).toEqual([
      { event_id: e1, number: '1.1', title: 'Ярмарка профессий' },
      { event_id: e2, number: '1.2', title: 'Олимпиада' },
      { event_id: e3, number: null, title: null },
    ]);
    // The report form's rows: the one date held becomes both ends, the one count is kept as «другие».
    const reported = await db.query(
      `SELECT event_id, outcome, to_char(held_from, 'YYYY-MM-DD') AS held_from, to_char(held_to, 'YYYY-MM-DD') AS held_to, students, others, participants, comment
       FROM reporting.report_items ORDER BY position`,
    );
    expect(reported.rows).toEqual([
      { event_id: e2, outcome: 'postponed', held_from: null, held_to: null, students: null, others: null, participants: null, comment: 'перенесена' },
      { event_id: e1, outcome: 'held', held_from: '2025-09-20', held_to: '2025-09-20', students: 0, others: 40, participants: 40, comment: null },
    ]);
    // The report as it was stored is its first revision.
    const revisions = await db.query(`SELECT revision, items FROM reporting.report_revisions WHERE report_id = $1`, [report.rows[0].id]);
    expect(revisions.rows).toEqual([
      {
        revision: 1,
        items: [
          expect.objectContaining({ eventId: e2, outcome: 'postponed', heldFrom: null, attendance: null, participants: null, links: [], files: [], comment: 'перенесена' }),
          expect.objectContaining({ eventId: e1, heldFrom: '2025-09-20', heldTo: '2025-09-20', attendance: { students: 0, teachers: 0, parents: 0, others: 40 }, participants: 40 }),
        ],
      },
    ]);
    // An outcome for an event the organization does not owe is refused by the rows themselves.
    await expect(
      db.query(`INSERT INTO reporting.report_items (report_id, period_id, organization_id, event_id, position, outcome) VALUES ($1, $2, $3, $4, 3, 'held')`, [report.rows[0].id, periodId, a, e3]),
    ).rejects.toThrow(/foreign key/);

    const dataSource = new DataSource(databaseOptions(database, databaseUrl));
    await dataSource.initialize();
    try {
      // The report form's migration first, then the rows'.
      await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    const period = await db.query(`SELECT expected, events FROM reporting.periods WHERE id = $1`, [periodId]);
    const byOrganization = (list: { organizationId: string; eventIds: string[] }[]) =>
      list.map((e) => ({ ...e, eventIds: [...e.eventIds].sort() })).sort((x, y) => x.organizationId.localeCompare(y.organizationId));
    expect(byOrganization(period.rows[0].expected)).toEqual(byOrganization(expected));
    expect(period.rows[0].events).toEqual(events);
    expect((await db.query(`SELECT items FROM reporting.reports`)).rows[0].items).toEqual(items);
  });
});
