import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { OrganizationRoutes, type OrganizationDto } from '@eduplan/contracts';
import { DomainException, notFound, RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { Repository } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

const R = OrganizationRoutes;

@Controller()
export class OrganizationsController {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  @MessagePattern(R.create.subject)
  async create(@Payload(new RoutePipe(R.create)) request: z.output<typeof R.create.request>): Promise<OrganizationDto> {
    if (request.parentId && !(await this.organizations.existsBy({ id: request.parentId }))) {
      throw new DomainException('VALIDATION', `Вышестоящая организация ${request.parentId} не найдена`);
    }
    if (request.kind === 'center' && !request.centerType) {
      throw new DomainException('VALIDATION', 'Для центра укажите тип: «Точка роста», «Кванториум» или «IT-куб» (centerType)');
    }
    const saved = await this.organizations.save(this.organizations.create({ ...request, shortName: request.shortName ?? null, centerType: request.centerType ?? null, parentId: request.parentId ?? null }));
    return saved.toDto();
  }

  @MessagePattern(R.get.subject)
  async get(@Payload(new RoutePipe(R.get)) { id }: z.output<typeof R.get.request>): Promise<OrganizationDto> {
    const found = await this.organizations.findOneBy({ id });
    if (!found) throw notFound('Организация', id);
    return found.toDto();
  }

  @MessagePattern(R.list.subject)
  async list(): Promise<OrganizationDto[]> {
    return (await this.organizations.find({ order: { name: 'ASC' } })).map((o) => o.toDto());
  }
}
