import { SmtpInbox } from '@eduplan/infra/testing';
import { databaseOptions, dropDatabase, ensureDatabase, loadConfig, runMigrations, testDatabaseUrl } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { database } from './database';
import { EmailOutbox } from './email-outbox';
import { NotificationStore } from './notification-store';
import { notificationsConfigSchema } from './notifications.config';

jest.setTimeout(60_000);

describe('e-mails of notices through a real SMTP server', () => {
  const url = testDatabaseUrl('email_outbox');
  let db: DataSource;
  let store: NotificationStore;
  let smtp: SmtpInbox;

  beforeAll(async () => {
    await ensureDatabase(url, { recreate: true });
    await runMigrations(databaseOptions(database, url));
    db = await new DataSource(databaseOptions(database, url)).initialize();
    store = new NotificationStore(db);
    smtp = await SmtpInbox.start();
  });

  afterAll(async () => {
    await smtp?.stop();
    await db?.destroy();
    await dropDatabase(url);
  });

  const outboxTo = (smtpUrl: string | undefined) =>
    new EmailOutbox(store, loadConfig(notificationsConfigSchema, { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://eduplan.minobr.example.ru/', EMAIL_POLL_MS: '600000' }));
  const emailRow = async (accountId: string) =>
    (await db.query(`SELECT email_status, email_attempts, email_error FROM notifications.notifications WHERE account_id = $1`, [accountId]))[0];
  const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> => {
    for (let waited = 0; waited < 100; waited++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('keeps the notice whatever the mail server says, tries a refused e-mail again, and sends it in Russian with the page\'s address', async () => {
    const accountId = randomUUID();
    const outbox = outboxTo(smtp.url);
    expect(outbox.enabled).toBe(true);
    smtp.refuse(1);
    await store.store([{ accountId, personId: null, factKey: 'signature:o1', kind: 'awaiting_signature', title: 'Приказ ждёт вашей подписи',
      text: 'Приказ «Об утверждении плана» согласован и ждёт вашей подписи. Откройте приказ и подпишите его электронной подписью.',
      link: '/orders/4f1c2c1e-0000-4000-8000-000000000001', email: 'minister@minobr.example.ru' }], outbox.enabled);
    expect((await store.page(accountId, 10, 0)).unread).toBe(1);

    outbox.onApplicationBootstrap();
    try {
      const failed = await until('the refused attempt recorded', async () => {
        const row = await emailRow(accountId);
        return row.email_attempts === 1 ? row : undefined;
      });
      expect(failed).toEqual({ email_status: 'pending', email_attempts: 1, email_error: expect.stringMatching(/451/) });
      expect(smtp.mails).toEqual([]);

      // Due again (instead of waiting the 30 s the first retry waits).
      await db.query(`UPDATE notifications.notifications SET email_next_at = now() WHERE account_id = $1`, [accountId]);
      outbox.kick();
      const mail = await until('the e-mail delivered', () => smtp.mails[0]);
      expect(mail.subject).toBe('eduplan: Приказ ждёт вашей подписи');
      expect(mail.text).toContain('подпишите его электронной подписью');
      expect(mail.text).toContain('Открыть: https://eduplan.minobr.example.ru/orders/4f1c2c1e-0000-4000-8000-000000000001');
      await until('the e-mail marked sent', async () => ((await emailRow(accountId)).email_status === 'sent' ? true : undefined));
      expect(await emailRow(accountId)).toEqual({ email_status: 'sent', email_attempts: 2, email_error: null });
    } finally {
      await outbox.onApplicationShutdown();
    }
  });

  it('without SMTP_URL sends nothing and owes nothing: the notice stays in the app', async () => {
    const accountId = randomUUID();
    const outbox = outboxTo('');
    expect(outbox.enabled).toBe(false);
    await store.store([{ accountId, personId: null, factKey: 'signature:o2', kind: 'awaiting_signature', title: 'Приказ ждёт вашей подписи', text: 'Текст', link: '/orders/x', email: 'minister@minobr.example.ru' }], outbox.enabled);
    outbox.onApplicationBootstrap();
    outbox.kick();
    expect(await emailRow(accountId)).toEqual({ email_status: 'none', email_attempts: 0, email_error: null });
    expect(await store.claimDueEmails(10)).toEqual([]);
    await outbox.onApplicationShutdown();
  });
});
