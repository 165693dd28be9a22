import { Controller, Get, Query } from '@nestjs/common';
import { PlanRoutes, type Actor, type OrderDto, type Page, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

/** The registration journal of an issuer; the plans service keeps it and lets only the issuer's staff read it. */
@Controller('api/journal')
export class JournalController {
  constructor(private readonly bus: BusClient) {}

  /** `?issuerId=&kind=&year=&limit=&offset=`: registered acts by year, kind and number. */
  @Get()
  list(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<OrderDto>> {
    return this.bus.request(PlanRoutes.journal, { ...query, actor } as RequestOf<typeof PlanRoutes.journal>);
  }
}
