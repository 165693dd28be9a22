import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { OrganizationRoutes, type OrganizationDto, type Page } from '@eduplan/contracts';
import { notFound, RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { In, Repository } from 'typeorm';
import { OrganizationEntity } from './organization.entity';
import { OrganizationRegistry } from './organization-registry';

const R = OrganizationRoutes;

@Controller()
export class OrganizationsController {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly registry: OrganizationRegistry,
  ) {}

  @MessagePattern(R.create.subject)
  create(@Payload(new RoutePipe(R.create)) request: z.output<typeof R.create.request>): Promise<OrganizationDto> {
    return this.registry.create(request);
  }

  @MessagePattern(R.update.subject)
  update(@Payload(new RoutePipe(R.update)) request: z.output<typeof R.update.request>): Promise<OrganizationDto> {
    return this.registry.update(request);
  }

  @MessagePattern(R.get.subject)
  async get(@Payload(new RoutePipe(R.get)) { id }: z.output<typeof R.get.request>): Promise<OrganizationDto> {
    const found = await this.organizations.findOneBy({ id });
    if (!found) throw notFound('Организация', id);
    return found.toDto();
  }

  @MessagePattern(R.list.subject)
  async list(@Payload(new RoutePipe(R.list)) { ids }: z.output<typeof R.list.request>): Promise<OrganizationDto[]> {
    if (ids?.length === 0) return [];
    return (await this.organizations.find({ where: ids ? { id: In(ids) } : {}, order: { name: 'ASC' } })).map((o) => o.toDto());
  }

  @MessagePattern(R.search.subject)
  search(@Payload(new RoutePipe(R.search)) request: z.output<typeof R.search.request>): Promise<Page<OrganizationDto>> {
    return this.registry.search(request);
  }
}
