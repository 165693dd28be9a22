import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ResolvedSessionDto, SessionDto } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { organizationsAudit } from '../organizations-audit';
import { AccountEntity } from './account.entity';
import { SessionEntity } from './session.entity';

/** A session lives this long from sign-in, whatever is done with it. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A session not used for this long ends, so a computer left signed in does not stay open all day. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** A session older than this gets a new token on its next use, so a leaked cookie is worth little for long. */
export const ROTATE_AFTER_MS = 15 * 60 * 1000;
/** The replaced token keeps working this long, for requests the browser sent before it got the new cookie. */
const ROTATION_GRACE_MS = 30 * 1000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

const expiredMessage = 'Сессия истекла или завершена: войдите снова';

@Injectable()
export class SessionStore {
  readonly audit = organizationsAudit;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new session for the account; the browser's previous one (if any) ends, so a planted cookie does not survive sign-in. */
  async open(manager: EntityManager, account: AccountEntity, previousToken: string | null | undefined, expiresAt?: Date): Promise<SessionDto> {
    if (previousToken) await manager.delete(SessionEntity, { tokenHash: tokenHash(previousToken) });
    // Sessions that ran out are of no use to anyone: cleared whenever their account signs in again.
    await manager.query(`DELETE FROM organizations.sessions WHERE account_id = $1 AND expires_at < now()`, [account.id]);
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expires = expiresAt ?? new Date(now.getTime() + SESSION_LIFETIME_MS);
    await manager.insert(SessionEntity, { tokenHash: tokenHash(token), accountId: account.id, createdAt: now, lastSeenAt: now, expiresAt: expires });
    return { token, expiresAt: expires.toISOString(), actor: account.toActor() };
  }

  async resolve(token: string): Promise<ResolvedSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOneBy(SessionEntity, { tokenHash: tokenHash(token) });
      const now = Date.now();
      if (!session || session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
        throw new DomainException('UNAUTHENTICATED', expiredMessage);
      }
      const account = await manager.findOneBy(AccountEntity, { id: session.accountId });
      if (!account?.active) throw new DomainException('UNAUTHENTICATED', expiredMessage);
      if (now - session.createdAt.getTime() > ROTATE_AFTER_MS) {
        const rotated = await this.rotate(manager, session, account);
        if (rotated) return rotated;
      }
      if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await manager.update(SessionEntity, { tokenHash: session.tokenHash }, { lastSeenAt: new Date(now) });
      return { token, expiresAt: session.expiresAt.toISOString(), actor: account.toActor() };
    });
  }

  async end(token: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOneBy(SessionEntity, { tokenHash: tokenHash(token) });
      if (!session) return false;
      await manager.delete(SessionEntity, { tokenHash: session.tokenHash });
      const account = await manager.findOneBy(AccountEntity, { id: session.accountId });
      await this.audit.append(manager, {
        actor: { accountId: session.accountId, login: account?.login ?? null },
        action: 'auth.logout',
        objectType: 'account',
        objectId: session.accountId,
      });
      return true;
    });
  }

  /**
   * Replaces an old token with a new one under the same expiry. Only one of several concurrent requests
   * carrying the old token wins the conditional update; the others go on with the old token for its grace.
   */
  private async rotate(manager: EntityManager, session: SessionEntity, account: AccountEntity): Promise<ResolvedSessionDto | null> {
    const graceEnd = new Date(Date.now() + ROTATION_GRACE_MS);
    const won = (await manager.query(
      `UPDATE organizations.sessions SET expires_at = $2 WHERE token_hash = $1 AND expires_at > $2 RETURNING token_hash`,
      [session.tokenHash, graceEnd],
    )) as [unknown[], number];
    if (won[1] === 0) return null;
    return this.open(manager, account, null, session.expiresAt);
  }
}
