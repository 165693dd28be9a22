import type { DocumentDto, OrderDto, OrderWorkflowState, OrganizationDto, PersonDto, PlanDto, ReportingPeriodDto } from '@eduplan/contracts';
import { addDays, formatRuDate } from '@eduplan/domain';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2eSystem } from '../support/e2e-system';
import { lastQuarter } from '../support/last-quarter';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(240_000);


describe('one order through its whole life, over HTTP against running services', () => {
  let system: E2eSystem;
  let ministry: OrganizationDto;
  let center: OrganizationDto;
  let plan: PlanDto;
  let order: OrderDto;
  const quarter = lastQuarter();
  /** People of the ministry, each signed in as themselves. */
  let approver: { person: PersonDto; session: HttpSession };
  let otherApprover: { person: PersonDto; session: HttpSession };
  let minister: { person: PersonDto; session: HttpSession };
  let deputy: { person: PersonDto; session: HttpSession };

  const state = async () => (await system.http<OrderWorkflowState>('GET', `/api/orders/${order.id}/state`)).body;
  const stateWhen = (what: string, check: (s: OrderWorkflowState) => boolean) =>
    system.until(what, async () => {
      const s = await system.http<OrderWorkflowState>('GET', `/api/orders/${order.id}/state`);
      return s.status === 200 && check(s.body) ? s.body : undefined;
    });

  beforeAll(async () => {
    system = await E2eSystem.start();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('reports every service, PostgreSQL and Temporal as up once the worker has bundled its workflows', async () => {
    const health = await system.until('all services green', async () => {
      const h = await system.http<{ status: string; services: Record<string, { status: string }>; postgres: string; temporal: string }>('GET', '/health');
      return h.status === 200 ? h : undefined;
    });
    expect(health.body.postgres).toBe('up');
    expect(health.body.temporal).toBe('up');
    expect(Object.values(health.body.services).map((s) => s.status)).toEqual(['up', 'up', 'up', 'up', 'up', 'up']);
  });

  it('creates a ministry, a center, a plan with two events and an order draft', async () => {
    ministry = (
      await system.http<OrganizationDto>('POST', '/api/organizations', {
        name: 'Министерство образования Тверской области',
        kind: 'ministry',
        timeZone: 'Europe/Moscow',
      })
    ).body;
    const createdCenter = await system.http<OrganizationDto>('POST', '/api/organizations', {
      name: 'МБОУ «Средняя школа № 1» (центр «Точка роста»)',
      shortName: 'СШ № 1',
      kind: 'center',
      centerType: 'tochka_rosta',
      parentId: ministry.id,
    });
    expect(createdCenter.status).toBe(201);
    center = createdCenter.body;
    approver = await system.employee(ministry.id, 'Иванов Иван Иванович', ['approver'], { positionTitle: 'Начальник правового управления' });
    otherApprover = await system.employee(ministry.id, 'Сергеев Сергей Сергеевич', ['approver'], { positionTitle: 'Начальник финансового отдела' });
    minister = await system.employee(ministry.id, 'Калинина Ольга Евгеньевна', ['signatory'], { position: 'minister', positionTitle: 'Министр образования Тверской области' });
    deputy = await system.employee(ministry.id, 'Петров Пётр Петрович', ['signatory'], { position: 'deputy_minister' });
    // The development minister's certificate, tied to her as `eduplan signer add` does.
    await system.registerSigner(minister.person.id);

    const created = await system.http<PlanDto>('POST', '/api/plans', {
      title: 'Комплексный план мероприятий по организационно-методической поддержке центров «Точка роста»',
      issuerId: ministry.id,
      period: { start: quarter.start, end: quarter.end },
      sections: [
        {
          number: '1',
          title: 'Направление 1. Проведение совместных мероприятий для обучающихся и педагогических работников',
          directionCode: 1,
          events: [
            {
              number: '1.1',
              title: 'Межрегиональный конкурс по 3D-моделированию',
              audience: 'Обучающиеся 5-11 классов',
              deadline: `${formatRuDate(quarter.start)} - ${formatRuDate(addDays(quarter.start, 20))}`,
              responsible: [{ name: 'Центры «Точка роста»', organizationId: center.id }],
            },
            {
              number: '1.2',
              title: 'Урок цифры «Искусственный интеллект в образовании»',
              audience: 'Педагоги, обучающиеся',
              deadline: formatRuDate(addDays(quarter.end, -5)),
              responsible: [{ name: 'Центры «Точка роста»', organizationId: center.id }],
            },
          ],
        },
      ],
    });
    expect(created.status).toBe(201);
    plan = created.body;
    expect(plan.sections[0].events.map((e) => e.deadline.kind)).toEqual(['range', 'date']);

    const draft = await system.http<OrderDto>('POST', '/api/orders', {
      planId: plan.id,
      kind: 'prikaz',
      title: 'Об утверждении комплексного плана мероприятий по организационно-методической поддержке центров «Точка роста»',
      place: 'г. Тверь',
      basis: 'В соответствии с постановлением Правительства Тверской области от 17.10.2011 № 69-пп',
      signatoryId: minister.person.id,
    });
    expect(draft.status).toBe(201);
    order = draft.body;
    expect(order).toMatchObject({ status: 'draft', signatory: { personId: minister.person.id, name: 'О.Е. Калинина', position: 'Министр образования Тверской области' } });
  });

  it('refuses bad input with a message naming the field', async () => {
    const bad = await system.http<{ message: string }>('POST', '/api/plans', {
      title: 'План',
      issuerId: ministry.id,
      period: { start: '2024-02-31', end: '2024-12-31' },
      sections: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/period\.start: несуществующая дата/);
    expect(bad.body.message).toMatch(/sections/);
  });

  it('starts the order workflow on submission with a route of people of the registry, and shows the approval stage', async () => {
    const unknown = await system.http<{ message: string }>('POST', `/api/orders/${order.id}/submit`, {
      route: [{ name: 'Правовое управление', approverIds: [approver.person.id, '00000000-0000-4000-8000-000000000000'] }],
    });
    expect(unknown).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^route\[0\]\.approverIds\[1\] \(этап «Правовое управление», согласующий № 2\): сотрудник .* не найден в реестре/) } });
    const submitted = await system.http<OrderWorkflowState>('POST', `/api/orders/${order.id}/submit`, {
      route: [{ name: 'Правовое управление', approverIds: [approver.person.id] }],
    });
    expect(submitted.status).toBe(202);
    const onApproval = await stateWhen('on_approval', (s) => s.status === 'on_approval' && s.stages[0].status === 'active');
    expect(onApproval.version).toBe(1);
    expect(onApproval.stages[0].approvers).toEqual([{ personId: approver.person.id, name: 'И.И. Иванов', position: 'Начальник правового управления' }]);
    expect((await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body.status).toBe('on_approval');
  });

  it('survives the worker stopping mid-approval: the decision waits for it, then the order goes on', async () => {
    await system.stopService('worker');
    const started = Date.now();
    const whileDown = await approver.session.http<{ message: string }>('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 1 });
    expect(whileDown.status).toBe(503);
    expect(whileDown.body.message).toMatch(/worker/);
    expect(Date.now() - started).toBeLessThan(6000);
    await system.startService('worker');
    // Until the new worker has replayed the order, reads may still answer 503; the order itself is intact.
    const afterRestart = await stateWhen('the restarted worker answering for the order', () => true);
    expect(afterRestart.stages[0].decisions).toEqual([]);

    // An approver of the ministry, but not of this stage: refused, and the stage still waits for its own approver.
    const stranger = await otherApprover.session.http<{ code: string; message: string }>('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 1 });
    expect(stranger).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN', message: 'С.С. Сергеев не согласует этап «Правовое управление» и сегодня не замещает никого из его согласующих' },
    });
    expect((await state()).stages[0]).toMatchObject({ status: 'active', decisions: [] });

    const decided = await approver.session.http<OrderWorkflowState>('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 1 });
    expect(decided.status).toBe(201);
    expect(decided.body.stages[0].decisions[0]).toMatchObject({ personId: approver.person.id, name: 'И.И. Иванов', actingFor: null });
    await stateWhen('signing', (s) => s.status === 'signing');
  });

  it('lets only the signatory the order names sign, then registers and renders the signed order PDF', async () => {
    const notNamed = await deputy.session.http<{ code: string; message: string }>('POST', `/api/orders/${order.id}/sign`);
    expect(notNamed).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN', message: 'Приказ подписывает только указанный в нём подписант: О.Е. Калинина (Министр образования Тверской области)' },
    });
    expect((await approver.session.http('POST', `/api/orders/${order.id}/sign`)).status).toBe(403);
    expect((await state()).status).toBe('signing');
    expect((await minister.session.http('POST', `/api/orders/${order.id}/sign`)).status).toBe(201);

    const inForce = await stateWhen('in_force', (s) => s.status === 'in_force' && s.periods.some((p) => p.status === 'open'));
    expect(inForce.registrationNumber).toMatch(/^\d+$/);
    const registered = (await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body;
    expect(registered.registrationNumber).toBe(inForce.registrationNumber);

    // Published: anyone may read it, without signing in.
    const meta = (await system.anonymous<DocumentDto>('GET', `/api/documents/${inForce.orderDocumentId}`)).body;
    expect(meta.signed).toBe(true);
    const download = await fetch(`${system.baseUrl}/api/documents/${inForce.orderDocumentId}/content`);
    const pdf = Buffer.from(await download.arrayBuffer());
    expect(download.headers.get('content-type')).toContain('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(meta.sha256);

    const file = join(mkdtempSync(join(tmpdir(), 'eduplan-e2e-')), 'order.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/П ?Р ?И ?К ?А ?З/);
    expect(text).toContain('Межрегиональный конкурс по 3D');
    expect(text).toContain('ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ');
    expect(text).toContain('постановлением Правительства Тверской области от 17.10.2011');
    expect(text).toContain(`№ ${inForce.registrationNumber}`);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid');
  });

  it('collects the center report, refuses a duplicate, closes the period and writes the memos', async () => {
    const periods = (await system.http<ReportingPeriodDto[]>('GET', `/api/orders/${order.id}/periods`)).body;
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ year: quarter.year, quarter: quarter.quarter, status: 'open' });
    const [first, second] = plan.sections[0].events;
    const report = {
      periodId: periods[0].id,
      organizationId: center.id,
      items: [
        { eventId: first.id, outcome: 'held', heldFrom: addDays(quarter.start, 3), heldTo: addDays(quarter.start, 4), attendance: { students: 38, teachers: 4, parents: 3, others: 0 } },
        { eventId: second.id, outcome: 'postponed', postponedToDate: addDays(quarter.end, 30), comment: 'Перенесено из-за карантина' },
      ],
    };
    const reporter = await system.signIn({ roles: ['reporter'], organizationId: center.id });
    expect((await reporter.http('POST', '/api/reports', report)).status).toBe(201);
    const duplicate = await reporter.http<{ message: string }>('POST', '/api/reports', report);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toMatch(/уже отправлен/);

    const closed = await stateWhen('closed', (s) => s.status === 'closed');
    expect(closed.periods[0]).toMatchObject({ status: 'closed', expectedCount: 1, submittedCount: 1 });
    const documents = (await system.http<DocumentDto[]>('GET', `/api/orders/${order.id}/documents`)).body;
    expect(documents.map((d) => d.kind).sort()).toEqual(['monitoring_memo', 'order', 'quarterly_memo']);
    const memo = documents.find((d) => d.kind === 'quarterly_memo')!;
    // A memo is not published: a visitor without a session is asked to sign in, the ministry's staff read it.
    const anonymousMemo = await fetch(`${system.baseUrl}/api/documents/${memo.id}/content`);
    expect(anonymousMemo.status).toBe(401);
    expect(((await anonymousMemo.json()) as { message: string }).message).toMatch(/^Документ не опубликован/);
    const memoPdf = Buffer.from(await (await approver.session.fetch(`/api/documents/${memo.id}/content`)).arrayBuffer());
    const file = join(mkdtempSync(join(tmpdir(), 'eduplan-e2e-')), 'memo.pdf');
    writeFileSync(file, memoPdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Урок цифры «Искусственный интеллект в образовании»');
    expect(text).toMatch(/Перенесено из-?за карантина/);
    // One name per kind: the printed kind, the PDF title and the stored file name agree, with Russian dates only.
    const quarterName = `${['I', 'II', 'III', 'IV'][quarter.quarter - 1]} квартал ${quarter.year} года (${formatRuDate(quarter.start)}–${formatRuDate(quarter.end)})`;
    expect(text).toContain(`АНАЛИТИЧЕСКАЯ ЗАПИСКА о ходе реализации плана за ${quarterName}`);
    expect(memo.fileName).toBe(`Аналитическая записка о ходе реализации плана за ${quarterName}.pdf`);
    expect(/^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]).toBe(memo.fileName.replace(/\.pdf$/, ''));
    // The plan covers this one quarter, so the final memo names the same period.
    expect(documents.find((d) => d.kind === 'monitoring_memo')?.fileName).toBe(`Справка по результатам мониторинга реализации плана за ${quarterName}.pdf`);
    expect((await state()).history.map((h) => h.status)).toEqual([
      'on_approval',
      'approved',
      'signing',
      'signed',
      'in_force',
      'final_report',
      'closed',
    ]);
  });

  it('turns a stopped service red on /health and answers its routes with 503 within the timeout', async () => {
    await system.stopService('reporting');
    const started = Date.now();
    const health = await system.http<{ services: Record<string, { status: string; message: string }> }>('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.services.reporting.status).toBe('down');
    expect(health.body.services.reporting.message).toMatch(/reporting/);
    expect(health.body.services.plans.status).toBe('up');
    const periods = await system.http<{ message: string; service: string }>('GET', `/api/orders/${order.id}/periods`);
    expect(periods.status).toBe(503);
    expect(periods.body.service).toBe('reporting');
    expect(Date.now() - started).toBeLessThan(10_000);
    await system.startService('reporting');
    expect((await system.http('GET', '/health')).status).toBe(200);
  });

  it('reconnects every service after NATS restarts', async () => {
    await system.restartNats();
    const health = await system.until('all green after NATS restart', async () => {
      const h = await system.http<{ status: string }>('GET', '/health');
      return h.status === 200 ? h.body : undefined;
    });
    expect(health.status).toBe('up');
  });
});
