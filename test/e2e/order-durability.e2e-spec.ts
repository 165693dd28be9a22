import type { DocumentDto, OrderDto, OrderWorkflowState, OrganizationDto, PersonDto, PlanDto, ReportingPeriodDto } from '@eduplan/contracts';
import { addDays, formatRuDate } from '@eduplan/domain';
import { createDevCertificates } from '@eduplan/signing';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2eSystem } from '../support/e2e-system';
import { lastQuarter } from '../support/last-quarter';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(300_000);


type Employee = { person: PersonDto; session: HttpSession };

/**
 * What an operator relies on after approval: the signed PDF is the draft the approvers decided on, a step
 * that cannot succeed is shown and retried by a person, and no report is lost while the worker is down.
 */
describe('an order from approval to closing, when things go wrong', () => {
  let system: E2eSystem;
  let ministry: OrganizationDto;
  let approver: Employee;
  let minister: Employee;
  const quarter = lastQuarter();

  const stateWhen = (orderId: string, what: string, check: (s: OrderWorkflowState) => boolean, timeoutMs?: number) =>
    system.until(
      what,
      async () => {
        const s = await system.http<OrderWorkflowState>('GET', `/api/orders/${orderId}/state`);
        return s.status === 200 && check(s.body) ? s.body : undefined;
      },
      timeoutMs,
    );

  async function planWith(title: string, events: { title: string; responsible: string[] }[]): Promise<PlanDto> {
    const created = await system.http<PlanDto>('POST', '/api/plans', {
      title,
      issuerId: ministry.id,
      period: { start: quarter.start, end: quarter.end },
      sections: [
        {
          number: '1',
          title: 'Направление 1. Проведение совместных мероприятий для обучающихся и педагогических работников',
          events: events.map((e, i) => ({
            number: `1.${i + 1}`,
            title: e.title,
            deadline: formatRuDate(addDays(quarter.end, -5)),
            responsible: e.responsible.map((organizationId) => ({ name: 'Центры «Точка роста»', organizationId })),
          })),
        },
      ],
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function submittedOrder(plan: PlanDto, title: string, signatory = minister): Promise<OrderDto> {
    const draft = await system.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title, place: 'г. Тверь', signatoryId: signatory.person.id });
    expect(draft.status).toBe(201);
    const submitted = await system.http('POST', `/api/orders/${draft.body.id}/submit`, { route: [{ name: 'Правовое управление', approverIds: [approver.person.id] }] });
    expect(submitted.status).toBe(202);
    await stateWhen(draft.body.id, 'the first round frozen', (s) => s.rounds.length === 1);
    return draft.body;
  }

  async function approveAndSign(order: OrderDto, version: number, signatory = minister): Promise<void> {
    const decided = await approver.session.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version });
    expect(decided.status).toBe(201);
    await stateWhen(order.id, 'signing', (s) => s.status === 'signing');
    expect((await signatory.session.http('POST', `/api/orders/${order.id}/sign`)).status).toBe(201);
  }

  async function pdfText(documentId: string): Promise<string> {
    const pdf = Buffer.from(await (await approver.session.fetch(`/api/documents/${documentId}/content`)).arrayBuffer());
    const file = join(mkdtempSync(join(tmpdir(), 'eduplan-e2e-')), 'order.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }

  beforeAll(async () => {
    system = await E2eSystem.start();
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    ministry = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry', timeZone: 'Europe/Moscow' })).body;
    approver = await system.employee(ministry.id, 'Иванов Иван Иванович', ['approver'], { positionTitle: 'Начальник правового управления' });
    minister = await system.employee(ministry.id, 'Калинина Ольга Евгеньевна', ['signatory'], { position: 'minister', positionTitle: 'Министр образования Тверской области' });
    await system.registerSigner(minister.person.id);
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function centers(count: number): Promise<OrganizationDto[]> {
    const created: OrganizationDto[] = [];
    for (let i = 1; i <= count; i++) {
      const center = await system.http<OrganizationDto>('POST', '/api/organizations', {
        name: `МБОУ «Средняя школа № ${i}» (центр «Точка роста»)`,
        kind: 'center',
        centerType: 'tochka_rosta',
        parentId: ministry.id,
      });
      expect(center.status).toBe(201);
      created.push(center.body);
    }
    return created;
  }

  it('freezes the plan while the order is on approval and signs exactly the draft of the approved round', async () => {
    const [center] = await centers(1);
    const plan = await planWith('План мероприятий центров «Точка роста»', [
      { title: 'Межрегиональный конкурс по 3D-моделированию', responsible: [center.id] },
      { title: 'Урок цифры «Искусственный интеллект в образовании»', responsible: [center.id] },
      { title: 'Фестиваль робототехники', responsible: [center.id] },
    ]);
    const [, lesson, festival] = plan.sections[0].events;
    const order = await submittedOrder(plan, 'Об утверждении плана мероприятий центров «Точка роста»');

    const frozen = await system.http<{ code: string; message: string }>('DELETE', `/api/plans/${plan.id}/events/${festival.id}?baseVersion=1`);
    expect(frozen.status).toBe(409);
    expect(frozen.body.message).toContain('«Об утверждении плана мероприятий центров «Точка роста»»');
    expect(frozen.body.message).toMatch(/после возврата приказа на доработку/);

    // A return unfreezes it: the festival is taken out and the draft goes round again.
    await approver.session.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'return', comment: 'Фестиваль проводится в следующем квартале', version: 1 });
    await stateWhen(order.id, 'returned', (s) => s.status === 'returned');
    expect((await system.http<PlanDto>('DELETE', `/api/plans/${plan.id}/events/${festival.id}?baseVersion=1`)).status).toBe(200);
    expect((await system.http('POST', `/api/orders/${order.id}/resubmit`, {})).status).toBe(201);
    const twice = await system.http<{ code: string; message: string }>('POST', `/api/orders/${order.id}/resubmit`, {});
    expect(twice).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: 'Приказ не возвращён на доработку; повторно направлять нечего' } });
    const round2 = await stateWhen(order.id, 'the second round frozen', (s) => s.rounds.length === 2);
    expect(round2.rounds.map((r) => r.planVersion)).toEqual([1, 2]);
    expect(round2.rounds[1].contentSha256).not.toBe(round2.rounds[0].contentSha256);
    expect((await system.http('DELETE', `/api/plans/${plan.id}/events/${lesson.id}?baseVersion=2`)).status).toBe(409);

    await approveAndSign(order, 2);
    const signed = await stateWhen(order.id, 'the signed order rendered', (s) => s.orderDocumentId !== null);
    expect(signed.failure).toBeNull();
    expect(signed.signedContentSha256).toBe(signed.rounds[1].contentSha256);
    expect(signed.stages[0].decisions.map((d) => [d.version, d.contentSha256])).toEqual([
      [1, signed.rounds[0].contentSha256],
      [2, signed.rounds[1].contentSha256],
    ]);
    const text = await pdfText(signed.orderDocumentId!);
    expect(text).toContain('Межрегиональный конкурс по 3D');
    expect(text).toContain('Урок цифры');
    expect(text).not.toContain('Фестиваль робототехники');

    const inForce = await system.http<{ message: string }>('DELETE', `/api/plans/${plan.id}/events/${lesson.id}?baseVersion=2`);
    expect(inForce.status).toBe(409);
    expect(inForce.body.message).toMatch(/только приказом о внесении изменений/);
    await system.http('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Ещё один проект', signatoryId: minister.person.id });
    expect((await system.http<PlanDto>('GET', `/api/plans/${plan.id}`)).body.status).toBe('in_force');
  });

  it('shows a signing that cannot succeed on the order at once, and signs once a person registers the certificate again and retries', async () => {
    const [center] = await centers(1);
    const plan = await planWith('План мероприятий IT-куба', [{ title: 'Хакатон «IT-куб»', responsible: [center.id] }]);
    const deputy = await system.employee(ministry.id, 'Петров Пётр Петрович', ['signatory'], { position: 'deputy_minister', positionTitle: 'Заместитель министра' });
    const certificates = await createDevCertificates(system.env.CERTIFICATES_DIR!, {
      people: [{ id: `petrov-${randomBytes(3).toString('hex')}`, subject: { C: 'RU', O: 'Министерство образования Тверской области', CN: 'Петров Пётр Петрович', SN: 'Петров', GN: 'Пётр Петрович' } }],
    });
    const registerDeputy = () => system.registerSigner(deputy.person.id, certificates.people[0].files.RSA.pkcs12!);
    await registerDeputy();
    const order = await submittedOrder(plan, 'Об утверждении плана мероприятий IT-куба', deputy);
    // The certificate is registered and valid, so the gateway accepts the signature; the stored key container no
    // longer opens (as after a changed password), which no number of retries can mend.
    await system.sql(`UPDATE documents.signers SET pkcs12 = 'not a container' WHERE person_id = $1`, [deputy.person.id]);
    await approveAndSign(order, 1, deputy);
    const signedAt = Date.now();

    const failed = await stateWhen(order.id, 'the failure shown', (s) => s.failure !== null);
    // Eight attempts with back-off would take minutes; a failure that cannot pass is not retried at all.
    expect(Date.now() - signedAt).toBeLessThan(20_000);
    expect(failed.status).toBe('signed');
    expect(failed.failure?.step).toBe('signing');
    expect(failed.failure?.message).toMatch(/^Не удалось сформировать и подписать PDF приказа: .*контейнер.*подписанта Петров.*зарегистрируйте сертификат подписанта заново.*Устраните причину и нажмите «Повторить»$/s);
    expect((await system.http<DocumentDto[]>('GET', `/api/orders/${order.id}/documents`)).body.filter((d) => d.kind === 'order')).toEqual([]);

    await registerDeputy();
    // A person without the right to retry is refused, and the order still waits.
    expect((await approver.session.http('POST', `/api/orders/${order.id}/retry`)).status).toBe(403);
    const retried = await system.http<OrderWorkflowState>('POST', `/api/orders/${order.id}/retry`);
    expect(retried.status).toBe(201);
    const done = await stateWhen(order.id, 'the signed order rendered after the retry', (s) => s.orderDocumentId !== null);
    expect(done.failure).toBeNull();
    expect(done.history.map((h) => h.note)).toContainEqual('повтор после сбоя (Оператор системы)');
    const again = await system.http<{ message: string }>('POST', `/api/orders/${order.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/Повторять нечего/);
  });

  it('counts all 50 reports of a burst during which the worker was stopped, and closes the period before its deadline', async () => {
    const reporters = await centers(50);
    const plan = await planWith('План мероприятий сети центров', [{ title: 'Всероссийский урок «Шаг в профессию»', responsible: reporters.map((c) => c.id) }]);
    const [event] = plan.sections[0].events;
    const order = await submittedOrder(plan, 'Об утверждении плана мероприятий сети центров');
    await approveAndSign(order, 1);
    const open = await stateWhen(order.id, 'the period open', (s) => s.periods[0]?.status === 'open');
    expect(open.periods[0]).toMatchObject({ expectedCount: 50, submittedCount: 0 });
    const periodId = open.periods[0].periodId!;

    // Each center's reporter, signed in before the burst.
    const reporterOf = new Map<string, HttpSession>();
    for (let i = 0; i < reporters.length; i += 5) {
      const batch = reporters.slice(i, i + 5);
      const sessions = await Promise.all(batch.map((center) => system.signIn({ roles: ['reporter'], organizationId: center.id })));
      batch.forEach((center, j) => reporterOf.set(center.id, sessions[j]));
    }
    let sent = 0;
    let workerStopped: Promise<void> | null = null;
    const submit = async (center: OrganizationDto) => {
      const answer = await reporterOf.get(center.id)!.http('POST', '/api/reports', { periodId, items: [{ eventId: event.id, outcome: 'held', heldFrom: quarter.start, heldTo: quarter.start, attendance: { students: 20, teachers: 0, parents: 0, others: 0 } }] });
      expect(answer.status).toBe(201);
      if (++sent === 8) workerStopped = system.stopService('worker');
    };
    for (let i = 0; i < reporters.length; i += 5) await Promise.all(reporters.slice(i, i + 5).map(submit));
    await workerStopped;
    await system.startService('worker');

    const closed = await stateWhen(order.id, 'the period closed with every report', (s) => s.periods[0]?.status === 'closed', 120_000);
    expect(closed.periods[0]).toMatchObject({ expectedCount: 50, submittedCount: 50 });
    expect(closed.periods[0].deadline! > new Date().toISOString().slice(0, 10)).toBe(true);
    const [period] = (await system.http<ReportingPeriodDto[]>('GET', `/api/orders/${order.id}/periods`)).body;
    expect(period.status).toBe('closed');
    expect(period.expected.filter((e) => e.submitted)).toHaveLength(50);
  });
});
