import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CalendarRoutes, type Actor, type CalendarYearDto, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

/** The production calendar: everyone signed in reads a year, the administrator stores one (the reporting service keeps it). */
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly bus: BusClient) {}

  /** `?issuerId=` adds that ministry's regional holidays to the days off. */
  @Get(':year')
  get(@Param('year') year: string, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<CalendarYearDto> {
    return this.bus.request(CalendarRoutes.getYear, { ...query, year, actor } as RequestOf<typeof CalendarRoutes.getYear>);
  }

  @Put(':year')
  put(@Param('year') year: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<CalendarYearDto> {
    return this.bus.request(CalendarRoutes.putYear, { ...(body as object), year, actor } as RequestOf<typeof CalendarRoutes.putYear>);
  }
}
