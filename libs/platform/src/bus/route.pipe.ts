import { PipeTransform } from '@nestjs/common';
import type { BusRoute } from '@eduplan/contracts';
import type { z } from 'zod';

/** Validates a bus payload against its route's schema: `@Payload(new RoutePipe(SomeRoutes.x))`. */
export class RoutePipe<Req extends z.ZodTypeAny> implements PipeTransform<unknown, z.output<Req>> {
  constructor(private readonly busRoute: BusRoute<Req, unknown>) {}

  transform(value: unknown): z.output<Req> {
    return this.busRoute.parse(value);
  }
}
