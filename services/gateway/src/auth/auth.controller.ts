import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { AccountRoutes, loginRequest, OrganizationRoutes, type Actor } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import type { Response } from 'express';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { CurrentActor, type ActorRequest } from './current-actor.decorator';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie';

const loginBody = loginRequest.pick({ login: true, password: true }).strict();

export interface MeDto {
  accountId: string;
  login: string;
  name: string;
  roles: Actor['roles'];
  personId: string | null;
  organization: { id: string; name: string; shortName: string | null } | null;
  /** When the session ends (answered by login). */
  expiresAt?: string;
}

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly bus: BusClient,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** Password sign-in; limited per address by the gateway's «login» rate limit (edge/rate-limits.ts), per account by the lockout in the organizations service. */
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown, @Req() request: ActorRequest, @Res({ passthrough: true }) response: Response): Promise<MeDto> {
    const credentials = loginBody.parse(body);
    const session = await this.bus.request(AccountRoutes.login, { ...credentials, previousToken: sessionToken(request) });
    setSessionCookie(response, this.config, session);
    return { ...(await this.me(session.actor)), expiresAt: session.expiresAt };
  }

  @Post('logout')
  @HttpCode(200)
  async logout(@Req() request: ActorRequest, @Res({ passthrough: true }) response: Response): Promise<{ ended: boolean }> {
    const token = sessionToken(request);
    clearSessionCookie(response, this.config);
    return token ? this.bus.request(AccountRoutes.logout, { token }) : { ended: false };
  }

  @Get('me')
  async me(@CurrentActor() signedIn: Actor): Promise<MeDto> {
    const organization = signedIn.organizationId ? await this.bus.request(OrganizationRoutes.get, { id: signedIn.organizationId }) : null;
    return {
      accountId: signedIn.accountId,
      login: signedIn.login,
      name: signedIn.name,
      roles: signedIn.roles,
      personId: signedIn.personId,
      organization: organization && { id: organization.id, name: organization.name, shortName: organization.shortName },
    };
  }
}
