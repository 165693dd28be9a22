import { PipeTransform } from '@nestjs/common';
import { holdsRole, missingRoleMessage, type Actor, type BusRoute } from '@eduplan/contracts';
import type { z } from 'zod';
import { DomainException } from './domain-exception';

/**
 * Validates a bus payload against its route's schema: `@Payload(new RoutePipe(SomeRoutes.x))`. On a route a
 * person calls (`actedRoute`), an actor holding none of the route's roles is refused here, before the
 * handler reads any data; what the actor may touch is the handler's to check.
 */
export class RoutePipe<Req extends z.ZodTypeAny> implements PipeTransform<unknown, z.output<Req>> {
  constructor(private readonly busRoute: BusRoute<Req, unknown>) {}

  transform(value: unknown): z.output<Req> {
    const request = this.busRoute.parse(value);
    const roles = this.busRoute.roles;
    if (roles && !holdsRole((request as { actor: Actor }).actor, roles)) throw new DomainException('FORBIDDEN', missingRoleMessage(roles));
    return request;
  }
}
