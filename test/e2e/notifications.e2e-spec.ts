import type { NotificationDto, NotificationPage, OrderDto, OrganizationDto, PersonDto, PlanDto } from '@eduplan/contracts';
import { addDays, formatRuDate } from '@eduplan/domain';
import { SmtpInbox } from '@eduplan/infra/testing';
import { E2eSystem } from '../support/e2e-system';
import type { HttpSession } from '../support/http-session';
import { lastQuarter } from '../support/last-quarter';

jest.setTimeout(300_000);

/**
 * DESIGN.md §7: the order's workflow and the reporting service only state facts on the bus; the notifications
 * service tells the people concerned, in the app and by e-mail (here a real SMTP server inside the test).
 */
describe('notifications in the app and by e-mail, fed by facts on the bus', () => {
  let system: E2eSystem;
  let smtp: SmtpInbox;
  let ministry: OrganizationDto;
  let order: OrderDto;
  let approver: { person: PersonDto; session: HttpSession };
  let minister: { person: PersonDto; session: HttpSession };
  let editor: { person: PersonDto; session: HttpSession };
  let reporter: HttpSession;
  const quarter = lastQuarter();

  const notices = async (session: HttpSession) => {
    const answer = await session.http<NotificationPage>('GET', '/api/notifications');
    expect(answer.status).toBe(200);
    return answer.body;
  };
  /** Waits for the person's notice of this kind (notices are stored as the facts arrive, a moment after the step). */
  const noticeOf = (session: HttpSession, kind: NotificationDto['kind'], count = 1) =>
    system.until(`${count} notice(s) «${kind}»`, async () => {
      const page = await notices(session);
      const found = page.items.filter((item) => item.kind === kind);
      return found.length >= count ? found : undefined;
    });
  const mailTo = (address: string, subject: RegExp) =>
    system.until(`an e-mail to ${address}`, async () =>
      smtp.to(address, subject)[0],
    );

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    system = await E2eSystem.start({ SMTP_URL: smtp.url, SMTP_FROM: 'eduplan <eduplan@minobr.example.ru>' });
    await system.until('every service up', async () => ((await system.anonymous('GET', '/health')).status === 200 ? true : undefined));
  });

  afterAll(async () => {
    await system?.stop();
    await smtp?.stop();
  });

  it('tells the approver of the stage an order is sent to, in the app and by e-mail with a link to the order', async () => {
    ministry = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry', timeZone: 'Europe/Moscow' })).body;
    const center = (
      await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'МБОУ «СОШ № 1» (центр «Точка роста»)', kind: 'center', centerType: 'tochka_rosta', parentId: ministry.id })
    ).body;
    approver = await system.employee(ministry.id, 'Иванов Иван Иванович', ['approver'], { positionTitle: 'Начальник правового управления', email: 'ivanov@minobr.example.ru' });
    minister = await system.employee(ministry.id, 'Калинина Ольга Евгеньевна', ['signatory'], { position: 'minister', positionTitle: 'Министр образования Тверской области', email: 'kalinina@minobr.example.ru' });
    editor = await system.employee(ministry.id, 'Смирнова Анна Петровна', ['editor'], { position: 'specialist', email: 'smirnova@minobr.example.ru' });
    reporter = await system.signIn({ roles: ['reporter'], organizationId: center.id, email: 'center1@school.example.ru' });
    await system.registerSigner(minister.person.id);

    const plan = (
      await system.http<PlanDto>('POST', '/api/plans', {
        title: 'Комплексный план мероприятий центров «Точка роста»',
        issuerId: ministry.id,
        period: { start: quarter.start, end: quarter.end },
        sections: [{ number: '1', title: 'Направление 1. Совместные мероприятия', events: [
          { number: '1.1', title: 'Конкурс по 3D-моделированию', deadline: formatRuDate(addDays(quarter.end, -5)), responsible: [{ name: 'Центры «Точка роста»', organizationId: center.id }] },
        ] }],
      })
    ).body;
    order = (
      await system.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Об утверждении комплексного плана мероприятий центров «Точка роста»', signatoryId: minister.person.id })
    ).body;
    const submitted = await system.http('POST', `/api/orders/${order.id}/submit`, { route: [{ name: 'Правовое управление', approverIds: [approver.person.id] }] });
    expect(submitted.status).toBe(202);

    const [notice] = await noticeOf(approver.session, 'approval_stage');
    expect(notice).toMatchObject({
      title: 'Приказ ждёт вашего согласования',
      text: expect.stringContaining('«Об утверждении комплексного плана мероприятий центров «Точка роста»»'),
      link: `/orders/${order.id}`,
      readAt: null,
    });
    expect(notice.text).toMatch(/этап «Правовое управление»/);
    expect((await notices(approver.session)).unread).toBe(1);

    // The person's e-mail in the registry (the account has none of its own), in Russian, with the page's address.
    const mail = await mailTo('ivanov@minobr.example.ru', /Приказ ждёт вашего согласования/);
    expect(mail.from?.text).toContain('eduplan@minobr.example.ru');
    expect(mail.text).toContain('примите решение');
    expect(mail.text).toContain(`${system.baseUrl}/orders/${order.id}`);
  });

  it('lets nobody else read or mark the approver\'s notice: a stranger\'s list is empty and the id is unknown to them', async () => {
    const [notice] = await noticeOf(approver.session, 'approval_stage');
    const stranger = await system.signIn({ roles: ['approver'], organizationId: ministry.id });
    expect(await notices(stranger)).toEqual({ items: [], total: 0, unread: 0 });
    const foreign = await stranger.http<{ message: string }>('POST', `/api/notifications/${notice.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toMatch(/не найден/);
    expect(await stranger.http('POST', '/api/notifications/read-all')).toMatchObject({ status: 201, body: { updated: 0 } });
    expect((await notices(approver.session)).unread).toBe(1);
    expect(await system.anonymous('GET', '/api/notifications')).toMatchObject({ status: 401 });

    const read = await approver.session.http<NotificationDto>('POST', `/api/notifications/${notice.id}/read`);
    expect(read).toMatchObject({ status: 201, body: { id: notice.id, readAt: expect.any(String) } });
    expect((await notices(approver.session)).unread).toBe(0);
    const audit = await system.http<{ items: { service: string; action: string; actorLogin: string }[] }>('GET', `/api/audit?service=notifications&objectId=${notice.id}`);
    expect(audit.body.items.map((entry) => [entry.service, entry.action])).toEqual([['notifications', 'notification.read']]);
  });

  it('tells the issuer\'s editors of a return, the approvers again of the new round, the signatory, the editors of the registration and the center\'s reporter of the period', async () => {
    const returned = await approver.session.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'return', comment: 'Уточнить сроки', version: 1 });
    expect(returned.status).toBe(201);
    const [back] = await noticeOf(editor.session, 'order_returned');
    expect(back.text).toMatch(/возвращён на доработку на этапе «Правовое управление»/);
    await mailTo('smirnova@minobr.example.ru', /Приказ возвращён на доработку/);

    expect((await system.http('POST', `/api/orders/${order.id}/resubmit`, { reapprove: 'all' })).status).toBe(201);
    await noticeOf(approver.session, 'approval_stage', 2);
    expect((await approver.session.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 2 })).status).toBe(201);

    const [sign] = await noticeOf(minister.session, 'awaiting_signature');
    expect(sign).toMatchObject({ title: 'Приказ ждёт вашей подписи', link: `/orders/${order.id}` });
    expect((await minister.session.http('POST', `/api/orders/${order.id}/sign`)).status).toBe(201);

    const [registered] = await noticeOf(editor.session, 'order_registered');
    expect(registered.text).toMatch(/подписан и зарегистрирован: № \S+ от \d{2}\.\d{2}\.\d{4}/);

    // The plan covers the quarter just ended: its period opens as the order comes into force.
    const [period] = await noticeOf(reporter, 'period_opened');
    expect(period).toMatchObject({ title: `Открыт отчётный период: ${quarter.quarter} квартал ${quarter.year} г.`, link: '/reports' });
    expect(period.text).toMatch(/Отправьте отчёт своей организации .* до \d{2}\.\d{2}\.\d{4} включительно/);
    const reporterMail = await mailTo('center1@school.example.ru', /Открыт отчётный период/);
    expect(reporterMail.text).toContain(`${system.baseUrl}/reports`);

    // Those not concerned hear nothing: the approver has only the two stage notices, the reporter nothing of the approval.
    expect((await notices(approver.session)).items.map((item) => item.kind)).toEqual(['approval_stage', 'approval_stage']);
    expect((await notices(reporter)).items.map((item) => item.kind)).toEqual(['period_opened']);
    expect(await editor.session.http('POST', '/api/notifications/read-all')).toMatchObject({ status: 201, body: { updated: 2 } });
    expect((await notices(editor.session)).unread).toBe(0);
  });
});
