import type { OrderDto, OrganizationDto, PlanDto } from '@eduplan/contracts';
import { FIXTURE_FILES, PLAN_FIXTURES } from '@eduplan/domain/testing';
import { natsClientEnv, repoRoot } from '@eduplan/infra';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { E2eSystem } from '../support/e2e-system';

jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(repoRoot, '.data', 'test-screenshots');
const PASSWORD = 'пароль-согласующего-1';

describe('web UI in headless Chromium against the running system', () => {
  let system: E2eSystem;
  let browser: Browser;
  let page: Page;
  /** What the browser refused under the gateway's CSP: must stay empty for the UI to work as built. */
  const cspViolations: string[] = [];

  beforeAll(async () => {
    // Always from the current sources, so the test never checks a stale build.
    execFileSync('npm', ['run', '-s', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    [system, browser] = await Promise.all([E2eSystem.start(), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    // The approver of the order below signs in to the page; the command line creates the account as an operator would.
    execFileSync(process.execPath, ['-r', '@swc-node/register', 'libs/cli/src/main.ts', 'user', 'add', 'ivanov', '--role', 'approver,editor', '--name', 'И.И. Иванов', '--password-stdin'], {
      cwd: repoRoot,
      env: { ...process.env, ...system.env, ...natsClientEnv(system.env.NATS_URL!, system.natsUsers, 'cli') },
      input: `${PASSWORD}\n`,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('asks to sign in first, refuses a wrong password in Russian, then shows who is signed in and in which role', async () => {
    await page.goto(`${system.baseUrl}/`);
    await page.waitForSelector('#login-form');
    expect(await page.$('#health-bar')).toBeNull();
    await page.fill('#login-form [name="login"]', 'ivanov');
    await page.fill('#login-form [name="password"]', 'не тот пароль');
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('#login-form .message.error');
    expect(await page.textContent('#login-form .message.error')).toBe('Неверный логин или пароль');
    await page.fill('#login-form [name="password"]', PASSWORD);
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('#signed-in');
    expect(await page.textContent('#signed-in .signed-in-name')).toBe('И.И. Иванов');
    expect(await page.textContent('#signed-in .signed-in-role')).toBe('согласующий, редактор');
    expect(await page.$('#user-id')).toBeNull();
  });

  it('shows every service, PostgreSQL and Temporal green in the status bar', async () => {
    await page.goto(`${system.baseUrl}/`);
    await page.waitForSelector('#health-bar[data-status="up"]');
    const parts = await page.$$eval('#health-bar .chip', (chips) => chips.map((c) => [c.getAttribute('data-part'), c.getAttribute('data-status')]));
    expect(parts).toEqual(
      ['plans', 'organizations', 'reporting', 'documents', 'worker', 'postgres', 'temporal'].map((part) => [part, 'up']),
    );
  });

  it('creates a ministry through the form and lists it', async () => {
    const name = 'Министерство образования Тверской области';
    await page.fill('#organization-form [name="name"]', name);
    await page.fill('#organization-form [name="shortName"]', 'Минобр Тверской обл.');
    await page.selectOption('#organization-form [name="kind"]', 'ministry');
    await page.click('#organization-form button[type="submit"]');
    await page.waitForSelector(`#organizations-table td:has-text("${name}")`);
    expect(await page.textContent('#organization-form .form-status')).toContain(`Создано: ${name}`);
    const listed = (await system.http<OrganizationDto[]>('GET', '/api/organizations')).body;
    expect(listed.map((o) => o.name)).toEqual([name]);
    await page.screenshot({ path: join(SCREENSHOTS, 'organizations.png'), fullPage: true });
  });

  it('shows an order made through the API with its workflow state in Russian, and takes a decision', async () => {
    const [ministry] = (await system.http<OrganizationDto[]>('GET', '/api/organizations')).body;
    const plan = (
      await system.http<PlanDto>('POST', '/api/plans', {
        title: 'Комплексный план мероприятий центров «Точка роста» на 2025/2026 учебный год',
        issuerId: ministry.id,
        period: { start: '2025-09-01', end: '2026-05-31' },
        sections: [
          {
            number: '1',
            title: 'Совместные мероприятия для обучающихся и педагогических работников',
            directionCode: 1,
            events: [
              { number: '1.1', title: 'Фестиваль «Точка роста»', deadline: 'Октябрь – ноябрь 2025', responsible: [{ name: 'Центры «Точка роста»' }] },
              { number: '1.2', title: 'Конкурс проектов', deadline: 'согласно отдельному графику', responsible: [{ name: 'ГБОУ ДПО ТОИУУ' }] },
            ],
          },
        ],
      })
    ).body;
    const order = (
      await system.http<OrderDto>('POST', '/api/orders', {
        planId: plan.id,
        kind: 'prikaz',
        title: 'Об утверждении комплексного плана мероприятий центров «Точка роста»',
        signatory: { userId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр образования Тверской области' },
      })
    ).body;
    const submitted = await system.http('POST', `/api/orders/${order.id}/submit`, {
      route: [{ name: 'Правовое управление', approvers: [{ userId: 'ivanov', name: 'И.И. Иванов', position: 'Начальник правового управления' }] }],
    });
    expect(submitted.status).toBe(202);

    await page.goto(`${system.baseUrl}/#/orders/${order.id}`);
    await page.waitForSelector('#order-state .badge[data-status="on_approval"]');
    expect(await page.textContent('#order-state .badge')).toBe('на согласовании');
    expect(await page.textContent('#order-state')).toContain('Правовое управление');

    expect(await page.textContent('#decision-form .acting-user')).toBe('И.И. Иванов');
    await page.selectOption('#decision-form [name="decision"]', 'approve');
    await page.click('#decision-form button[type="submit"]');
    await page.waitForSelector('#order-state .badge[data-status="signing"]');
    expect(await page.textContent('#order-state .badge')).toBe('на подписании');
    expect(await page.textContent('#order-state .decisions')).toContain('согласовано — И.И. Иванов');
    await page.waitForSelector('#sign-form');
    await page.screenshot({ path: join(SCREENSHOTS, 'order.png'), fullPage: true });

    await page.goto(`${system.baseUrl}/#/plans/${plan.id}`);
    await page.waitForSelector('.plan-table');
    expect(await page.textContent('.plan-table')).toContain('по внешнему графику');
    await page.screenshot({ path: join(SCREENSHOTS, 'plan.png'), fullPage: true });
  });

  it('imports a plan document through the page: preview first, the plan only on confirmation', async () => {
    await page.goto(`${system.baseUrl}/#/plans`);
    await page.waitForSelector('#plans-table table');
    const plansBefore = (await system.http<{ total: number }>('GET', '/api/plans')).body.total;

    await page.setInputFiles('#plan-import-form [name="file"]', join(PLAN_FIXTURES, FIXTURE_FILES.tver));
    await page.click('#plan-import-form button[type="submit"]');
    await page.waitForSelector('#import-confirm-form');
    expect(await page.textContent('#import-counts')).toBe('11 разделов, 57 мероприятий');
    expect(await page.textContent('#import-confirm-form')).toContain('Приказ № 1083/ПК');
    expect((await system.http<{ total: number }>('GET', '/api/plans')).body.total).toBe(plansBefore);
    await page.screenshot({ path: join(SCREENSHOTS, 'plan-import-preview.png'), fullPage: true });

    await page.click('#import-confirm-form button[type="submit"]');
    await page.waitForURL(/#\/plans\/[0-9a-f-]{36}$/);
    await page.waitForSelector('.plan-table');
    expect(await page.textContent('.plan-table')).toContain('Межрегиональный конкурс по 3D');

    const planId = page.url().split('/').pop()!;
    await page.goto(`${system.baseUrl}/#/plans`);
    const imported = page.locator('#plans-table tbody tr', { has: page.locator(`a[href="#/plans/${planId}"]`) });
    await imported.waitFor();
    expect(await imported.textContent()).toContain('11 / 57');
    expect(await page.textContent('#plans-table .pager')).toContain(`1–${plansBefore + 1} из ${plansBefore + 1}`);
  });

  it('drafts an order with its own points on the plan’s page and revises its text on the order’s page', async () => {
    const [ministry] = (await system.http<OrganizationDto[]>('GET', '/api/organizations')).body;
    const plan = (
      await system.http<PlanDto>('POST', '/api/plans', {
        title: 'Комплексный план мероприятий центров «IT-куб»',
        issuerId: ministry.id,
        period: { start: '2025-09-01', end: '2026-05-31' },
        sections: [{ number: '1', title: 'Совместные мероприятия', events: [{ number: '1.1', title: 'Хакатон', deadline: 'Ноябрь 2025' }] }],
      })
    ).body;
    await page.goto(`${system.baseUrl}/#/plans/${plan.id}`);
    await page.fill('#order-draft-form [name="title"]', 'Об утверждении комплексного плана мероприятий центров «IT-куб»');
    await page.fill('#order-draft-form [name="points"]', '1. Утвердить комплексный план (прилагается).\n2. Настоящий приказ вступает в силу со дня его подписания.');
    await page.fill('#order-draft-form [name="signatoryUserId"]', 'kalinina');
    await page.fill('#order-draft-form [name="signatoryName"]', 'О.Е. Калинина');
    await page.fill('#order-draft-form [name="signatoryPosition"]', 'Министр образования Тверской области');
    await page.click('#order-draft-form button[type="submit"]');
    await page.waitForURL(/#\/orders\/[0-9a-f-]{36}$/);
    const orderId = page.url().split('/').pop()!;
    await page.waitForSelector('#order-text-form');
    expect(await page.inputValue('#order-text-form [name="points"]')).toBe(
      'Утвердить комплексный план (прилагается).\nНастоящий приказ вступает в силу со дня его подписания.',
    );

    await page.fill('#order-text-form [name="basis"]', 'В соответствии с постановлением Правительства Тверской области от 17.10.2011 № 69-пп');
    await page.fill('#order-text-form [name="points"]', 'Утвердить комплексный план (прилагается).\nКонтроль за исполнением настоящего приказа возложить на заместителя министра.');
    await page.click('#order-text-form button[type="submit"]');
    await page.waitForSelector('#order-text-form .message.success');
    expect((await system.http<OrderDto>('GET', `/api/orders/${orderId}`)).body).toMatchObject({
      basis: 'В соответствии с постановлением Правительства Тверской области от 17.10.2011 № 69-пп',
      points: ['Утвердить комплексный план (прилагается).', 'Контроль за исполнением настоящего приказа возложить на заместителя министра.'],
    });
  });

  it('lists the orders with where each stands', async () => {
    await page.goto(`${system.baseUrl}/#/orders`);
    const row = page.locator('#orders-table tbody tr', { hasText: 'Об утверждении комплексного плана мероприятий центров «Точка роста»' });
    await row.waitFor();
    expect(await row.locator('.badge').textContent()).toBe('на подписании');
    await page.screenshot({ path: join(SCREENSHOTS, 'orders.png'), fullPage: true });
  });

  it('signs out: the page asks to sign in again and the old session is gone', async () => {
    await page.goto(`${system.baseUrl}/`);
    await page.click('#logout');
    await page.waitForSelector('#login-form');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'eduplan_session')).toBeUndefined();
  });

  it('has met no Content Security Policy refusal on any page of the UI', () => {
    expect(cspViolations).toEqual([]);
  });

  it('runs Swagger UI under the CSP: «Try it out» lists and creates organizations through the closed doors', async () => {
    const docs = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const refused: string[] = [];
    docs.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await docs.goto(`${system.baseUrl}/api/docs`);
    const tryOut = async (operationId: string, body?: string) => {
      const block = docs.locator(`#operations-organizations-${operationId}`);
      await block.locator('.opblock-summary').click();
      await block.locator('button.try-out__btn').click();
      if (body !== undefined) await block.locator('textarea.body-param__text').fill(body);
      await block.locator('button.execute').click();
      return (await block.locator('.live-responses-table tbody .response-col_status').first().textContent())?.trim();
    };
    expect(await tryOut('get_api_organizations')).toBe('200');
    expect(await tryOut('post_api_organizations', JSON.stringify({ name: 'Комитет, созданный из Swagger UI', kind: 'ministry' }))).toBe('201');
    expect((await system.http<OrganizationDto[]>('GET', '/api/organizations')).body.map((o) => o.name)).toContain('Комитет, созданный из Swagger UI');
    expect(refused).toEqual([]);
    await docs.close();
  });
});
