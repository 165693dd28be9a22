import type { DuePeriodDto, NotificationDto, NotificationPage, OrderDto, OrganizationDto, Page, PeriodOverdueDto, PlanDto } from '@eduplan/contracts';
import { addDays, addWorkingDays, formatRuDate, startOfDayIn } from '@eduplan/domain';
import { SmtpInbox } from '@eduplan/infra/testing';
import { E2eSystem } from '../support/e2e-system';
import type { HttpSession } from '../support/http-session';
import { lastQuarter } from '../support/last-quarter';
import { TemporalTime } from '../support/temporal-time';

jest.setTimeout(300_000);

const HOUR = 3_600_000;

/**
 * Item 5 of monitoring: N working days before a period's deadline the reporters of organizations that have not
 * reported are reminded (in the app and by e-mail, through a real SMTP server here), those that have are not;
 * the day after the deadline the issuer's analysts get one digest of how many are late. The whole system runs
 * on Temporal's time-skipping test server, so the test moves the workflow's clock by weeks in seconds.
 */
describe('reminders before a period\'s deadline and the late digest after it', () => {
  let system: E2eSystem;
  let time: TemporalTime;
  let smtp: SmtpInbox;
  const quarter = lastQuarter();

  const mailsTo = (address: string, subject: RegExp) => smtp.to(address, subject);
  const mailTo = (address: string, subject: RegExp) => system.until(`an e-mail to ${address}`, async () => mailsTo(address, subject)[0]);
  const noticesOf = async (session: HttpSession, kind: NotificationDto['kind']) =>
    (await session.http<NotificationPage>('GET', '/api/notifications')).body.items.filter((item) => item.kind === kind);

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    system = await E2eSystem.start({ SMTP_URL: smtp.url, REMINDER_WORKING_DAYS: '3' }, { timeSkipping: true });
    time = await TemporalTime.connect(system.env.TEMPORAL_ADDRESS!);
    await system.until('every service up', async () => ((await system.anonymous('GET', '/health')).status === 200 ? true : undefined));
  });

  afterAll(async () => {
    await time?.close();
    await system?.stop();
    await smtp?.stop();
  });

  it('reminds only the reporter who has not reported, on the reminder day, then tells the analyst how many are late', async () => {
    const ministry = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry', timeZone: 'Europe/Moscow' })).body;
    const center = async (name: string) =>
      (await system.http<OrganizationDto>('POST', '/api/organizations', { name, kind: 'center', centerType: 'tochka_rosta', parentId: ministry.id })).body;
    const [punctual, late] = [await center('МБОУ «СОШ № 1» (центр «Точка роста»)'), await center('МБОУ «СОШ № 2» (центр «Точка роста»)')];
    const approver = await system.employee(ministry.id, 'Иванов Иван Иванович', ['approver']);
    const minister = await system.employee(ministry.id, 'Калинина Ольга Евгеньевна', ['signatory'], { position: 'minister', positionTitle: 'Министр образования Тверской области' });
    const analyst = await system.employee(ministry.id, 'Петрова Мария Сергеевна', ['analyst'], { position: 'specialist', email: 'petrova@minobr.example.ru' });
    const punctualReporter = await system.signIn({ roles: ['reporter'], organizationId: punctual.id, email: 'school1@school.example.ru' });
    const lateReporter = await system.signIn({ roles: ['reporter'], organizationId: late.id, email: 'school2@school.example.ru' });
    await system.registerSigner(minister.person.id);

    const plan = (
      await system.http<PlanDto>('POST', '/api/plans', {
        title: 'Комплексный план мероприятий центров «Точка роста»',
        issuerId: ministry.id,
        period: { start: quarter.start, end: quarter.end },
        sections: [{ number: '1', title: 'Направление 1. Совместные мероприятия', events: [
          { number: '1.1', title: 'Конкурс по 3D-моделированию', deadline: formatRuDate(addDays(quarter.end, -5)), responsible: [
            { name: 'СОШ № 1', organizationId: punctual.id },
            { name: 'СОШ № 2', organizationId: late.id },
          ] },
        ] }],
      })
    ).body;
    const order = (await system.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Об утверждении комплексного плана', signatoryId: minister.person.id })).body;
    expect((await system.http('POST', `/api/orders/${order.id}/submit`, { route: [{ name: 'Правовое управление', approverIds: [approver.person.id] }] })).status).toBe(202);
    await system.until('the order on approval', async () => ((await approver.session.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 1 })).status === 201 ? true : undefined));
    await system.until('the order awaiting signature', async () => ((await minister.session.http('POST', `/api/orders/${order.id}/sign`)).status === 201 ? true : undefined));

    // The quarter has ended: its period opens as the order comes into force; one school reports at once.
    const period = await system.until('the period open for the schools', async () => (await punctualReporter.http<Page<DuePeriodDto>>('GET', '/api/reports/due')).body.items[0]);
    expect((await punctualReporter.http('POST', '/api/reports', { periodId: period.id, items: [{ eventId: period.events[0].id, outcome: 'held', heldFrom: quarter.start, heldTo: quarter.start, attendance: { students: 25, teachers: 0, parents: 0, others: 0 } }] })).status).toBe(201);
    await system.until('the period opened notice', async () => ((await noticesOf(lateReporter, 'period_opened')).length ? true : undefined));

    // Three working days before the deadline, by the production calendar, at the start of the day in the issuer's zone.
    const remindAt = Date.parse(startOfDayIn(addWorkingDays(period.deadline, -3), 'Europe/Moscow'));
    await time.skipTo(remindAt - HOUR);
    expect(mailsTo('school2@school.example.ru', /Скоро срок отчёта/)).toEqual([]);
    await time.skipTo(remindAt + HOUR);
    const reminder = await mailTo('school2@school.example.ru', /Скоро срок отчёта/);
    expect(reminder.text).toContain(`Срок — ${formatRuDate(period.deadline)} включительно`);
    expect(reminder.text).toContain(`${system.baseUrl}/reports`);
    expect(await noticesOf(lateReporter, 'report_reminder')).toEqual([expect.objectContaining({ title: `Скоро срок отчёта: ${quarter.quarter} квартал ${quarter.year} г.`, link: '/reports' })]);
    // The school that reported hears nothing: no notice, no e-mail, and the analyst has no digest before the deadline.
    expect(await noticesOf(punctualReporter, 'report_reminder')).toEqual([]);
    expect(mailsTo('school1@school.example.ru', /Скоро срок отчёта/)).toEqual([]);
    expect(await noticesOf(analyst.session, 'overdue_digest')).toEqual([]);

    // The day after the deadline the period closes and the analyst gets one digest: counts, not lists.
    await time.skipTo(Date.parse(startOfDayIn(addDays(period.deadline, 1), 'Europe/Moscow')) + HOUR);
    const digest = await mailTo('petrova@minobr.example.ru', /Просрочены отчёты/);
    expect(digest.text).toContain(`истёк ${formatRuDate(period.deadline)}: не отчитались 1 из 2 организаций`);
    expect(digest.text).toContain(`${system.baseUrl}/monitoring?orderId=${order.id}`);
    expect(await noticesOf(analyst.session, 'overdue_digest')).toHaveLength(1);
    expect(mailsTo('school2@school.example.ru', /Скоро срок отчёта/)).toHaveLength(1);

    // The overdue list counts days to the issuer's today (the host's clock, before the deadline here): nobody yet,
    // and only the issuer's staff may ask (the days counted after a deadline: period-lateness.integration-spec.ts).
    const overdue = await analyst.session.http<PeriodOverdueDto>('GET', `/api/orders/${order.id}/periods/${period.id}/overdue`);
    expect(overdue).toMatchObject({ status: 200, body: { deadline: period.deadline, expected: 2, total: 0, items: [] } });
    expect((await lateReporter.http('GET', `/api/orders/${order.id}/periods/${period.id}/overdue`)).status).toBe(403);
  });
});
