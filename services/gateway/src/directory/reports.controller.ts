import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ReportingRoutes, type Actor, type DuePeriodDto, type Page, type ReportDto, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

/** A center's reports: its reporter sends and reads its own; the reporting service checks whose they are. */
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  submit(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<ReportDto> {
    return this.bus.request(ReportingRoutes.submitReport, { ...(body as object), actor } as RequestOf<typeof ReportingRoutes.submitReport>);
  }

  /** `?limit=&offset=`: the open periods the reporter's organization owes, with its due events. */
  @Get('due')
  due(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<DuePeriodDto>> {
    return this.bus.request(ReportingRoutes.duePeriods, { ...query, actor } as RequestOf<typeof ReportingRoutes.duePeriods>);
  }

  /** `?periodId=&limit=&offset=`: the reporter's organization's reports, newest first. */
  @Get()
  list(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<ReportDto>> {
    return this.bus.request(ReportingRoutes.listReports, { ...query, actor } as RequestOf<typeof ReportingRoutes.listReports>);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<ReportDto> {
    return this.bus.request(ReportingRoutes.getReport, { id, actor });
  }
}
