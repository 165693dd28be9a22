import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { OrganizationRoutes, type OrganizationDto, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';

@Controller('api/organizations')
export class OrganizationsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  create(@Body() body: unknown): Promise<OrganizationDto> {
    return this.bus.request(OrganizationRoutes.create, body as RequestOf<typeof OrganizationRoutes.create>);
  }

  @Get()
  list(): Promise<OrganizationDto[]> {
    return this.bus.request(OrganizationRoutes.list, {});
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganizationDto> {
    return this.bus.request(OrganizationRoutes.get, { id });
  }
}
