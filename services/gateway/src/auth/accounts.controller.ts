import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AccountRoutes, type AccountSummaryDto, type Actor, type Page, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { CurrentActor } from './current-actor.decorator';

/** The administrator's accounts: the organizations service, which keeps them, checks the role and the rules. */
@Controller('api/accounts')
export class AccountsController {
  constructor(
    private readonly bus: BusClient,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** `?query=&status=active|blocked|all&limit=&offset=` */
  @Get()
  list(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<AccountSummaryDto>> {
    return this.bus.request(AccountRoutes.list, { ...query, actor } as RequestOf<typeof AccountRoutes.list>);
  }

  /** `{ personId, login, roles, password? , oidcSubject? }`: the subject is bound to the provider this gateway signs in with. */
  @Post()
  create(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<AccountSummaryDto> {
    const oidcIssuer = this.config.OIDC_ISSUER ?? null;
    return this.bus.request(AccountRoutes.createForPerson, { ...(body as object), oidcIssuer, actor } as RequestOf<typeof AccountRoutes.createForPerson>);
  }

  /** `{ roles?, active? }`: `active: false` blocks the account and ends its sessions. */
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() changes: unknown, @CurrentActor() actor: Actor): Promise<AccountSummaryDto> {
    return this.bus.request(AccountRoutes.update, { id, changes, actor } as RequestOf<typeof AccountRoutes.update>);
  }

  /** `{ password }`: the new password to hand to the person; their sessions end. */
  @Post(':id/password')
  @HttpCode(200)
  resetPassword(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<AccountSummaryDto> {
    return this.bus.request(AccountRoutes.resetPassword, { ...(body as object), id, actor } as RequestOf<typeof AccountRoutes.resetPassword>);
  }
}
