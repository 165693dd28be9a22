import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { OrganizationRoutes, PlanRoutes, type Page, type PlanDto, type PlanSummaryDto, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';

@Controller('api/plans')
export class PlansController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  async create(@Body() body: unknown): Promise<PlanDto> {
    const request = PlanRoutes.createPlan.parse(body);
    await this.bus.request(OrganizationRoutes.get, { id: request.issuerId });
    return this.bus.request(PlanRoutes.createPlan, body as RequestOf<typeof PlanRoutes.createPlan>);
  }

  /** `?issuerId=&limit=&offset=`, newest first, without the plans' events. */
  @Get()
  list(@Query() query: unknown): Promise<Page<PlanSummaryDto>> {
    return this.bus.request(PlanRoutes.listPlans, query as RequestOf<typeof PlanRoutes.listPlans>);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PlanDto> {
    return this.bus.request(PlanRoutes.getPlan, { id });
  }
}
