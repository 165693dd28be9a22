import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountRoutes, RequestOf, SessionDto } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import { DataSource } from 'typeorm';
import { AccountEntity } from './account.entity';
import { SessionStore } from './session-store';

/**
 * Sign-in vouched for by the OpenID provider. The account is found by the provider's subject, else by the
 * e-mail the provider verified, and then remembers the subject; no account is created for a stranger.
 */
@Injectable()
export class OidcLoginUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
  ) {}

  async execute(request: RequestOf<typeof AccountRoutes.loginOidc>): Promise<SessionDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const bySubject = await manager.findOneBy(AccountEntity, { oidcIssuer: request.issuer, oidcSubject: request.subject });
      const account =
        bySubject ??
        (request.email
          ? await manager.createQueryBuilder(AccountEntity, 'a').where('lower(a.email) = lower(:email)', { email: request.email }).getOne()
          : null);
      const audit = (action: string, after: unknown) =>
        this.sessions.audit.append(manager, {
          actor: account ? { accountId: account.id, login: account.login } : { accountId: null, login: request.email ?? request.subject },
          action,
          objectType: 'account',
          objectId: account?.id ?? null,
          after,
        });
      if (!account?.active) {
        await audit('auth.login_failed', { method: 'oidc', issuer: request.issuer, subject: request.subject, email: request.email ?? null, reason: account ? 'inactive' : 'no_account' });
        return { refused: new DomainException('UNAUTHENTICATED', `Для ${request.email ?? `пользователя ${request.subject}`} нет действующей учётной записи в eduplan: попросите администратора создать её с этим адресом`) };
      }
      if (!bySubject) {
        if (account.oidcSubject) {
          await audit('auth.login_failed', { method: 'oidc', issuer: request.issuer, subject: request.subject, reason: 'email_bound_to_other_subject' });
          return { refused: new DomainException('UNAUTHENTICATED', 'Учётная запись с этим адресом уже связана с другим пользователем поставщика входа: обратитесь к администратору') };
        }
        await manager.update(AccountEntity, { id: account.id }, { oidcIssuer: request.issuer, oidcSubject: request.subject });
        await audit('account.oidc_link', { issuer: request.issuer, subject: request.subject });
      }
      const session = await this.sessions.open(manager, account, request.previousToken);
      await audit('auth.login', { method: 'oidc', issuer: request.issuer, expiresAt: session.expiresAt });
      return { session };
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.session;
  }
}
