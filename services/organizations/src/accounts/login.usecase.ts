import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestOf, SessionDto } from '@eduplan/contracts';
import { AccountRoutes } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import { DataSource } from 'typeorm';
import { AccountEntity } from './account.entity';
import { verifyAgainstDecoy, verifyPassword } from './password-hasher';
import { SessionStore } from './session-store';

/** Failed passwords in a row that lock an account. */
export const MAX_FAILED_LOGINS = 10;
export const LOCK_MINUTES = 15;

type Outcome = { session: SessionDto } | { refused: DomainException };

const wrongCredentials = () => new DomainException('UNAUTHENTICATED', 'Неверный логин или пароль');

/**
 * Sign-in with a password. Each attempt, failed or not, is counted and recorded in the audit log in the
 * transaction that holds the account row, so parallel guesses cannot slip past the counter; the refusal is
 * thrown only after that transaction commits, so what it recorded stays.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
  ) {}

  async execute(request: RequestOf<typeof AccountRoutes.login>): Promise<SessionDto> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const audit = (action: string, account: AccountEntity | null, after?: unknown) =>
        this.sessions.audit.append(manager, {
          actor: account ? { accountId: account.id, login: account.login } : { accountId: null, login: request.login },
          action,
          objectType: 'account',
          objectId: account?.id ?? null,
          after,
        });
      const account = await manager
        .createQueryBuilder(AccountEntity, 'a')
        .setLock('pessimistic_write')
        .where('lower(a.login) = lower(:login)', { login: request.login.trim() })
        .getOne();
      if (!account?.active || !account.passwordHash) {
        await verifyAgainstDecoy(request.password);
        await audit('auth.login_failed', account, { login: request.login, reason: account ? 'inactive_or_no_password' : 'unknown_login' });
        return { refused: wrongCredentials() };
      }
      const now = new Date();
      if (account.lockedUntil && account.lockedUntil > now) {
        await audit('auth.login_refused_locked', account, { lockedUntil: account.lockedUntil.toISOString() });
        return { refused: lockedError(account.lockedUntil, now) };
      }
      if (!(await verifyPassword(account.passwordHash, request.password))) {
        const failures = account.failedAttempts + 1;
        if (failures >= MAX_FAILED_LOGINS) {
          const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
          await manager.update(AccountEntity, { id: account.id }, { failedAttempts: 0, lockedUntil });
          await audit('auth.locked', account, { failedAttempts: failures, lockedUntil: lockedUntil.toISOString() });
          return { refused: lockedError(lockedUntil, now) };
        }
        await manager.update(AccountEntity, { id: account.id }, { failedAttempts: failures });
        await audit('auth.login_failed', account, { reason: 'wrong_password', failedAttempts: failures });
        return { refused: wrongCredentials() };
      }
      if (account.failedAttempts !== 0 || account.lockedUntil) {
        await manager.update(AccountEntity, { id: account.id }, { failedAttempts: 0, lockedUntil: null });
      }
      const session = await this.sessions.open(manager, account, request.previousToken);
      await audit('auth.login', account, { method: 'password', expiresAt: session.expiresAt });
      return { session };
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.session;
  }
}

function lockedError(until: Date, now: Date): DomainException {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  const time = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' }).format(until);
  return new DomainException(
    'LOCKED',
    `Вход заблокирован после ${MAX_FAILED_LOGINS} неверных паролей подряд: повторите через ${minutes} мин (после ${time} по московскому времени) или попросите администратора`,
    { lockedUntil: until.toISOString() },
  );
}
