import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import type { Request } from 'express';

/** A request the session guard has looked at: `actor` is set when its cookie names a live session. */
export interface ActorRequest extends Request {
  actor?: Actor;
}

/**
 * The verified caller of an operation open to signed-in people only (its `access` in API_OPERATIONS): the
 * session guard has already refused the request without one, so a missing actor here is a wiring mistake.
 */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<ActorRequest>().actor;
  if (!actor) throw new DomainException('UNAUTHENTICATED', 'Войдите в систему: сессии нет или она истекла');
  return actor;
});

/** The caller of an operation open to anyone, when signed in: a published document needs no one, others need staff. */
export const OptionalActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | null => context.switchToHttp().getRequest<ActorRequest>().actor ?? null,
);
