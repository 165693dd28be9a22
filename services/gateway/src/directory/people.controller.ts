import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { PeopleRoutes, type ActingPersonDto, type Actor, type MayActDto, type PersonDto, type RequestOf, type SubstitutionDto } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

/** Staff of organizations, their substitutes, and who acts for whom on a date (approval routes and signatures). */
@Controller('api')
export class PeopleController {
  constructor(private readonly bus: BusClient) {}

  /** `?position=minister&status=active|all`: the staff, or who holds the position. */
  @Get('organizations/:id/people')
  list(@Param('id', ParseUUIDPipe) organizationId: string, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<PersonDto[]> {
    return this.bus.request(PeopleRoutes.list, { ...query, organizationId, actor } as RequestOf<typeof PeopleRoutes.list>);
  }

  @Post('people')
  create(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<PersonDto> {
    return this.bus.request(PeopleRoutes.create, { ...(body as object), actor } as RequestOf<typeof PeopleRoutes.create>);
  }

  @Get('people/:id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PersonDto> {
    return this.bus.request(PeopleRoutes.get, { id });
  }

  /** The fields to change; `{ "active": false }` when the person leaves. */
  @Patch('people/:id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() changes: unknown, @CurrentActor() actor: Actor): Promise<PersonDto> {
    return this.bus.request(PeopleRoutes.update, { id, changes, actor } as RequestOf<typeof PeopleRoutes.update>);
  }

  /** `{ substituteId, from, to, reason? }`: who acts for this person while they are absent. */
  @Post('people/:id/substitutions')
  substitute(@Param('id', ParseUUIDPipe) personId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<SubstitutionDto> {
    return this.bus.request(PeopleRoutes.createSubstitution, { ...(body as object), personId, actor } as RequestOf<typeof PeopleRoutes.createSubstitution>);
  }

  @Get('people/:id/substitutions')
  substitutions(@Param('id', ParseUUIDPipe) personId: string, @CurrentActor() actor: Actor): Promise<SubstitutionDto[]> {
    return this.bus.request(PeopleRoutes.listSubstitutions, { personId, actor });
  }

  @Post('substitutions/:id/cancel')
  cancel(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<SubstitutionDto> {
    return this.bus.request(PeopleRoutes.cancelSubstitution, { id, actor });
  }

  /** `?date=YYYY-MM-DD`: who acts for the person that day. */
  @Get('people/:id/acting')
  acting(@Param('id', ParseUUIDPipe) personId: string, @Query('date') date: unknown): Promise<ActingPersonDto> {
    return this.bus.request(PeopleRoutes.actingFor, { personId, date } as RequestOf<typeof PeopleRoutes.actingFor>);
  }

  /** `?actor=<personId>&date=YYYY-MM-DD`: whether the actor may act for the person that day, and as whom. */
  @Get('people/:id/may-act')
  mayAct(@Param('id', ParseUUIDPipe) personId: string, @Query() query: Record<string, unknown>): Promise<MayActDto> {
    return this.bus.request(PeopleRoutes.mayActFor, { personId, actorPersonId: query.actor, date: query.date } as RequestOf<typeof PeopleRoutes.mayActFor>);
  }
}
