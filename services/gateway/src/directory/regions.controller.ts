import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { OrganizationRoutes, type Actor, type MunicipalityDto, type RegionDto, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

/** Regions and municipalities, the levels above organizations in the registry. */
@Controller('api/regions')
export class RegionsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  create(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<RegionDto> {
    return this.bus.request(OrganizationRoutes.createRegion, { ...(body as object), actor } as RequestOf<typeof OrganizationRoutes.createRegion>);
  }

  @Get()
  list(@CurrentActor() actor: Actor): Promise<RegionDto[]> {
    return this.bus.request(OrganizationRoutes.listRegions, { actor });
  }

  @Post(':id/municipalities')
  createMunicipality(@Param('id', ParseUUIDPipe) regionId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<MunicipalityDto> {
    const request = { ...(body as object), regionId, actor } as RequestOf<typeof OrganizationRoutes.createMunicipality>;
    return this.bus.request(OrganizationRoutes.createMunicipality, request);
  }

  @Get(':id/municipalities')
  municipalities(@Param('id', ParseUUIDPipe) regionId: string, @CurrentActor() actor: Actor): Promise<MunicipalityDto[]> {
    return this.bus.request(OrganizationRoutes.listMunicipalities, { regionId, actor });
  }
}
