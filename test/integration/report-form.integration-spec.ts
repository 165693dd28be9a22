import { ReportingRoutes, type DuePeriodDto, type EvidenceUploadDto, type OrganizationDto, type Page, type ReportDto, type OpenedReportingPeriodDto, type ReportRevisionDto } from '@eduplan/contracts';
import type { BusClient } from '@eduplan/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GatewaySystem } from '../support/gateway-system';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(240_000);

type Refusal = { code: string; message: string; details?: { path: (string | number)[]; message: string }[] };

/** Small enough to test quickly, large enough that a file crosses the bus in three chunks of 512 KB. */
const FILE_LIMIT = 1536 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Item 4 of «monitoring at region size», the report form, over HTTP with real sessions: per due event a status,
 * the dates held within the period's quarter, participants by category (a large total confirmed), links and files
 * as evidence; a draft that does not count, a submission marked late after the deadline, corrections kept as
 * revisions with their reasons, a retried submission stored once; files typed by content, bounded in size and
 * read only by their organization and its ministry.
 */
describe('the report form', () => {
  let system: GatewaySystem;
  let worker: BusClient;
  let db: Client;
  let ministry: OrganizationDto;
  let center: OrganizationDto;
  let stranger: OrganizationDto;
  let reporter: HttpSession;
  let strangerReporter: HttpSession;
  let analyst: HttpSession;
  let period: OpenedReportingPeriodDto;
  const events = { fair: randomUUID(), olympiad: randomUUID(), camp: randomUUID() };

  const open = (organizationIds: string[], deadline: string, quarter = 3) =>
    worker.request(ReportingRoutes.openPeriod, {
      orderId: randomUUID(),
      planId: randomUUID(),
      year: 2025,
      quarter,
      start: '2025-07-01',
      end: '2025-09-30',
      deadline,
      issuerId: ministry.id,
      planTitle: 'Комплексный план мероприятий на 2025/2026 учебный год',
      events: [
        { id: events.fair, number: '1.1', title: 'Ярмарка профессий', owners: [0] },
        { id: events.olympiad, number: '1.2', title: 'Олимпиада по робототехнике', owners: [0] },
        { id: events.camp, number: '2.1', title: 'Профильная смена', owners: [0] },
      ],
      responsibilities: [{ organizationIds }],
      organizations: [],
    });
  const attendance = { students: 120, teachers: 8, parents: 15, others: 2 };
  const held = (eventId: string, extra: Record<string, unknown> = {}) => ({ eventId, outcome: 'held', heldFrom: '2025-09-15', heldTo: '2025-09-16', attendance, ...extra });
  const items = (files: string[] = []) => [
    held(events.fair, { links: ['https://school1-rzhev.ru/news/yarmarka'], files, comment: 'Совместно с центром занятости' }),
    { eventId: events.olympiad, outcome: 'postponed', postponedToQuarter: { year: 2025, quarter: 4 }, comment: 'Перенесена из-за ремонта' },
    { eventId: events.camp, outcome: 'not_held', comment: 'Нет финансирования' },
  ];
  const submit = (session: HttpSession, body: Record<string, unknown>, key?: string) =>
    session
      .fetch('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) })
      .then(async (answer) => ({ status: answer.status, body: (await answer.json()) as ReportDto & Refusal }));
  const upload = async (session: HttpSession, periodId: string, content: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([content]), name);
    const answer = await session.fetch(`/api/reports/files?periodId=${periodId}`, { method: 'POST', body: form });
    return { status: answer.status, body: (await answer.json()) as EvidenceUploadDto & Refusal };
  };
  const storedFiles = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM reporting.evidence_files`)).rows[0].n);
  const storedChunks = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM reporting.evidence_chunks`)).rows[0].n);

  beforeAll(async () => {
    system = await GatewaySystem.start('reportform', ['organizations', 'reporting'], () => ({ REPORT_FILE_MAX_BYTES: String(FILE_LIMIT) }));
    const admin = await system.signIn({ roles: ['admin'] });
    worker = system.bus('worker');
    db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    const create = async (body: Record<string, unknown>) => (await admin.http<OrganizationDto>('POST', '/api/organizations', body)).body;
    ministry = await create({ name: 'Министерство образования Тверской области', kind: 'ministry' });
    center = await create({ name: 'Центр «Точка роста» МОУ СОШ № 1 г. Ржева', kind: 'center', centerType: 'tochka_rosta', issuerId: ministry.id });
    stranger = await create({ name: 'Центр «IT-куб» г. Торжка', kind: 'center', centerType: 'it_cube', issuerId: ministry.id });
    [reporter, strangerReporter, analyst] = await Promise.all([
      system.signIn({ roles: ['reporter'], organizationId: center.id }),
      system.signIn({ roles: ['reporter'], organizationId: stranger.id }),
      system.signIn({ roles: ['analyst'], organizationId: ministry.id }),
    ]);
    // The deadline is far ahead, so this period's report is on time.
    period = await open([center.id, stranger.id], '2099-10-15');
  });

  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  it('refuses dates held outside the period\'s quarter in Russian, at the field, and stores nothing', async () => {
    const answer = await submit(reporter, { periodId: period.id, items: [held(events.fair, { heldFrom: '2025-06-30', heldTo: '2025-10-02' })] });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('«1.1. Ярмарка профессий»: дата 30.06.2025 вне 3 квартала 2025 г. (01.07.2025–30.09.2025)');
    expect(answer.body.details).toEqual([
      { path: ['items', 0, 'heldFrom'], message: expect.stringContaining('вне 3 квартала 2025 г.') },
      { path: ['items', 0, 'heldTo'], message: expect.stringContaining('02.10.2025 вне 3 квартала') },
    ]);
    const backwards = await submit(reporter, { periodId: period.id, items: [held(events.fair, { heldFrom: '2025-09-20', heldTo: '2025-09-10' })] });
    expect(backwards.body.details).toEqual([{ path: ['items', 0, 'heldTo'], message: 'дата окончания 10.09.2025 раньше даты начала 20.09.2025' }]);
    expect((await db.query(`SELECT 1 FROM reporting.reports`)).rowCount).toBe(0);
  });

  it('asks to confirm a number of participants above the configured bound, and takes it confirmed', async () => {
    const crowd = { students: 4000, teachers: 200, parents: 900, others: 0 };
    const answer = await submit(reporter, { periodId: period.id, items: [held(events.fair, { attendance: crowd })] });
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION', details: [{ path: ['items', 0, 'participantsConfirmed'], message: expect.stringContaining('участников 5100 — больше 5000: проверьте число и подтвердите его') }] } });
    const overBound = await submit(reporter, { periodId: period.id, items: [held(events.fair, { attendance: { ...crowd, students: 100_001 } })] });
    expect(overBound.status).toBe(400);
    expect(JSON.stringify(overBound.body.details)).toContain('attendance');
    // Confirmed, it would be taken: a draft keeps it (the submission itself is the next test's).
    const draft = await reporter.http('POST', '/api/reports/draft', { periodId: period.id, items: [held(events.fair, { attendance: crowd, participantsConfirmed: true })] });
    expect(draft).toMatchObject({ status: 200, body: { periodId: period.id, items: [{ attendance: crowd, participantsConfirmed: true }] } });
  });

  it('takes evidence files by their content, refuses one whose name lies and one over the limit (413), storing nothing of either', async () => {
    expect(await upload(reporter, period.id, Buffer.from('MZ\u0090\u0000 это не документ', 'latin1'), 'акт.pdf')).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('Файл «акт.pdf» — не PDF, JPEG, PNG или DOCX (проверено по содержимому, не по имени)') },
    });
    // A ZIP named .docx is not a Word document: found out once it is whole, and deleted.
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('xl/workbook.xml [Content_Types].xml')]);
    expect(await upload(reporter, period.id, zip, 'отчёт.docx')).toMatchObject({ status: 400, body: { message: expect.stringContaining('«отчёт.docx» — не PDF') } });
    const tooLarge = await upload(reporter, period.id, Buffer.concat([PNG, randomBytes(FILE_LIMIT)]), 'фото.png');
    expect(tooLarge).toMatchObject({ status: 413, body: { message: expect.stringContaining('больше предела 1.5 МБ') } });
    expect(await storedFiles()).toBe(0);
    expect(await storedChunks()).toBe(0);
  });

  let photo: Buffer;
  let photoId: string;

  it('keeps a draft that does not count as submitted, then takes the report with its evidence and drops the draft', async () => {
    photo = Buffer.concat([PNG, randomBytes(1200 * 1024)]);
    const stored = await upload(reporter, period.id, photo, 'Ярмарка — фото.jpg');
    expect(stored).toMatchObject({ status: 201, body: { name: 'Ярмарка — фото.jpg', contentType: 'image/png', size: photo.length, complete: true } });
    photoId = stored.body.id;
    expect(await storedChunks()).toBe(3);

    expect((await reporter.http('POST', '/api/reports/draft', { periodId: period.id, items: items([photoId]) })).status).toBe(200);
    const due = await reporter.http<Page<DuePeriodDto>>('GET', '/api/reports/due');
    expect(due.body.items.find((p) => p.id === period.id)).toMatchObject({ reportId: null, draft: { items: [{ eventId: events.fair, files: [photoId] }, {}, {}] } });
    expect(await worker.request(ReportingRoutes.periodProgress, { id: period.id })).toEqual({ expected: 2, submitted: 0 });

    const sent = await submit(reporter, { periodId: period.id, items: items([photoId]) });
    expect(sent).toMatchObject({
      status: 201,
      body: {
        late: false,
        daysLate: 0,
        revision: 1,
        correctedAt: null,
        items: [
          { outcome: 'held', heldFrom: '2025-09-15', heldTo: '2025-09-16', attendance, participants: 145, links: ['https://school1-rzhev.ru/news/yarmarka'], files: [{ id: photoId, contentType: 'image/png' }] },
          { outcome: 'postponed', postponedToQuarter: { year: 2025, quarter: 4 }, heldFrom: null, participants: null },
          { outcome: 'not_held', comment: 'Нет финансирования' },
        ],
      },
    });
    expect(await worker.request(ReportingRoutes.periodProgress, { id: period.id })).toEqual({ expected: 2, submitted: 1 });
    const after = await reporter.http<Page<DuePeriodDto>>('GET', '/api/reports/due');
    expect(after.body.items.find((p) => p.id === period.id)).toMatchObject({ reportId: sent.body.id, draft: null });
    expect(await submit(reporter, { periodId: period.id, items: items() })).toMatchObject({ status: 409, body: { message: expect.stringContaining('отправьте исправление с причиной') } });
  });

  it('corrects a submitted report only with a reason, keeping every revision readable by the ministry', async () => {
    const [report] = (await reporter.http<Page<ReportDto>>('GET', `/api/reports?periodId=${period.id}`)).body.items;
    const corrected = items([photoId]).map((item, i) => (i === 2 ? held(events.camp, { heldFrom: '2025-08-01', heldTo: '2025-08-14', attendance: { students: 60, teachers: 6, parents: 0, others: 0 } }) : item));
    const noReason = await reporter.http<Refusal>('POST', `/api/reports/${report.id}/corrections`, { items: corrected, reason: ' ' });
    expect(noReason).toMatchObject({ status: 400, body: { details: [expect.objectContaining({ path: expect.arrayContaining(['reason']), message: expect.stringContaining('укажите причину исправления') })] } });
    const fixed = await reporter.http<ReportDto>('POST', `/api/reports/${report.id}/corrections`, { items: corrected, reason: 'Смена проведена в августе, в отчёте ошибочно указано «не проведено»' });
    expect(fixed).toMatchObject({ status: 201, body: { id: report.id, revision: 2, correctedAt: expect.any(String), submittedAt: report.submittedAt } });
    expect(fixed.body.items[2]).toMatchObject({ outcome: 'held', participants: 66 });

    const revisions = await analyst.http<ReportRevisionDto[]>('GET', `/api/reports/${report.id}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body).toEqual([
      expect.objectContaining({ revision: 1, by: reporter.actor!.login, reason: null, items: report.items }),
      expect.objectContaining({ revision: 2, by: reporter.actor!.login, reason: 'Смена проведена в августе, в отчёте ошибочно указано «не проведено»', items: fixed.body.items }),
    ]);
    expect(await analyst.http('GET', `/api/reports/${report.id}`)).toMatchObject({ status: 200, body: { revision: 2, items: fixed.body.items } });
    // The correction replaced the report's item rows (what the period's figures add up), one per event.
    const rows = await db.query(
      `SELECT event_id, outcome, to_char(held_from, 'YYYY-MM-DD') AS held_from, to_char(held_to, 'YYYY-MM-DD') AS held_to, students, teachers, participants
       FROM reporting.report_items WHERE report_id = $1 ORDER BY position`,
      [report.id],
    );
    expect(rows.rows.map((row) => row.event_id)).toEqual([events.fair, events.olympiad, events.camp]);
    expect(rows.rows[2]).toEqual({ event_id: events.camp, outcome: 'held', held_from: '2025-08-01', held_to: '2025-08-14', students: 60, teachers: 6, participants: 66 });
    // The ministry reads; only the organization corrects.
    expect((await analyst.http('POST', `/api/reports/${report.id}/corrections`, { items: corrected, reason: 'Исправляю за центр' })).status).toBe(403);
  });

  it('lets the organization and its ministry download the evidence byte for byte, and nobody else read the report or its files (404)', async () => {
    for (const reader of [reporter, analyst]) {
      const answer = await reader.fetch(`/api/reports/files/${photoId}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await answer.arrayBuffer()).equals(photo)).toBe(true);
    }
    const [report] = (await reporter.http<Page<ReportDto>>('GET', `/api/reports?periodId=${period.id}`)).body.items;
    // The ministry lists the period's reports (one organization's, when it asks), never without a period.
    expect((await analyst.http<Page<ReportDto>>('GET', `/api/reports?periodId=${period.id}`)).body).toMatchObject({ total: 1, items: [{ id: report.id }] });
    expect((await analyst.http<Page<ReportDto>>('GET', `/api/reports?periodId=${period.id}&organizationId=${stranger.id}`)).body.total).toBe(0);
    expect(await analyst.http('GET', '/api/reports')).toMatchObject({ status: 400, body: { message: expect.stringContaining('Укажите отчётный период') } });
    const otherMinistry = await system.signIn({ roles: ['analyst'], organizationId: stranger.id });
    for (const outsider of [strangerReporter, otherMinistry]) {
      expect((await outsider.fetch(`/api/reports/files/${photoId}`)).status).toBe(404);
      expect(await outsider.http('GET', `/api/reports/${report.id}`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect((await outsider.http('GET', `/api/reports/${report.id}/revisions`)).status).toBe(404);
      expect((await outsider.http<Page<ReportDto>>('GET', `/api/reports?periodId=${period.id}`)).body.items ?? []).toEqual([]);
    }
    // Nor may another organization attach a file it did not upload.
    const borrowed = await submit(strangerReporter, { periodId: period.id, items: [held(events.fair, { files: [photoId] })] });
    expect(borrowed).toMatchObject({ status: 400, body: { details: [{ path: ['items', 0, 'files'], message: expect.stringContaining('не загружен вашей организацией') }] } });
  });

  it('stores a retried submission once (same Idempotency-Key, same answer) and marks one after the deadline late', async () => {
    const late = await open([center.id], '2025-10-15');
    const body = { periodId: late.id, items: items() };
    const key = `retry-${randomUUID()}`;
    const [first, second] = await Promise.all([submit(reporter, body, key), submit(reporter, body, key)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(first.body).toMatchObject({ late: true, daysLate: expect.any(Number) });
    expect(first.body.daysLate).toBeGreaterThan(30);
    expect(await submit(reporter, { ...body, idempotencyKey: key })).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect((await db.query(`SELECT 1 FROM reporting.reports WHERE period_id = $1`, [late.id])).rowCount).toBe(1);
    expect((await db.query(`SELECT 1 FROM reporting.report_revisions WHERE report_id = $1`, [first.body.id])).rowCount).toBe(1);
    expect((await submit(reporter, body, `other-${randomUUID()}`)).status).toBe(409);
  });
});
