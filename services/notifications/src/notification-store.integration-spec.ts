import { databaseOptions, dropDatabase, ensureDatabase, runMigrations, testDatabaseUrl } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { database } from './database';
import { NotificationStore, type NewNotice } from './notification-store';

jest.setTimeout(60_000);

describe('notification store against PostgreSQL', () => {
  const url = testDatabaseUrl('notification_store');
  let db: DataSource;
  let store: NotificationStore;

  beforeAll(async () => {
    await ensureDatabase(url, { recreate: true });
    await runMigrations(databaseOptions(database, url));
    db = await new DataSource(databaseOptions(database, url)).initialize();
    store = new NotificationStore(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(url);
  });

  const notice = (accountId: string, factKey: string, email: string | null = null): NewNotice => ({
    accountId,
    personId: null,
    factKey,
    kind: 'approval_stage',
    title: 'Приказ ждёт вашего согласования',
    text: `Приказ по факту ${factKey}`,
    link: '/orders/1',
    email,
  });

  it('keeps one notice per account per fact however often the fact is heard, newest first with the unread count', async () => {
    const [anna, boris] = [randomUUID(), randomUUID()];
    expect(await store.store([notice(anna, 'stage:o1:1:0'), notice(boris, 'stage:o1:1:0')], false)).toBe(2);
    expect(await store.store([notice(anna, 'stage:o1:1:0'), notice(boris, 'stage:o1:1:0')], false)).toBe(0);
    expect(await store.store([notice(anna, 'stage:o1:1:1')], false)).toBe(1);

    const page = await store.page(anna, 50, 0);
    expect(page).toMatchObject({ total: 2, unread: 2 });
    expect(page.items.map((item) => item.text)).toEqual(['Приказ по факту stage:o1:1:1', 'Приказ по факту stage:o1:1:0']);
    expect(await store.page(anna, 1, 1)).toMatchObject({ total: 2, unread: 2, items: [expect.objectContaining({ text: 'Приказ по факту stage:o1:1:0' })] });
    expect((await store.page(boris, 50, 0)).total).toBe(1);
  });

  it('marks read only the account\'s own notice; another account\'s id is unknown to it and stays unread; each mark is audited once', async () => {
    const owner = { accountId: randomUUID(), login: 'ivanov' };
    const stranger = { accountId: randomUUID(), login: 'stranger' };
    await store.store([notice(owner.accountId, 'returned:o2:1'), notice(owner.accountId, 'signature:o2')], false);
    const [latest] = (await store.page(owner.accountId, 50, 0)).items;

    expect(await store.markRead(stranger, latest.id)).toBeNull();
    expect((await store.page(owner.accountId, 50, 0)).unread).toBe(2);

    const read = await store.markRead(owner, latest.id);
    expect(read?.readAt).toEqual(expect.any(String));
    expect((await store.markRead(owner, latest.id))?.readAt).toBe(read?.readAt);
    expect((await store.page(owner.accountId, 50, 0)).unread).toBe(1);

    expect(await store.markAllRead(stranger)).toBe(0);
    expect(await store.markAllRead(owner)).toBe(1);
    expect(await store.page(owner.accountId, 50, 0)).toMatchObject({ total: 2, unread: 0 });

    const audited = await db.query(`SELECT actor_login, action, object_id, after FROM notifications.audit_log WHERE actor_account_id IN ($1, $2) ORDER BY seq`, [owner.accountId, stranger.accountId]);
    expect(audited).toEqual([
      { actor_login: 'ivanov', action: 'notification.read', object_id: latest.id, after: null },
      { actor_login: 'ivanov', action: 'notification.read-all', object_id: owner.accountId, after: { read: 1 } },
    ]);
  });

  it('owes an e-mail only when mailing is on and the account has an address; a claimed one is not handed out twice; failures wait, then give up', async () => {
    const [withEmail, withoutEmail, inAppOnly] = [randomUUID(), randomUUID(), randomUUID()];
    await store.store([notice(withEmail, 'period:p1', 'reporter@example.ru'), notice(withoutEmail, 'period:p1')], true);
    await store.store([notice(inAppOnly, 'period:p1', 'quiet@example.ru')], false);

    const claimed = await store.claimDueEmails(10);
    expect(claimed.map((c) => [c.email, c.attempts])).toEqual([['reporter@example.ru', 0]]);
    expect(await store.claimDueEmails(10)).toEqual([]);

    await store.emailFailed(claimed[0].id, 'connect ECONNREFUSED', 60_000);
    expect(await store.claimDueEmails(10)).toEqual([]);
    const [row] = await db.query(`SELECT email_status, email_attempts, email_error, email_next_at > now() + interval '50 seconds' AS later FROM notifications.notifications WHERE id = $1`, [claimed[0].id]);
    expect(row).toEqual({ email_status: 'pending', email_attempts: 1, email_error: 'connect ECONNREFUSED', later: true });

    // Due again: the next attempt succeeds.
    await db.query(`UPDATE notifications.notifications SET email_next_at = now() WHERE id = $1`, [claimed[0].id]);
    const again = await store.claimDueEmails(10);
    expect(again.map((c) => [c.id, c.attempts])).toEqual([[claimed[0].id, 1]]);
    await store.emailSent(again[0].id);
    expect((await db.query(`SELECT email_status, email_attempts FROM notifications.notifications WHERE id = $1`, [claimed[0].id]))[0]).toEqual({ email_status: 'sent', email_attempts: 2 });

    await store.store([notice(withEmail, 'period:p2', 'reporter@example.ru')], true);
    const [last] = await store.claimDueEmails(10);
    await store.emailFailed(last.id, '550 mailbox unavailable', null);
    expect((await db.query(`SELECT email_status, email_next_at FROM notifications.notifications WHERE id = $1`, [last.id]))[0]).toEqual({ email_status: 'failed', email_next_at: null });
    expect(await store.claimDueEmails(10)).toEqual([]);
    // The in-app notice stays whatever became of its e-mail.
    expect((await store.page(withEmail, 50, 0)).total).toBe(2);
  });
});
