import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { OrganizationRoutes, PlanRoutes, type Actor, type Page, type PlanDto, type PlanSummaryDto, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

@Controller('api/plans')
export class PlansController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  async create(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    const request = PlanRoutes.createPlan.parse({ ...(body as object), actor });
    await this.bus.request(OrganizationRoutes.get, { id: request.issuerId });
    return this.bus.request(PlanRoutes.createPlan, request);
  }

  /** `?issuerId=&limit=&offset=`, newest first, without the plans' events; staff see their own issuer's plans. */
  @Get()
  list(@Query() query: unknown, @CurrentActor() actor: Actor): Promise<Page<PlanSummaryDto>> {
    return this.bus.request(PlanRoutes.listPlans, { ...(query as object), actor } as RequestOf<typeof PlanRoutes.listPlans>);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.bus.request(PlanRoutes.getPlan, { id, actor });
  }
}
