import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccountRoutes, type Role } from '@eduplan/contracts';
import { BusClient, BusRequestError, DomainException } from '@eduplan/platform';
import type { Response } from 'express';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { REQUIRE_SESSION, type ActorRequest } from './require-session.decorator';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie';

/**
 * Turns the session cookie into the request's actor on every HTTP request (renewing the cookie when the
 * organizations service rotated the token), and refuses routes marked `@RequireSession` without one.
 * Routes without the mark stay open until the authorization rules (issue 8, item 6) close them.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('SessionGuard');

  constructor(
    private readonly bus: BusClient,
    private readonly reflector: Reflector,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<ActorRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRE_SESSION, [context.getHandler(), context.getClass()]);
    const token = sessionToken(request);
    if (token) {
      try {
        const session = await this.bus.request(AccountRoutes.resolve, { token });
        request.actor = session.actor;
        if (session.token !== token) setSessionCookie(response, this.config, session);
      } catch (error) {
        if (error instanceof BusRequestError && error.payload.code === 'UNAUTHENTICATED') clearSessionCookie(response, this.config);
        else if (required) throw error;
        else this.logger.warn(`session not resolved, request goes on anonymous: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!required) return true;
    const actor = request.actor;
    if (!actor) throw new DomainException('UNAUTHENTICATED', 'Войдите в систему: сессии нет или она истекла');
    if (required.length > 0 && !required.some((role) => actor.roles.includes(role))) {
      throw new DomainException('FORBIDDEN', `Недостаточно прав: нужна роль ${required.join(' или ')}`);
    }
    return true;
  }
}
