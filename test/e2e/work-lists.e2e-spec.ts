import type { OrderDto, OrganizationDto, Page, PersonDto, PlanDto, ReportingPeriodDto, TasksDto } from '@eduplan/contracts';
import { addDays, formatRuDate } from '@eduplan/domain';
import { E2eSystem } from '../support/e2e-system';
import type { HttpSession } from '../support/http-session';
import { lastQuarter } from '../support/last-quarter';

jest.setTimeout(240_000);

type Staff = { person: PersonDto; session: HttpSession };

/** «Мои задачи», the plans and orders lists and the registration journal, over HTTP with each person's own session. */
describe('what waits on each person, the lists and the journal, against running services', () => {
  let system: E2eSystem;
  let ministry: OrganizationDto;
  let center: OrganizationDto;
  let plan: PlanDto;
  let order: OrderDto;
  const quarter = lastQuarter();
  let lawyer: Staff;
  let financier: Staff;
  let substitute: Staff;
  let minister: Staff;

  const tasksOf = async (session: HttpSession) => {
    const answer = await session.http<TasksDto>('GET', '/api/tasks');
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const toDecide = async (staff: Staff) => (await tasksOf(staff.session)).toDecide.items.map((o) => o.id);
  /** The plans service learns of a stage's change from the workflow a moment later: wait until the person's list shows it. */
  const decidesWhen = (who: string, staff: Staff, expected: string[]) =>
    system.until(`${who}'s orders to decide: ${expected.length}`, async () => {
      const ids = await toDecide(staff);
      return JSON.stringify(ids) === JSON.stringify(expected) ? ids : undefined;
    });
  const orderStatus = (status: string) =>
    system.until(`the order ${status}`, async () => ((await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body.status === status ? true : undefined));

  beforeAll(async () => {
    system = await E2eSystem.start();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('sets the scene: a ministry, its center, a plan for the last quarter and an order with a two-stage route', async () => {
    ministry = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry', timeZone: 'Europe/Moscow' })).body;
    center = (
      await system.http<OrganizationDto>('POST', '/api/organizations', {
        name: 'МБОУ «Средняя школа № 7» (центр «Точка роста»)',
        kind: 'center',
        centerType: 'tochka_rosta',
        parentId: ministry.id,
      })
    ).body;
    lawyer = await system.employee(ministry.id, 'Иванов Иван Иванович', ['approver'], { positionTitle: 'Начальник правового управления' });
    financier = await system.employee(ministry.id, 'Сергеев Сергей Сергеевич', ['approver'], { positionTitle: 'Начальник финансового отдела' });
    substitute = await system.employee(ministry.id, 'Орлова Анна Павловна', ['approver'], { positionTitle: 'Заместитель начальника финансового отдела' });
    minister = await system.employee(ministry.id, 'Калинина Ольга Евгеньевна', ['signatory'], { position: 'minister', positionTitle: 'Министр образования Тверской области' });
    await system.registerSigner(minister.person.id);
    const today = new Date().toISOString().slice(0, 10);
    const substitution = await system.http('POST', `/api/people/${financier.person.id}/substitutions`, {
      substituteId: substitute.person.id,
      from: addDays(today, -1),
      to: addDays(today, 1),
      reason: 'отпуск',
    });
    expect(substitution.status).toBe(201);

    plan = (
      await system.http<PlanDto>('POST', '/api/plans', {
        title: 'Комплексный план мероприятий центров «Точка роста» Тверской области',
        issuerId: ministry.id,
        period: { start: quarter.start, end: quarter.end },
        sections: [
          {
            number: '1',
            title: 'Направление 1. Проведение совместных мероприятий для обучающихся и педагогических работников',
            events: [{ number: '1.1', title: 'Фестиваль робототехники', deadline: formatRuDate(addDays(quarter.end, -3)), responsible: [{ name: 'Центры «Точка роста»', organizationId: center.id }] }],
          },
        ],
      })
    ).body;
    order = (
      await system.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Об утверждении комплексного плана мероприятий центров «Точка роста»', signatoryId: minister.person.id })
    ).body;
    expect(order.status).toBe('draft');
  });

  it('shows the order to decide to the approvers of the active stage only, and to a substitute while the substitution lasts', async () => {
    const submitted = await system.http('POST', `/api/orders/${order.id}/submit`, {
      route: [
        { name: 'Правовое управление', approverIds: [lawyer.person.id] },
        { name: 'Финансовый отдел', approverIds: [financier.person.id] },
      ],
    });
    expect(submitted.status).toBe(202);
    await decidesWhen('the lawyer', lawyer, [order.id]);
    const lawyers = await tasksOf(lawyer.session);
    expect(lawyers.toDecide).toMatchObject({ count: 1, items: [{ id: order.id, title: order.title, status: 'on_approval' }] });
    expect([lawyers.toSign.count, lawyers.toRegister.count, lawyers.toRevise.count, lawyers.toReport.count, lawyers.overdue.count]).toEqual([0, 0, 0, 0, 0]);
    // The second stage is not active yet: neither its approver nor the one standing in for him has anything to decide.
    expect(await toDecide(financier)).toEqual([]);
    expect(await toDecide(substitute)).toEqual([]);

    expect((await lawyer.session.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 1 })).status).toBe(201);
    await decidesWhen('the lawyer', lawyer, []);
    await decidesWhen('the financier', financier, [order.id]);
    await decidesWhen('the financier\'s substitute', substitute, [order.id]);
    expect((await tasksOf(minister.session)).toSign.count).toBe(0);

    expect((await substitute.session.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 1 })).status).toBe(201);
    await decidesWhen('the financier', financier, []);
    await decidesWhen('the substitute', substitute, []);
  });

  it('shows the order to sign to the signatory it names, until signed', async () => {
    await orderStatus('signing');
    const ministers = await tasksOf(minister.session);
    expect(ministers.toSign).toMatchObject({ count: 1, items: [{ id: order.id, status: 'signing' }] });
    expect(ministers.toDecide.count).toBe(0);
    const deputy = await system.employee(ministry.id, 'Петров Пётр Петрович', ['signatory'], { position: 'deputy_minister' });
    expect((await tasksOf(deputy.session)).toSign.count).toBe(0);

    expect((await minister.session.http('POST', `/api/orders/${order.id}/sign`)).status).toBe(201);
    await orderStatus('in_force');
    expect((await tasksOf(minister.session)).toSign.count).toBe(0);
  });

  it('shows the center\'s reporter the report it owes until it is sent', async () => {
    const [period] = await system.until('the period open', async () => {
      const periods = (await system.http<ReportingPeriodDto[]>('GET', `/api/orders/${order.id}/periods`)).body;
      return periods.length ? periods : undefined;
    });
    const reporter = await system.signIn({ roles: ['reporter'], organizationId: center.id });
    const owed = await tasksOf(reporter);
    expect(owed.toReport).toEqual({
      count: 1,
      items: [{ periodId: period.id, orderId: order.id, planTitle: plan.title, year: quarter.year, quarter: quarter.quarter, deadline: period.deadline, missing: 1 }],
    });
    expect([owed.toDecide.count, owed.toSign.count]).toEqual([0, 0]);
    // A reporter of another center owes nothing.
    const other = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'МБОУ «Лицей № 2»', kind: 'center', centerType: 'tochka_rosta', parentId: ministry.id })).body;
    expect((await tasksOf(await system.signIn({ roles: ['reporter'], organizationId: other.id }))).toReport.count).toBe(0);

    // The deadline passes (moved in the database, as the clock cannot be): the report is overdue for the center, and
    // the ministry's analyst sees the period late with one center missing.
    const yesterday = addDays(new Date().toISOString().slice(0, 10), -1);
    await system.sql(`UPDATE reporting.periods SET deadline = $2 WHERE id = $1`, [period.id, yesterday]);
    expect((await tasksOf(reporter)).overdue).toMatchObject({ count: 1, items: [{ periodId: period.id, deadline: yesterday }] });
    const analyst = await system.employee(ministry.id, 'Белова Елена Игоревна', ['analyst'], { positionTitle: 'Консультант отдела мониторинга' });
    expect((await tasksOf(analyst.session)).overdue).toEqual({
      count: 1,
      items: [{ periodId: period.id, orderId: order.id, planTitle: plan.title, year: quarter.year, quarter: quarter.quarter, deadline: yesterday, missing: 1 }],
    });

    const sent = await reporter.http('POST', '/api/reports', {
      periodId: period.id,
      organizationId: center.id,
      items: [{ eventId: plan.sections[0].events[0].id, outcome: 'held', heldFrom: addDays(quarter.end, -3), heldTo: addDays(quarter.end, -3), attendance: { students: 30, teachers: 0, parents: 0, others: 0 } }],
    });
    expect(sent.status).toBe(201);
    expect((await tasksOf(reporter)).toReport).toEqual({ count: 0, items: [] });
    expect((await tasksOf(analyst.session)).overdue.count).toBe(0);
  });

  it('answers the registration journal to the issuer\'s staff in number order, and refuses another ministry\'s', async () => {
    const registered = (await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body;
    const year = Number(registered.registeredOn!.slice(0, 4));
    const registrar = await system.employee(ministry.id, 'Смирнова Мария Олеговна', ['registrar'], { positionTitle: 'Специалист отдела делопроизводства' });
    const journal = await registrar.session.http<Page<OrderDto>>('GET', `/api/journal?issuerId=${ministry.id}&kind=prikaz&year=${year}`);
    expect(journal.status).toBe(200);
    expect(journal.body).toMatchObject({ total: 1, items: [{ id: order.id, registrationNumber: registered.registrationNumber }] });
    expect((await registrar.session.http<Page<OrderDto>>('GET', `/api/journal?issuerId=${ministry.id}&year=${year - 1}`)).body.total).toBe(0);
    const elsewhere = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Самарской области', kind: 'ministry', timeZone: 'Europe/Samara' })).body;
    const stranger = await system.signIn({ roles: ['registrar'], organizationId: elsewhere.id });
    expect((await stranger.http('GET', `/api/journal?issuerId=${ministry.id}`)).status).toBe(403);
  });

  it('searches, filters, sorts and pages the plans and orders lists on the server', async () => {
    const second = (
      await system.http<PlanDto>('POST', '/api/plans', {
        title: 'Дорожная карта «Кванториум»',
        issuerId: ministry.id,
        period: { start: `${quarter.year + 1}-01-01`, end: `${quarter.year + 1}-12-31` },
        sections: [{ title: 'Направление 7. Профориентация', events: [] }],
      })
    ).body;
    const list = async <T extends { id: string }>(path: string) => {
      const answer = await system.http<Page<T>>('GET', path);
      expect(answer.status).toBe(200);
      return [answer.body.total, answer.body.items.map((item) => item.id)];
    };
    const plans = `/api/plans?issuerId=${ministry.id}`;
    expect(await list(`${plans}&q=${encodeURIComponent('кванториум')}`)).toEqual([1, [second.id]]);
    expect(await list(`${plans}&sort=title&dir=asc`)).toEqual([2, [second.id, plan.id]]);
    expect(await list(`${plans}&sort=title&dir=asc&limit=1&offset=1`)).toEqual([2, [plan.id]]);
    expect(await list(`${plans}&year=${quarter.year + 1}`)).toEqual([1, [second.id]]);
    expect(await list(`${plans}&status=draft`)).toEqual([1, [second.id]]);
    const registered = (await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body;
    expect(await list(`/api/orders?issuerId=${ministry.id}&q=${encodeURIComponent(registered.registrationNumber!)}`)).toEqual([1, [order.id]]);
    expect(await list(`/api/orders?issuerId=${ministry.id}&q=${encodeURIComponent('ТОЧКА РОСТА')}&sort=registered`)).toEqual([1, [order.id]]);
    const bad = await system.http<{ message: string }>('GET', '/api/orders?sort=number');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/sort: недопустимое значение «number»; допустимы: created, title, status, registered/);
  });

  it('refuses a list bound out of range and a visitor without a session', async () => {
    expect((await lawyer.session.http<{ message: string }>('GET', '/api/tasks?limit=500')).body.message).toMatch(/limit: не больше 50/);
    expect((await system.anonymous('GET', '/api/tasks')).status).toBe(401);
  });
});
