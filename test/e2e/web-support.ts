import AxeBuilder from '@axe-core/playwright';
import type { Role } from '@eduplan/contracts';
import { natsClientEnv, repoRoot } from '@eduplan/infra';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runEduplanCli } from '../support/eduplan-cli';
import type { E2eSystem } from '../support/e2e-system';
import type { SignInAs } from '../support/http-session';

/** Debian's Chromium, never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const SCREENSHOTS = join(repoRoot, '.data', 'test-output', 'web');
/** The smallest office screen the UI is made for. */
export const VIEWPORT = { width: 1366, height: 768 };

export const launchChromium = (): Promise<Browser> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
};

/** An account with a password, made as the operator does it: `eduplan user add LOGIN --role … --password-stdin`. */
export async function addUserWithPassword(system: E2eSystem, account: { login: string; password: string; name: string; roles: Role[] }): Promise<void> {
  const args = ['user', 'add', account.login, '--role', account.roles.join(','), '--password-stdin', '--name', account.name];
  const run = await runEduplanCli(args, { ...system.env, ...natsClientEnv(system.env.NATS_URL!, system.natsUsers, 'cli') }, `${account.password}\n`);
  if (run.code !== 0) throw new Error(`eduplan user add ${account.login}: ${run.stderr || run.stdout}`);
}

/** One person at their own browser: a context of their own (cookies), a page, and the API with their session. */
export class Person {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /**
   * A person signed in as the tests of the API do (`E2eSystem.signIn`: an account made on the bus, a real sign-in
   * over HTTP), their browser holding that session's cookie.
   */
  static async signedIn(browser: Browser, system: E2eSystem, as: SignInAs, refusedByCsp: string[]): Promise<Person> {
    const session = await system.signIn(as);
    const person = await Person.open(browser, system.baseUrl, refusedByCsp);
    const [name, value] = session.cookie!.split(/=(.*)/s);
    await person.context.addCookies([{ name, value, url: system.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    return person;
  }

  static async open(browser: Browser, baseUrl: string, refusedByCsp: string[]): Promise<Person> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(message.text());
    });
    return new Person(context, page, baseUrl);
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
  }

  /** A JSON call with this person's session (what the page's own scripts do, for setting up what a test needs). */
  async api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await this.context.request.fetch(`${this.baseUrl}${path}`, { method, data: body, headers: { origin: this.baseUrl } });
    const text = await response.text();
    return { status: response.status(), body: (text && (response.headers()['content-type'] ?? '').includes('json') ? JSON.parse(text) : text) as T };
  }

  /**
   * Submits a form and waits for what follows it (`after`) or for the refusal the page shows in the form, which
   * then fails the test with its Russian text rather than a bare timeout.
   */
  async submit(form: string, after: string): Promise<void> {
    await this.page.click(`${form} button[type="submit"]`);
    const refusal = `${form} .error-message, ${form} .field-error`;
    await this.page.waitForSelector(`${after}, ${refusal}`);
    const shown = await this.page.locator(refusal).allTextContents();
    if (shown.length > 0) throw new Error(`${form} refused: ${shown.join(' | ')}`);
  }

  /** Picks an option of the kit's Select by its visible text. */
  async choose(selectId: string, option: string | RegExp): Promise<void> {
    await this.page.click(`#${selectId}`);
    await this.page.locator('[role="listbox"] [role="option"]', { hasText: option }).first().click();
    // The list closes with an animation: the next Select is clicked only once it is gone.
    await this.page.locator('[role="listbox"]').waitFor({ state: 'detached' });
  }

  /**
   * Checks one main screen as a person would meet it: a screenshot for the record, no horizontal scrolling at
   * 1366×768, and no serious or critical accessibility violation.
   */
  async screen(name: string): Promise<{ violations: string[]; horizontalScroll: boolean }> {
    await this.page.waitForLoadState('networkidle');
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    const horizontalScroll = await this.page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${name}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    return { violations, horizontalScroll };
  }
}
