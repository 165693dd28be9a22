import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@eduplan/contracts';
import type { Request } from 'express';

export const REQUIRE_SESSION = 'eduplan:require-session';

/** A request the session guard has looked at: `actor` is set when its cookie names a live session. */
export interface ActorRequest extends Request {
  actor?: Actor;
}

/**
 * The route answers only a signed-in caller (401 otherwise) and, when roles are given, one holding at least
 * one of them (403 otherwise). The owning service still checks the actor against its data.
 */
export const RequireSession = (...roles: Role[]) => SetMetadata(REQUIRE_SESSION, roles);

/** The verified caller of a route under `@RequireSession()`, or null on a route that lets anyone in. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | null =>
  context.switchToHttp().getRequest<ActorRequest>().actor ?? null,
);
