import type { OrderDto, OrderWorkflowState, OrganizationDto, PersonDto, PlanDto, ReportingPeriodDto } from '@eduplan/contracts';
import { addDays, formatRuDate, quarterBounds, quarterOf, type QuarterNumber } from '@eduplan/domain';
import { FIXTURE_FILES, PLAN_FIXTURES } from '@eduplan/domain/testing';
import { repoRoot } from '@eduplan/infra';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { E2eSystem } from '../support/e2e-system';
import { addUserWithPassword, launchChromium, Person } from './web-support';

jest.setTimeout(180_000);

const PASSWORD = 'пароль-для-проверки-1';

/** The quarter before today's: already over, so its reporting period opens as soon as the order is in force. */
function lastQuarter() {
  const current = quarterOf(new Date().toISOString().slice(0, 10));
  const previous = quarterOf(addDays(quarterBounds(current.year, current.quarter).start, -1));
  return { ...previous, ...quarterBounds(previous.year, previous.quarter as QuarterNumber) };
}

/**
 * Each role at its own browser (Debian's Chromium, 1366×768) against the running system: the administrator sets up
 * the registry, the editor imports the Tver plan, links its «Ответственные», edits an event and drafts the order; two
 * approvers of one stage decide (a remark on a plan row, a return, a resubmission); the signatory signs; a center's
 * reporter files its report and sees no other center's events; the analyst watches the period and downloads the memo.
 * Every main screen is photographed and checked by axe.
 */
describe('the web application, role by role, in headless Chromium against the running system', () => {
  let system: E2eSystem;
  let browser: Browser;
  const refusedByCsp: string[] = [];
  const accessibility: string[] = [];
  const scrolling: string[] = [];
  const people: Record<'admin' | 'editor' | 'ivanov' | 'petrov' | 'signatory' | 'reporter' | 'analyst', Person> = {} as never;
  let ministry: OrganizationDto;
  const centers: OrganizationDto[] = [];
  const staff: Record<'kalinina' | 'ivanov' | 'petrov', PersonDto> = {} as never;
  let tverPlanId: string;
  let tverOrderId: string;

  const screen = async (person: Person, name: string) => {
    const { violations, horizontalScroll } = await person.screen(name);
    accessibility.push(...violations);
    if (horizontalScroll) scrolling.push(name);
  };
  const stateOf = async (orderId: string) => (await people.editor.api<OrderWorkflowState>('GET', `/api/orders/${orderId}/state`)).body;
  const stateWhen = (orderId: string, what: string, check: (s: OrderWorkflowState) => boolean) =>
    system.until(what, async () => {
      const answer = await people.editor.api<OrderWorkflowState>('GET', `/api/orders/${orderId}/state`);
      return answer.status === 200 && check(answer.body) ? answer.body : undefined;
    });

  beforeAll(async () => {
    // Always from the current sources, so the test never checks a stale build.
    execFileSync('npm', ['run', '-s', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
    [system, browser] = await Promise.all([E2eSystem.start(), launchChromium()]);
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    await addUserWithPassword(system, { login: 'admin', password: PASSWORD, name: 'Смирнова Анна Сергеевна', roles: ['admin'] });
    people.admin = await Person.open(browser, system.baseUrl, refusedByCsp);
    // The web build and seven service processes on a loaded two-core machine outlast the file's 3 minutes.
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('asks to sign in first, refuses a wrong password in Russian, then shows who is signed in and in which role', async () => {
    const { page } = people.admin;
    await people.admin.goto('/plans');
    await page.waitForSelector('#login-form');
    expect(await page.$('#signed-in')).toBeNull();
    await page.fill('#login', 'admin');
    await page.fill('#password', 'не тот пароль');
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('.sign-in-error');
    expect(await page.textContent('.sign-in-error')).toBe('Неверный логин или пароль');
    await screen(people.admin, 'sign-in');
    await page.fill('#password', PASSWORD);
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('#signed-in');
    expect(await page.textContent('#signed-in .signed-in-name')).toBe('Смирнова Анна Сергеевна');
    expect(await page.textContent('#signed-in .signed-in-role')).toBe('администратор');
    // The address asked for before signing in is kept.
    expect(new URL(page.url()).pathname).toBe('/plans');
  });

  it('shows every service, PostgreSQL and Temporal green on the system page', async () => {
    const { page } = people.admin;
    await page.click('#health-indicator');
    await page.waitForSelector('#health-bar[data-status="up"]');
    const parts = await page.$$eval('#health-bar .chip', (chips) => chips.map((c) => [c.getAttribute('data-part'), c.getAttribute('data-status')]));
    expect(parts).toEqual(['plans', 'organizations', 'reporting', 'documents', 'worker', 'notifications', 'postgres', 'temporal'].map((part) => [part, 'up']));
  });

  it('the administrator adds the ministry through the form; a missing name is refused at the field, in Russian', async () => {
    const { page } = people.admin;
    await people.admin.goto('/admin/organizations');
    await page.click('#organization-form button[type="submit"]');
    const nameError = page.locator('#new-org-name-error');
    await nameError.waitFor();
    expect(await nameError.textContent()).toMatch(/[А-Яа-яЁё]/);
    const name = 'Министерство образования Тверской области';
    await page.fill('#new-org-name', name);
    await page.fill('#new-org-short', 'Минобр Тверской обл.');
    await page.click('#organization-form button[type="submit"]');
    await page.waitForSelector(`#organizations-table td:has-text("${name}")`);
    expect(await page.textContent('#organization-form')).toContain(`Создано: ${name}`);
    ministry = (await people.admin.api<OrganizationDto[]>('GET', '/api/organizations')).body.find((o) => o.name === name)!;
    await screen(people.admin, 'admin-organizations');
    for (const [index, shortName] of ['СШ № 1', 'СШ № 2'].entries()) {
      const created = await people.admin.api<OrganizationDto>('POST', '/api/organizations', {
        name: `МБОУ «Средняя школа № ${index + 1}» (центр «Точка роста»)`,
        shortName,
        kind: 'center',
        centerType: 'tochka_rosta',
        parentId: ministry.id,
      });
      expect(created.status).toBe(201);
      centers.push(created.body);
    }
  });

  it('the administrator adds the minister and the approvers to the ministry’s staff', async () => {
    const { page } = people.admin;
    await people.admin.goto(`/admin/people?organizationId=${ministry.id}`);
    const add = async (fullName: string, position: string, title: string) => {
      await page.fill('#person-name', fullName);
      await people.admin.choose('person-position', position);
      await page.fill('#person-title', title);
      await page.click('#person-form button[type="submit"]');
      await page.waitForSelector(`#people-table td:has-text("${fullName}")`);
    };
    await add('Калинина Ольга Евгеньевна', 'Министр', 'Министр образования Тверской области');
    await add('Иванов Иван Иванович', 'Юрист', 'Начальник правового управления');
    await add('Петров Пётр Петрович', 'Заместитель министра', 'Заместитель министра образования Тверской области');
    await screen(people.admin, 'admin-people');
    const listed = (await people.admin.api<PersonDto[]>('GET', `/api/organizations/${ministry.id}/people`)).body;
    const find = (surname: string) => listed.find((p) => p.fullName.startsWith(surname))!;
    Object.assign(staff, { kalinina: find('Калинина'), ivanov: find('Иванов'), petrov: find('Петров') });

    await people.admin.goto('/admin/audit');
    await page.waitForSelector('#audit-table table');
    await screen(people.admin, 'admin-audit');

    // Their accounts and sessions, as the tests of the API make them, and the minister's signing key.
    const accounts = [
      { key: 'editor', login: 'editor', name: 'Сергеева Мария Ивановна', roles: ['editor'], organizationId: ministry.id },
      { key: 'ivanov', login: 'ivanov', name: 'И.И. Иванов', roles: ['approver'], organizationId: ministry.id, personId: staff.ivanov.id },
      { key: 'petrov', login: 'petrov', name: 'П.П. Петров', roles: ['approver'], organizationId: ministry.id, personId: staff.petrov.id },
      { key: 'signatory', login: 'kalinina', name: 'О.Е. Калинина', roles: ['signatory'], organizationId: ministry.id, personId: staff.kalinina.id },
      { key: 'reporter', login: 'center1', name: 'Отчёты СШ № 1', roles: ['reporter'], organizationId: centers[0].id },
      { key: 'analyst', login: 'analyst', name: 'Орлова Елена Викторовна', roles: ['analyst'], organizationId: ministry.id },
    ] as const;
    for (const { key, ...account } of accounts) {
      people[key] = await Person.signedIn(browser, system, { ...account, roles: [...account.roles] }, refusedByCsp);
      await people[key].goto('/');
      await people[key].page.waitForSelector('#signed-in');
    }
    await system.registerSigner(staff.kalinina.id);

    await people.admin.goto('/admin/accounts?query=ivanov');
    await page.waitForSelector('#accounts-table td:has-text("ivanov")');
    await page.click('#accounts-table button:has-text("Изменить ivanov")');
    await page.waitForSelector('#account-editor');
    expect(await page.textContent('#account-editor')).toContain('Учётная запись ivanov');
    await screen(people.admin, 'admin-accounts');
  });

  it('the editor imports the Tver plan: preview first, the plan only on confirmation, then links its «Ответственные»', async () => {
    const editor = people.editor;
    const { page } = editor;
    await screen(editor, 'editor-tasks');
    await editor.goto('/plans');
    await page.click('text=Импортировать план');
    await page.setInputFiles('#plan-file', join(PLAN_FIXTURES, FIXTURE_FILES.tver));
    await editor.choose('plan-issuer', 'Минобр Тверской обл.');
    await page.click('#plan-import-form button[type="submit"]');
    await page.waitForSelector('#import-confirm-form');
    expect(await page.textContent('#import-counts')).toBe('11 разделов, 57 мероприятий');
    expect(await page.textContent('#import-document')).toContain('Приказ № 1083/ПК');
    expect((await editor.api<{ total: number }>('GET', '/api/plans')).body.total).toBe(0);
    await screen(editor, 'editor-plan-import-preview');

    await page.click('#import-confirm-form button:has-text("Создать план")');
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}\?tab=responsible/);
    tverPlanId = new URL(page.url()).pathname.split('/').pop()!;
    await page.waitForSelector('#responsible-review');
    await screen(editor, 'editor-plan-responsible');
    // Every string the registry does not know is marked as not reporting (they are the ministry's partners).
    for (let left = await page.locator('.unresolved').count(); left > 0; left = await page.locator('.unresolved').count()) {
      const first = page.locator('.unresolved').first();
      const selectId = await first.locator('button[id^="unresolved-"]').getAttribute('id');
      await editor.choose(selectId!, 'не отчитывается');
      await first.locator('button:has-text("Сохранить")').click();
      await page.locator('.unresolved').nth(left - 1).waitFor({ state: 'detached' });
    }
    expect(await page.textContent('#unresolved-title')).toBe('Все ответственные сопоставлены');
  });

  it('the editor changes an event in the plan editor: a new version, and the diff says what changed', async () => {
    const editor = people.editor;
    const { page } = editor;
    await editor.goto(`/plans/${tverPlanId}`);
    const row = page.locator('#plan-table tbody tr[data-event-id]').first();
    await row.waitFor();
    const version = Number(await page.textContent('#plan-version'));
    await row.locator('button[aria-label^="Действия с мероприятием"]').click();
    await page.locator('[role="menuitem"]', { hasText: 'Изменить' }).click();
    const title = page.locator('.event-form textarea[id$="-title"]');
    await title.fill('');
    await page.click('.event-form button[type="submit"]');
    await page.locator('.event-form .field-error').first().waitFor();
    await title.fill('Межрегиональный конкурс по 3D-моделированию «Цифровой регион»');
    await page.click('.event-form button[type="submit"]');
    await page.waitForSelector('text=Мероприятие сохранено');
    expect(Number(await page.textContent('#plan-version'))).toBe(version + 1);
    expect(await row.locator('.event-title').textContent()).toBe('Межрегиональный конкурс по 3D-моделированию «Цифровой регион»');
    await screen(editor, 'editor-plan-editor');

    await page.click('[role="tab"]:has-text("Версии")');
    await page.click('button:has-text("Показать изменения")');
    await page.waitForSelector('#plan-diff');
    expect(await page.textContent('#plan-diff')).toContain('«Цифровой регион»');
    await screen(editor, 'editor-plan-versions');
  });

  it('the editor drafts the order with its signatory chosen from the staff, then sends it to one stage of two approvers', async () => {
    const editor = people.editor;
    const { page } = editor;
    await editor.goto(`/plans/${tverPlanId}?tab=order`);
    await page.fill('#order-title', 'Об утверждении комплексного плана мероприятий центров «Точка роста» на 2023/2024 учебный год');
    await page.fill('#order-points', '1. Утвердить комплексный план (прилагается).\n2. Настоящий приказ вступает в силу со дня его подписания.');
    await editor.choose('order-signatory', 'Калинина Ольга Евгеньевна');
    await page.click('#order-draft-form button[type="submit"]');
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    tverOrderId = new URL(page.url()).pathname.split('/').pop()!;
    await page.waitForSelector('#order-text-form');
    expect(await page.inputValue('#text-points')).toBe('Утвердить комплексный план (прилагается).\nНастоящий приказ вступает в силу со дня его подписания.');
    expect(await page.textContent('#order-facts')).toContain('О.Е. Калинина, Министр образования Тверской области');

    await page.fill('#text-basis', 'В соответствии с постановлением Правительства Тверской области от 17.10.2011 № 69-пп');
    await page.click('#order-text-form button[type="submit"]');
    await page.waitForSelector('#order-text-form >> text=Текст сохранён');
    expect((await editor.api<OrderDto>('GET', `/api/orders/${tverOrderId}`)).body.basis).toBe('В соответствии с постановлением Правительства Тверской области от 17.10.2011 № 69-пп');

    await editor.choose('stage-0-approver-0', 'Иванов Иван Иванович');
    await page.click('#approval-route-form button:has-text("+ согласующий")');
    await editor.choose('stage-0-approver-1', 'Петров Пётр Петрович');
    await screen(editor, 'editor-order-draft');
    await editor.submit('#approval-route-form', '#order-state');
    await page.waitForSelector('.order-status[data-status="on_approval"]');
  });

  it('the approver’s bell counts the order sent to them; the notifications page says what to do and leads to the order', async () => {
    const ivanov = people.ivanov;
    const { page } = ivanov;
    // The notice is stored a moment after the workflow states that the stage started.
    for (let waited = 0; (await ivanov.api<{ unread: number }>('GET', '/api/notifications')).body.unread < 1; waited++) {
      if (waited > 100) throw new Error('no notice for the approver');
      await page.waitForTimeout(300);
    }
    await ivanov.goto('/notifications');
    await page.waitForSelector('#notification-count:text("1")');
    expect(await page.getAttribute('#notification-bell', 'aria-label')).toBe('Уведомления: 1 непрочитанное');
    await page.waitForSelector('.notification.unread');
    expect(await page.textContent('.notification.unread')).toContain('Приказ ждёт вашего согласования');
    await screen(ivanov, 'approver-notifications');
    await page.click('.notification.unread a:has-text("Открыть приказ")');
    await page.waitForURL(`**/orders/${tverOrderId}`);
    await page.waitForSelector('#notification-count', { state: 'detached' });
  });

  it('the first approver finds it in «Мои задачи» and decides beside the draft, with a remark on a plan row', async () => {
    const ivanov = people.ivanov;
    const { page } = ivanov;
    await ivanov.goto('/');
    await page.waitForSelector('#counter-to-decide strong:text("1")');
    await screen(ivanov, 'approver-tasks');
    await page.click(`#to-decide a[href="/orders/${tverOrderId}"]`);
    await page.waitForSelector('#decision-form');
    expect(await page.textContent('#decision-form .acting-user')).toBe('И.И. Иванов');
    await page.click('#draft-preview button:has-text("Сформировать проект в PDF")');
    // Rendering the Tver plan's draft takes seconds, and tens of them on a loaded machine.
    await page.waitForSelector('#draft-pdf-link', { timeout: 120_000 });
    await page.click('#decision-form label:has-text("Согласовать с замечаниями")');
    await ivanov.choose('remark-row', 'Межрегиональный конкурс по 3D-моделированию «Цифровой регион»');
    await page.fill('#remark-text', 'уточнить сроки отборочного этапа');
    await page.click('#remark-add');
    await page.waitForSelector('#draft-remarks li');
    await screen(ivanov, 'approver-order-card');
    await page.click('#decision-form button[type="submit"]');
    await page.waitForSelector('#order-state .decision-approve_with_remarks');
    expect(await page.textContent('#order-state .decisions')).toMatch(/К строке [\d.]+ Межрегиональный конкурс по 3D-моделированию «Цифровой регион»: уточнить сроки отборочного этапа/);
    // The remark stands on its plan row in the round it was made in.
    const remarkRow = page.locator('#order-remarks [data-round="1"] tr', { hasText: 'Межрегиональный конкурс по 3D-моделированию «Цифровой регион»' });
    expect(await remarkRow.textContent()).toContain('И.И. Иванов (согласовано с замечаниями): уточнить сроки отборочного этапа');
  });

  it('the second approver returns it; a return without a remark is refused at the field; the editor resubmits', async () => {
    const petrov = people.petrov;
    const { page } = petrov;
    await petrov.goto(`/orders/${tverOrderId}`);
    await page.waitForSelector('#decision-form');
    await page.click('#decision-form label:has-text("Вернуть на доработку")');
    await page.click('#decision-form button[type="submit"]');
    const refusal = page.locator('#decision-form .error-message, #decision-comment-error').first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[А-Яа-яЁё]/);
    await page.fill('#decision-comment', 'приложить смету расходов');
    await page.click('#decision-form button[type="submit"]');
    await page.waitForSelector('.order-status[data-status="returned"]');

    const editor = people.editor;
    await editor.goto(`/orders/${tverOrderId}`);
    await editor.page.waitForSelector('#resubmit-form');
    await editor.choose('reapprove', 'все согласующие');
    await editor.page.fill('#resubmit-comment', 'смета приложена');
    await screen(editor, 'editor-order-returned');
    await editor.page.click('#resubmit-form button[type="submit"]');
    await editor.page.waitForSelector('.order-status[data-status="on_approval"]');
    expect((await stateOf(tverOrderId)).round).toBe(2);

    for (const approver of [people.ivanov, people.petrov]) {
      await approver.goto(`/orders/${tverOrderId}`);
      await approver.page.waitForSelector('#decision-form');
      await approver.page.click('#decision-form button[type="submit"]');
      await approver.page.waitForSelector('#decision-form', { state: 'detached' });
    }
    await stateWhen(tverOrderId, 'signing', (s) => s.status === 'signing');
  });

  it('the signatory signs after confirming; the order is registered', async () => {
    const signatory = people.signatory;
    const { page } = signatory;
    await signatory.goto('/');
    await page.waitForSelector('#counter-to-sign strong:text("1")');
    await signatory.goto(`/orders/${tverOrderId}`);
    await page.waitForSelector('#sign-form');
    await screen(signatory, 'signatory-order-card');
    await page.click('#sign-button');
    await page.click('[role="dialog"] button:has-text("Подписать")');
    const signed = await stateWhen(tverOrderId, 'signed and registered', (s) => s.registrationNumber !== null);
    await page.waitForSelector(`#order-state >> text=рег. № ${signed.registrationNumber}`);
    await page.waitForSelector('#documents-table >> text=подписан ЭП');
    await screen(signatory, 'signatory-order-signed');
  });

  it('a center reporter files its quarterly report and sees no other center’s events; the analyst sees it and downloads the memo', async () => {
    // A plan for the quarter just over, an event for each center; approved and signed over the API by the same people.
    const quarter = lastQuarter();
    const plan = (
      await people.editor.api<PlanDto>('POST', '/api/plans', {
        title: 'План мероприятий центров «Точка роста» на квартал',
        issuerId: ministry.id,
        period: { start: quarter.start, end: quarter.end },
        sections: [
          {
            number: '1',
            title: 'Совместные мероприятия для обучающихся',
            directionCode: 1,
            events: [
              { number: '1.1', title: 'Фестиваль робототехники', deadline: formatRuDate(addDays(quarter.start, 10)), responsible: [{ name: 'СШ № 1', organizationId: centers[0].id }] },
              { number: '1.2', title: 'Хакатон по программированию', deadline: formatRuDate(addDays(quarter.start, 20)), responsible: [{ name: 'СШ № 2', organizationId: centers[1].id }] },
            ],
          },
        ],
      })
    ).body;
    const order = (
      await people.editor.api<OrderDto>('POST', '/api/orders', {
        planId: plan.id,
        kind: 'prikaz',
        title: 'Об утверждении плана мероприятий центров «Точка роста» на квартал',
        signatoryId: staff.kalinina.id,
      })
    ).body;
    const route = [{ name: 'Правовое управление', approverIds: [staff.ivanov.id] }];
    expect((await people.editor.api('POST', `/api/orders/${order.id}/submit`, { route })).status).toBe(202);
    expect((await people.ivanov.api('POST', `/api/orders/${order.id}/decisions`, { decision: 'approve', version: 1 })).status).toBe(201);
    await stateWhen(order.id, 'signing', (s) => s.status === 'signing');
    expect((await people.signatory.api('POST', `/api/orders/${order.id}/sign`)).status).toBe(201);
    await stateWhen(order.id, 'a reporting period open', (s) => s.status === 'in_force' && s.periods.some((p) => p.status === 'open'));
    // The analyst's dashboard before any report: both centers owe, nothing is held yet.
    const analyst = people.analyst;
    await analyst.goto(`/monitoring?orderId=${order.id}`);
    await analyst.page.waitForSelector('#monitoring-dynamics >> text=сдано 0 из 2');
    expect(await analyst.page.textContent('#by-direction tbody')).toContain('0 из 2 (0%)');

    const reporter = people.reporter;
    const { page } = reporter;
    // Its center may owe the Tver order's periods too (a group of its type): the counter shows every period still owed.
    const owed = (await reporter.api<{ items: { reportId: string | null }[] }>('GET', '/api/reports/due?limit=100')).body.items.filter((p) => p.reportId === null);
    expect(owed.length).toBeGreaterThanOrEqual(1);
    await reporter.goto('/');
    await page.waitForSelector(`#counter-to-report strong:text("${owed.length}")`);
    await screen(reporter, 'reporter-tasks');
    await reporter.goto('/reports');
    const periodId = (await stateWhen(order.id, 'its period', (s) => s.periods.some((p) => p.periodId !== null))).periods.find((p) => p.periodId !== null)!.periodId!;
    const form = `#report-form-${periodId}`;
    await page.waitForSelector(form);
    expect(await page.textContent(form)).toContain('Фестиваль робототехники');
    expect(await page.textContent('main')).not.toContain('Хакатон по программированию');
    // The form's controls are labelled; a refusal is shown at the field it concerns, in Russian.
    const field = (name: string) => `#report-${periodId}-0-${name}`;
    expect(await page.textContent(`label[for="report-${periodId}-0-students"]`)).toBe('Обучающихся');
    await page.fill(field('held-from'), addDays(quarter.start, -3));
    await page.fill(field('students'), '-5');
    await page.fill(field('teachers'), '3');
    await page.fill(field('comment'), 'Приняли участие 4 школы района');
    await page.fill(field('links'), 'https://sh1.example.ru/news/festival');
    // Even a draft keeps counts within bounds: refused at the field; corrected, it is saved on the server.
    await page.click(`${form} button:has-text("Сохранить черновик")`);
    const studentsError = page.locator(`#report-${periodId}-0-students-error`);
    await studentsError.waitFor();
    expect(await studentsError.textContent()).toMatch(/не меньше 0/);
    await page.fill(field('students'), '42');
    await page.click(`${form} button:has-text("Сохранить черновик")`);
    await page.waitForSelector(`${form} >> text=Черновик сохранён`);
    await screen(reporter, 'reporter-report-form');
    // A date outside the period's quarter is caught on sending.
    await page.click(`#report-submit-${periodId}`);
    await page.click('[role="dialog"] button:has-text("Отправить")');
    const heldFromError = page.locator(`#report-${periodId}-0-held-from-error`);
    await heldFromError.waitFor();
    expect(await heldFromError.textContent()).toMatch(/вне \d квартала \d{4} г\./);
    await page.fill(field('held-from'), addDays(quarter.start, 10));
    await page.click(`#report-submit-${periodId}`);
    await page.click('[role="dialog"] button:has-text("Отправить")');
    await page.waitForSelector('text=принят');
    // A sent report is corrected with a reason; the revisions say who changed it and why.
    await reporter.goto('/reports');
    const sent = page.locator('#earlier-reports li.report').first();
    await sent.locator('button:has-text("Исправить")').click();
    const reportId = await sent.getAttribute('data-report-id');
    await page.fill(`#correction-${reportId}-0-students`, '44');
    await page.fill(`#correction-${reportId}-reason`, 'Пересчитали участников по журналу');
    await page.click(`#correction-submit-${reportId}`);
    await page.click('[role="dialog"] button:has-text("Отправить")');
    await page.waitForSelector('text=Исправление отчёта');
    await page.waitForSelector('text=принято (редакция 2)');
    await sent.locator('button:has-text("Открыть")').click();
    await page.waitForSelector('text=Пересчитали участников по журналу');
    // The other center's report is not this reporter's to file.
    const periods = (await people.editor.api<ReportingPeriodDto[]>('GET', `/api/orders/${order.id}/periods`)).body;
    expect(periods[0].expected.map((e) => [e.organizationId, e.submitted])).toEqual(
      expect.arrayContaining([
        [centers[0].id, true],
        [centers[1].id, false],
      ]),
    );

    // The dashboard after the report: the quarter, the direction and the center type count it, with its participants.
    await analyst.goto(`/monitoring?orderId=${order.id}`);
    await analyst.page.waitForSelector('#monitoring-dynamics >> text=сдано 1 из 2');
    expect(await analyst.page.textContent('#by-direction tbody')).toContain('1 из 2 (50%)');
    expect(await analyst.page.textContent('#by-center-type tbody')).toContain('47');
    const [table] = await Promise.all([analyst.page.waitForEvent('download'), analyst.page.click('#by-direction-export')]);
    expect(table.suggestedFilename()).toMatch(/^показатели-по-направлениям-.*\.xlsx$/);
    // «Who is late» leads to the quarter's list of organizations, those owing first.
    await analyst.page.click('#monitoring-dynamics a[href^="#period-reports-"]');
    // The ministry reads the center's report as it was sent and why it was corrected.
    await analyst.page.click('#monitoring-quarters .period-reports li.ok button:has-text("Открыть отчёт")');
    await analyst.page.waitForSelector('#monitoring-quarters .period-reports .organization-report >> text=1.1. Фестиваль робототехники');
    await analyst.page.waitForSelector('#monitoring-quarters >> text=Пересчитали участников по журналу');
    expect(await analyst.page.textContent('#monitoring-quarters .period-reports')).toContain('отчёта нет');
    await screen(analyst, 'analyst-monitoring');
    await analyst.goto(`/orders/${order.id}`);
    await analyst.page.click('button:has-text("Закрыть период досрочно")');
    await analyst.page.click('[role="dialog"] button:has-text("Закрыть период")');
    await stateWhen(order.id, 'the memo written', (s) => s.periods.every((p) => p.memoDocumentId !== null));
    await analyst.goto(`/monitoring?orderId=${order.id}`);
    const memo = analyst.page.locator('#monitoring-memos a').first();
    await memo.waitFor();
    const [download] = await Promise.all([analyst.page.waitForEvent('download'), memo.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await screen(analyst, 'analyst-monitoring-memo');
  });

  it('lists plans and orders with their state kept in the address, and opens a deep link after a reload', async () => {
    const editor = people.editor;
    const { page } = editor;
    await editor.goto(`/orders?issuerId=${ministry.id}`);
    const row = page.locator('#orders-table tr', { hasText: 'на 2023/2024 учебный год' });
    await row.waitFor();
    expect(await row.locator('.order-status').getAttribute('data-status')).toMatch(/signed|in_force/);
    await screen(editor, 'editor-orders');
    await editor.goto('/plans');
    await page.waitForSelector('#plans-table table');
    await screen(editor, 'editor-plans');
    // The server searches: a reload keeps the search in the address and shows the one plan it finds.
    await page.fill('#plans-q', 'НА КВАРТАЛ');
    await page.waitForURL(/q=/);
    await page.waitForSelector('#plans-table .pager-range:text("1–1 из 1")');
    await page.reload();
    await page.waitForSelector('#plans-table .pager-range:text("1–1 из 1")');
    expect(await page.inputValue('#plans-q')).toBe('НА КВАРТАЛ');
    expect(await page.textContent('#plans-table table')).toContain('на квартал');
    await editor.goto('/journal');
    await page.waitForSelector('#journal-table table');
  });

  it('works without a mouse: signs in, skips to the page and opens a section with Tab and Enter, focus always visible', async () => {
    const keyboard = await Person.open(browser, system.baseUrl, refusedByCsp);
    const { page } = keyboard;
    /** Presses Tab until the focused element matches, as a person would (never more than a screen's controls). */
    const tabTo = async (what: string, matches: string) => {
      for (let presses = 0; presses < 40; presses += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(matches)}) ?? false`)) {
          // A kit text field shows focus on the field around its <input>.
          const outline = await page.evaluate<string>("getComputedStyle(document.activeElement.closest('.g-text-input, .g-text-area') ?? document.activeElement).outlineStyle");
          expect({ what, outline }).not.toEqual({ what, outline: 'none' });
          return;
        }
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await keyboard.goto('/admin/organizations');
    await page.waitForSelector('#login-form');
    await tabTo('the login field', '#login');
    await page.keyboard.type('admin');
    await tabTo('the password field', '#password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#signed-in');
    await tabTo('the skip link', '.skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('main');
    await page.keyboard.press('Shift+Tab');
    await tabTo('the «Сотрудники» section', 'nav a[href="/admin/people"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/people$/);
    await page.locator('main h1', { hasText: 'Сотрудники' }).waitFor();
    await keyboard.context.close();
  });

  it('signs out: the page asks to sign in again and the session cookie is gone', async () => {
    const { page, context } = people.editor;
    await page.click('#logout');
    await page.waitForSelector('#login-form');
    expect((await context.cookies()).find((c) => c.name === 'eduplan_session')).toBeUndefined();
  });

  it('runs Swagger UI under the CSP: «Try it out» lists organizations through the closed doors', async () => {
    const docs = await people.admin.context.newPage();
    const refused: string[] = [];
    docs.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await docs.goto(`${system.baseUrl}/api/docs`);
    const block = docs.locator('#operations-organizations-get_api_organizations');
    await block.locator('.opblock-summary').click();
    await block.locator('button.try-out__btn').click();
    await block.locator('button.execute').click();
    expect((await block.locator('.live-responses-table tbody .response-col_status').first().textContent())?.trim()).toBe('200');
    expect(refused).toEqual([]);
    await docs.close();
  });

  it('met no Content Security Policy refusal, no horizontal scrolling at 1366×768 and no serious or critical axe violation', () => {
    expect(refusedByCsp).toEqual([]);
    expect(scrolling).toEqual([]);
    expect(accessibility).toEqual([]);
  });
});
