import {
  auditEntryResponse,
  AuditRoutes,
  duePeriodResponse,
  periodReportRowResponse,
  pageResponse,
  ReportingRoutes,
  strictRequest,
  type DuePeriodDto,
  type OrganizationDto,
  type Page,
  type PeriodReportRowDto,
  type ReportDto,
  type OpenedReportingPeriodDto,
  type ServiceAuditEntryDto,
} from '@eduplan/contracts';
import { testActor } from '@eduplan/infra/testing';
import type { BusClient, BusRequestError } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { runEduplanCli } from '../support/eduplan-cli';
import { GatewaySystem } from '../support/gateway-system';
import { HttpSession } from '../support/http-session';

jest.setTimeout(180_000);

type Refusal = { code: string; message: string };

/**
 * Issue 8, items 6 and 7 for a center's reports: a reporter sees the periods their own organization owes and
 * sends and reads only its reports; the issuer's staff read them; every submission and period is audited in the
 * reporting service's own chain, which the administrators' list merges with the organizations service's and
 * `audit verify` checks. Runs the gateway with the organizations and reporting services; the periods are opened
 * on the bus with the worker's credentials, as the order's workflow opens them.
 */
describe('a center reports for its own organization only', () => {
  let system: GatewaySystem;
  let admin: HttpSession;
  let worker: BusClient;
  let db: Client;
  let ministry: OrganizationDto;
  let otherMinistry: OrganizationDto;
  let centerA: OrganizationDto;
  let centerB: OrganizationDto;
  let reporterA: HttpSession;
  let reporterB: HttpSession;
  let period: OpenedReportingPeriodDto;
  let onlyB: OpenedReportingPeriodDto;
  let reportA: ReportDto;
  const events = { fair: randomUUID(), olympiad: randomUUID(), hackathon: randomUUID() };

  const catalogue = [
    { id: events.fair, number: '1.1', title: 'Ярмарка профессий' },
    { id: events.olympiad, number: '1.2', title: 'Олимпиада по робототехнике' },
    { id: events.hackathon, number: '2.1', title: 'Хакатон «IT-куб»' },
  ];
  /** Opens a period as the worker does: each due event names the organizations owing it, the service makes the rows. */
  const open = (expected: { organizationId: string; eventIds: string[] }[], quarter: number) => {
    const owners = (eventId: string) => expected.filter((e) => e.eventIds.includes(eventId)).map((e) => e.organizationId);
    const due = catalogue.filter((event) => owners(event.id).length > 0);
    return worker.request(ReportingRoutes.openPeriod, {
      orderId: randomUUID(),
      planId: randomUUID(),
      year: 2025,
      quarter,
      start: '2025-07-01',
      end: '2025-09-30',
      deadline: '2025-10-15',
      issuerId: ministry.id,
      planTitle: 'Комплексный план мероприятий на 2025/2026 учебный год',
      events: due.map((event, index) => ({ ...event, owners: [index] })),
      responsibilities: due.map((event) => ({ organizationIds: owners(event.id) })),
      organizations: [],
    });
  };
  const report = (session: HttpSession, body: Record<string, unknown>) => session.http<ReportDto & Refusal>('POST', '/api/reports', body);
  const held = (eventId: string) => ({ eventId, outcome: 'held' as const, heldFrom: '2025-09-20', heldTo: '2025-09-20', attendance: { students: 32, teachers: 4, parents: 4, others: 0 } });

  beforeAll(async () => {
    // The plans service answers its part of the administrators' audit list.
    system = await GatewaySystem.start('reports', ['organizations', 'reporting', 'plans', 'documents', 'notifications']);
    admin = await system.signIn({ roles: ['admin'] });
    worker = system.bus('worker');
    db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    const create = async (body: Record<string, unknown>) => (await admin.http<OrganizationDto>('POST', '/api/organizations', body)).body;
    ministry = await create({ name: 'Министерство образования Тверской области', kind: 'ministry' });
    otherMinistry = await create({ name: 'Министерство образования Кировской области', kind: 'ministry' });
    centerA = await create({ name: 'Центр «Точка роста» МОУ СОШ № 1 г. Ржева', kind: 'center', centerType: 'tochka_rosta', issuerId: ministry.id });
    centerB = await create({ name: 'Центр «IT-куб» г. Торжка', kind: 'center', centerType: 'it_cube', issuerId: ministry.id });
    [reporterA, reporterB] = await Promise.all([
      system.signIn({ roles: ['reporter'], organizationId: centerA.id }),
      system.signIn({ roles: ['reporter'], organizationId: centerB.id }),
    ]);
    period = await open([{ organizationId: centerA.id, eventIds: [events.fair, events.olympiad] }, { organizationId: centerB.id, eventIds: [events.hackathon] }], 3);
    onlyB = await open([{ organizationId: centerB.id, eventIds: [events.hackathon] }], 2);
  });

  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  it('shows a reporter the open periods their organization owes, with the events it owes and nothing of others', async () => {
    const due = await reporterA.http<Page<DuePeriodDto>>('GET', '/api/reports/due');
    expect(due).toMatchObject({ status: 200, body: { total: 1 } });
    expect(due.body.items).toEqual([
      expect.objectContaining({
        id: period.id,
        planTitle: 'Комплексный план мероприятий на 2025/2026 учебный год',
        deadline: '2025-10-15',
        events: [
          { id: events.fair, number: '1.1', title: 'Ярмарка профессий' },
          { id: events.olympiad, number: '1.2', title: 'Олимпиада по робототехнике' },
        ],
        reportId: null,
      }),
    ]);
    expect((await reporterB.http<Page<DuePeriodDto>>('GET', '/api/reports/due')).body.items.map((p) => p.id).sort()).toEqual([period.id, onlyB.id].sort());
    // The answer is what the API document says, field for field.
    expect(strictRequest(pageResponse(duePeriodResponse)).safeParse(due.body)).toMatchObject({ success: true });
  });

  it('takes a reporter\'s report for their own organization, once, with no organization or user in the body needed', async () => {
    const items = [held(events.fair), { eventId: events.olympiad, outcome: 'postponed', postponedToDate: '2025-10-20', comment: 'перенесена на октябрь' }];
    const sent = await report(reporterA, { periodId: period.id, items });
    expect(sent).toMatchObject({ status: 201, body: { periodId: period.id, organizationId: centerA.id } });
    reportA = sent.body;
    expect(await report(reporterA, { periodId: period.id, items: [held(events.fair)] })).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    const due = await reporterA.http<Page<DuePeriodDto>>('GET', '/api/reports/due');
    expect(due.body.items[0]).toMatchObject({ id: period.id, reportId: reportA.id, submittedAt: reportA.submittedAt });
    const mine = await reporterA.http<Page<ReportDto>>('GET', '/api/reports');
    expect(mine).toMatchObject({ status: 200, body: { total: 1, items: [{ id: reportA.id }] } });
    expect(await reporterA.http('GET', `/api/reports/${reportA.id}`)).toMatchObject({ status: 200, body: { id: reportA.id, items } });
  });

  it('refuses a reporter of center A reporting for center B, in Russian, and stores nothing', async () => {
    const forB = await report(reporterA, { periodId: period.id, organizationId: centerB.id, items: [held(events.hackathon)] });
    expect(forB).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: expect.stringContaining('только за свою организацию') } });
    const notOwed = await report(reporterA, { periodId: onlyB.id, items: [held(events.hackathon)] });
    expect(notOwed).toMatchObject({ status: 403, body: { message: 'Ваша организация не отчитывается за этот период: в нём нет её мероприятий' } });
    const { rows } = await db.query(`SELECT organization_id FROM reporting.reports`);
    expect(rows).toEqual([{ organization_id: centerA.id }]);
  });

  it('lets nobody read another organization\'s report (it is as missing as an unknown one), but the staff of the ministry whose period it is', async () => {
    expect(await reporterB.http<Refusal>('GET', `/api/reports/${reportA.id}`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await reporterB.http<Page<ReportDto>>('GET', '/api/reports')).body).toEqual({ items: [], total: 0 });
    const [analyst, stranger] = await Promise.all([
      system.signIn({ roles: ['analyst'], organizationId: ministry.id }),
      system.signIn({ roles: ['analyst', 'editor'], organizationId: otherMinistry.id }),
    ]);
    expect(await analyst.http('GET', `/api/reports/${reportA.id}`)).toMatchObject({ status: 200, body: { id: reportA.id } });
    expect((await stranger.http('GET', `/api/reports/${reportA.id}`)).status).toBe(404);
    expect((await admin.http('GET', `/api/reports/${reportA.id}`)).status).toBe(200);
  });

  it('lists a period\'s organizations and their reports to the issuer\'s staff, those still owing first, and hides the period from another ministry', async () => {
    const [approver, stranger] = await Promise.all([
      system.signIn({ roles: ['approver'], organizationId: ministry.id }),
      system.signIn({ roles: ['analyst'], organizationId: otherMinistry.id }),
    ]);
    const reports = (session: HttpSession, query = '') => session.http<Page<PeriodReportRowDto> & Refusal>('GET', `/api/orders/${period.orderId}/periods/${period.id}/reports${query}`);
    const all = await reports(approver);
    expect(all).toMatchObject({ status: 200, body: { total: 2 } });
    expect(all.body.items).toEqual([
      { organizationId: centerB.id, name: null, dueEvents: 1, reportId: null, submittedAt: null, held: null },
      { organizationId: centerA.id, name: null, dueEvents: 2, reportId: reportA.id, submittedAt: reportA.submittedAt, held: 1 },
    ]);
    expect(strictRequest(pageResponse(periodReportRowResponse)).safeParse(all.body)).toMatchObject({ success: true });
    expect((await reports(approver, '?status=submitted')).body).toEqual({ total: 1, items: [all.body.items[1]] });
    expect((await reports(approver, '?status=missing&limit=1&offset=1')).body).toEqual({ total: 1, items: [] });
    // The report the row points at opens for the same person.
    expect(await approver.http('GET', `/api/reports/${reportA.id}`)).toMatchObject({ status: 200, body: { items: expect.arrayContaining([expect.objectContaining({ eventId: events.fair, outcome: 'held' })]) } });

    expect(await reports(stranger)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: expect.stringContaining('Отчётный период') } });
    expect((await approver.http('GET', `/api/orders/${randomUUID()}/periods/${period.id}/reports`)).status).toBe(404);
    expect((await reporterA.http('GET', `/api/orders/${period.orderId}/periods/${period.id}/reports`)).status).toBe(403);
  });

  it('keeps reports to reporters at the door (401, 403), and the reporting service refuses a wrong role sent straight on the bus', async () => {
    const anonymous = HttpSession.anonymous(system.baseUrl);
    expect((await anonymous.http('GET', '/api/reports/due')).status).toBe(401);
    expect((await anonymous.http('POST', '/api/reports', { periodId: period.id, items: [held(events.fair)] })).status).toBe(401);
    const editor = await system.signIn({ roles: ['editor'], organizationId: ministry.id });
    expect(await report(editor, { periodId: period.id, items: [held(events.fair)] })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const gateway = system.bus('gateway');
    const refused = await gateway
      .request(ReportingRoutes.submitReport, { actor: testActor(['analyst', 'editor'], centerB.id), periodId: period.id, items: [held(events.hackathon)] })
      .then(() => null, (error: BusRequestError) => error.payload);
    expect(refused).toEqual(expect.objectContaining({ code: 'FORBIDDEN', message: 'Недостаточно прав: нужна роль «ответственный за отчёты организации»' }));
  });

  describe('the audit log across services', () => {
    const audit = (query = '') => admin.http<Page<ServiceAuditEntryDto>>('GET', `/api/audit?${query}`);

    it('records the report and the periods in the reporting log, and the administrator reads it merged with the organizations log, newest first', async () => {
      await worker.request(ReportingRoutes.closePeriod, { id: onlyB.id });
      const all = await audit('limit=200');
      expect(all.status).toBe(200);
      expect(strictRequest(pageResponse(auditEntryResponse)).safeParse(all.body)).toMatchObject({ success: true });
      const services = new Set(all.body.items.map((entry) => entry.service));
      expect(services).toEqual(new Set(['organizations', 'reporting']));
      const times = all.body.items.map((entry) => entry.at);
      expect(times).toEqual([...times].sort().reverse());
      const reporting = await audit('service=reporting');
      expect(reporting.body.items.map((entry) => entry.action)).toEqual(['period.close', 'report.submit', 'period.open', 'period.open']);
      expect(reporting.body.items.find((entry) => entry.action === 'period.open')?.actorLogin).toBe('(процесс приказа)');
      const submitted = await audit(`person=${reporterA.actor!.login}&objectType=report`);
      expect(submitted.body).toEqual({
        total: 1,
        items: [expect.objectContaining({ service: 'reporting', action: 'report.submit', objectId: reportA.id, actorAccountId: reporterA.actor!.accountId })],
      });
      // Pages of the merged list are slices of the whole.
      const page = await audit('limit=3&offset=2');
      expect(page.body.items).toEqual(all.body.items.slice(2, 5));
      expect(page.body.total).toBe(all.body.total);
      expect(await audit('limit=200&offset=900')).toMatchObject({ status: 400, body: { message: expect.stringContaining('не дальше 1000 записей') } });
    });

    it('is for the administrator only, and each service checks it itself', async () => {
      expect((await reporterA.http('GET', '/api/audit')).status).toBe(403);
      const refused = await system
        .bus('gateway')
        .request(AuditRoutes.reporting, { actor: testActor(['analyst', 'editor', 'approver', 'signatory', 'registrar'], ministry.id) })
        .then(() => null, (error: BusRequestError) => error.payload);
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Недостаточно прав: нужна роль «администратор»' });
    });

    it('`audit verify` checks every schema\'s chain and names the first row changed directly in PostgreSQL in the reporting schema', async () => {
      const cliEnv = { DATABASE_URL: system.databaseUrl };
      const intact = await runEduplanCli(['audit', 'verify'], cliEnv);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/^organizations: цепочка цела, записей: \d+$/m);
      expect(intact.stdout).toMatch(/^reporting: цепочка цела, записей: 4$/m);
      const { rows } = await db.query<{ seq: string }>(`SELECT seq FROM reporting.audit_log WHERE action = 'report.submit'`);
      await db.query(`ALTER TABLE reporting.audit_log DISABLE TRIGGER audit_log_no_update_delete`);
      await db.query(`UPDATE reporting.audit_log SET after = jsonb_set(after, '{organizationId}', to_jsonb($1::text)) WHERE action = 'report.submit'`, [centerB.id]);
      await db.query(`ALTER TABLE reporting.audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      const broken = await runEduplanCli(['audit', 'verify'], cliEnv);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(`reporting: НАРУШЕНА на записи seq ${rows[0].seq}: содержимое записи изменено`);
      expect(broken.stdout).toMatch(/^organizations: цепочка цела/m);
    });
  });
});
