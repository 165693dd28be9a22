import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountRoutes, type AccountDto, type AccountSummaryDto, type Page, type ResolvedSessionDto, type SessionDto } from '@eduplan/contracts';
import { RoutePipe } from '@eduplan/platform';
import { Repository } from 'typeorm';
import type { z } from 'zod';
import { AccountAdministration } from './account-administration';
import { AccountEntity } from './account.entity';
import { CreateAccountUseCase } from './create-account.usecase';
import { LoginUseCase } from './login.usecase';
import { OidcLoginUseCase } from './oidc-login.usecase';
import { SessionStore } from './session-store';

const R = AccountRoutes;

/** Accounts and sessions on the bus; the gateway holds the cookie, this service the rules. */
@Controller()
export class AccountsController {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly createAccount: CreateAccountUseCase,
    private readonly login: LoginUseCase,
    private readonly oidcLogin: OidcLoginUseCase,
    private readonly sessions: SessionStore,
    private readonly administration: AccountAdministration,
  ) {}

  @MessagePattern(R.list.subject)
  list(@Payload(new RoutePipe(R.list)) request: z.output<typeof R.list.request>): Promise<Page<AccountSummaryDto>> {
    return this.administration.list(request);
  }

  @MessagePattern(R.createForPerson.subject)
  createForPerson(@Payload(new RoutePipe(R.createForPerson)) request: z.output<typeof R.createForPerson.request>): Promise<AccountSummaryDto> {
    return this.administration.createForPerson(request);
  }

  @MessagePattern(R.update.subject)
  update(@Payload(new RoutePipe(R.update)) request: z.output<typeof R.update.request>): Promise<AccountSummaryDto> {
    return this.administration.update(request);
  }

  @MessagePattern(R.resetPassword.subject)
  resetPassword(@Payload(new RoutePipe(R.resetPassword)) request: z.output<typeof R.resetPassword.request>): Promise<AccountSummaryDto> {
    return this.administration.resetPassword(request);
  }

  @MessagePattern(R.create.subject)
  create(@Payload(new RoutePipe(R.create)) request: z.output<typeof R.create.request>): Promise<AccountDto> {
    return this.createAccount.execute(request);
  }

  @MessagePattern(R.countAdmins.subject)
  async countAdmins(@Payload(new RoutePipe(R.countAdmins)) _request: object): Promise<{ count: number }> {
    const count = await this.accounts.createQueryBuilder('a').where(`'admin' = ANY(a.roles) AND a.active`).getCount();
    return { count };
  }

  @MessagePattern(R.login.subject)
  signIn(@Payload(new RoutePipe(R.login)) request: z.output<typeof R.login.request>): Promise<SessionDto> {
    return this.login.execute(request);
  }

  @MessagePattern(R.loginOidc.subject)
  signInOidc(@Payload(new RoutePipe(R.loginOidc)) request: z.output<typeof R.loginOidc.request>): Promise<SessionDto> {
    return this.oidcLogin.execute(request);
  }

  @MessagePattern(R.resolve.subject)
  resolve(@Payload(new RoutePipe(R.resolve)) { token }: z.output<typeof R.resolve.request>): Promise<ResolvedSessionDto> {
    return this.sessions.resolve(token);
  }

  @MessagePattern(R.logout.subject)
  async logout(@Payload(new RoutePipe(R.logout)) { token }: z.output<typeof R.logout.request>): Promise<{ ended: boolean }> {
    return { ended: await this.sessions.end(token) };
  }
}
