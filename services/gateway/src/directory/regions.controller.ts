import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { OrganizationRoutes, type MunicipalityDto, type RegionDto, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';

/** Regions and municipalities, the levels above organizations in the registry. */
@Controller('api/regions')
export class RegionsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  create(@Body() body: unknown): Promise<RegionDto> {
    return this.bus.request(OrganizationRoutes.createRegion, body as RequestOf<typeof OrganizationRoutes.createRegion>);
  }

  @Get()
  list(): Promise<RegionDto[]> {
    return this.bus.request(OrganizationRoutes.listRegions, {});
  }

  @Post(':id/municipalities')
  createMunicipality(@Param('id', ParseUUIDPipe) regionId: string, @Body() body: unknown): Promise<MunicipalityDto> {
    const request = { ...(body as object), regionId } as RequestOf<typeof OrganizationRoutes.createMunicipality>;
    return this.bus.request(OrganizationRoutes.createMunicipality, request);
  }

  @Get(':id/municipalities')
  municipalities(@Param('id', ParseUUIDPipe) regionId: string): Promise<MunicipalityDto[]> {
    return this.bus.request(OrganizationRoutes.listMunicipalities, { regionId });
  }
}
