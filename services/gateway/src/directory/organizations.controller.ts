import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { OrganizationRoutes, type Actor, type OrganizationDto, type Page, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

@Controller('api/organizations')
export class OrganizationsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  create(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<OrganizationDto> {
    return this.bus.request(OrganizationRoutes.create, { ...(body as object), actor } as RequestOf<typeof OrganizationRoutes.create>);
  }

  /** Every organization by name, deactivated ones included (their `active` says so). */
  @Get()
  list(): Promise<OrganizationDto[]> {
    return this.bus.request(OrganizationRoutes.list, {});
  }

  /** `?query=&kind=&centerType=&regionId=&municipalityId=&parentId=&issuerId=&status=active|inactive|all&limit=&offset=` */
  @Get('search')
  search(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<OrganizationDto>> {
    return this.bus.request(OrganizationRoutes.search, { ...query, actor } as RequestOf<typeof OrganizationRoutes.search>);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganizationDto> {
    return this.bus.request(OrganizationRoutes.get, { id });
  }

  /** The fields to change; `{ "active": false }` deactivates (an organization documents refer to is never deleted). */
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() changes: unknown, @CurrentActor() actor: Actor): Promise<OrganizationDto> {
    return this.bus.request(OrganizationRoutes.update, { id, changes, actor } as RequestOf<typeof OrganizationRoutes.update>);
  }
}
