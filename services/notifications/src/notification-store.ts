import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, NotificationDto, NotificationKind, NotificationPage } from '@eduplan/contracts';
import { auditActorOf, AuditLog } from '@eduplan/platform';
import { DataSource, IsNull } from 'typeorm';
import { NotificationEntity } from './notification.entity';

/** A notice about to be stored for one account. */
export interface NewNotice {
  accountId: string;
  personId: string | null;
  /** The fact it tells of, the same for every recipient: a fact heard twice stores one notice per account. */
  factKey: string;
  kind: NotificationKind;
  title: string;
  text: string;
  link: string;
  /** Where to send it by e-mail; null keeps it in-app only. */
  email: string | null;
}

/** An e-mail the mailer owes: a notice with its address. */
export interface OwedEmail {
  id: string;
  email: string;
  title: string;
  text: string;
  link: string;
  attempts: number;
}

/** Read marks are a person's own changes: each is in the service's audit log. */
const notificationsAudit = new AuditLog('notifications');

/** Who marks notices read: the account whose notices they are. */
export type Reader = Pick<Actor, 'accountId' | 'login'>;

/** How long a claimed e-mail stays with the replica that claimed it before another may try it. */
const CLAIM_LEASE_SECONDS = 120;

/** The notifications table: notices per account, read marks, and the e-mails still to send. */
@Injectable()
export class NotificationStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores the notices not stored before; those with an address wait for the mailer when `mailing` is on. Answers how many are new. */
  async store(notices: NewNotice[], mailing: boolean): Promise<number> {
    if (notices.length === 0) return 0;
    const rows = notices.map((n) => ({
      accountId: n.accountId,
      personId: n.personId,
      factKey: n.factKey,
      kind: n.kind,
      title: n.title,
      text: n.text,
      link: n.link,
      email: n.email,
      emailStatus: mailing && n.email ? ('pending' as const) : ('none' as const),
      emailAttempts: 0,
      emailNextAt: mailing && n.email ? () => 'now()' : null,
      createdAt: () => 'clock_timestamp()',
    }));
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length;
  }

  /** The account's notices, newest first, with how many are unread. */
  async page(accountId: string, limit: number, offset: number): Promise<NotificationPage> {
    const [rows, total] = await this.db.manager.findAndCount(NotificationEntity, {
      where: { accountId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    const unread = await this.db.manager.countBy(NotificationEntity, { accountId, readAt: IsNull() });
    return { items: rows.map((row) => row.toDto()), total, unread };
  }

  /** Marks one of the reader's notices read (kept as first read); null when the reader has no such notice. */
  async markRead(reader: Reader, id: string): Promise<NotificationDto | null> {
    return this.db.transaction(async (m) => {
      const [marked] = (await m.query(
        `UPDATE notifications.notifications SET read_at = now() WHERE id = $1 AND account_id = $2 AND read_at IS NULL RETURNING id`,
        [id, reader.accountId],
      )) as [{ id: string }[], number];
      if (marked.length > 0) {
        await notificationsAudit.append(m, { actor: auditActorOf(reader), action: 'notification.read', objectType: 'notification', objectId: id });
      }
      const row = await m.findOneBy(NotificationEntity, { id, accountId: reader.accountId });
      return row?.toDto() ?? null;
    });
  }

  /** Marks every unread notice of the reader read; answers how many were unread. */
  async markAllRead(reader: Reader): Promise<number> {
    return this.db.transaction(async (m) => {
      const [, updated] = (await m.query(`UPDATE notifications.notifications SET read_at = now() WHERE account_id = $1 AND read_at IS NULL`, [reader.accountId])) as [unknown, number];
      if (updated > 0) {
        await notificationsAudit.append(m, { actor: auditActorOf(reader), action: 'notification.read-all', objectType: 'account', objectId: reader.accountId, after: { read: updated } });
      }
      return updated;
    });
  }

  /**
   * Takes up to `limit` e-mails due now for sending. Each is leased for a while, so another replica does not
   * send it at the same time, and comes back by itself if this process dies before saying how it went.
   */
  async claimDueEmails(limit: number): Promise<OwedEmail[]> {
    const rows = (await this.db.query(
      `UPDATE notifications.notifications SET email_next_at = now() + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM notifications.notifications
                      WHERE email_status = 'pending' AND email_next_at <= now()
                      ORDER BY email_next_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, email, title, text, link, email_attempts`,
      [limit, CLAIM_LEASE_SECONDS],
    )) as [{ id: string; email: string; title: string; text: string; link: string; email_attempts: number }[], number];
    return rows[0].map((row) => ({ id: row.id, email: row.email, title: row.title, text: row.text, link: row.link, attempts: row.email_attempts }));
  }

  async emailSent(id: string): Promise<void> {
    await this.db.query(`UPDATE notifications.notifications SET email_status = 'sent', email_attempts = email_attempts + 1, email_next_at = NULL, email_error = NULL WHERE id = $1`, [id]);
  }

  /** Records a failed attempt: tried again after `retryInMs`, or given up (`failed`) when that is null. */
  async emailFailed(id: string, error: string, retryInMs: number | null): Promise<void> {
    await this.db.query(
      `UPDATE notifications.notifications
          SET email_attempts = email_attempts + 1, email_error = $2,
              email_status = CASE WHEN $3::integer IS NULL THEN 'failed' ELSE 'pending' END,
              email_next_at = CASE WHEN $3::integer IS NULL THEN NULL ELSE now() + make_interval(secs => $3::integer / 1000.0) END
        WHERE id = $1`,
      [id, error.slice(0, 2000), retryInMs],
    );
  }
}
