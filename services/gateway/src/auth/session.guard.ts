import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { AccountRoutes, holdsRole, missingRoleMessage } from '@eduplan/contracts';
import { BusClient, BusRequestError, DomainException } from '@eduplan/platform';
import type { Response } from 'express';
import { API_OPERATIONS, WEB_PAGES, type ApiOperation } from '../openapi/api-operations';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import type { ActorRequest } from './current-actor.decorator';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie';

/** `get /api/orders/:id` → its operation, as Express names the matched route. */
const OPERATIONS = new Map<string, ApiOperation>(API_OPERATIONS.map((operation) => [`${operation.method} ${operation.path}`, operation]));
const PAGES = new Set(WEB_PAGES.map((page) => page.toLowerCase()));

/**
 * The door of every HTTP operation: turns the session cookie into the request's actor (renewing the cookie
 * when the organizations service rotated the token), then applies the operation's `access` from
 * API_OPERATIONS — 401 without a session, 403 without one of its roles. An operation missing from that list
 * is refused outright, so a route added without a rule cannot be reached.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('SessionGuard');

  constructor(
    private readonly bus: BusClient,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<ActorRequest>();
    const key = `${request.method.toLowerCase()} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
    if (PAGES.has(key)) return true;
    const operation = OPERATIONS.get(key);
    if (!operation) throw new DomainException('INTERNAL', `У операции ${key} нет правила доступа: сообщите разработчикам`);
    await this.resolveSession(request, context.switchToHttp().getResponse<Response>(), operation.access !== 'anonymous');
    if (operation.access === 'anonymous') return true;
    const actor = request.actor;
    if (!actor) throw new DomainException('UNAUTHENTICATED', 'Войдите в систему: сессии нет или она истекла');
    if (operation.access !== 'signed-in' && !holdsRole(actor, operation.access)) {
      throw new DomainException('FORBIDDEN', missingRoleMessage(operation.access));
    }
    return true;
  }

  private async resolveSession(request: ActorRequest, response: Response, required: boolean): Promise<void> {
    const token = sessionToken(request);
    if (!token) return;
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
}
