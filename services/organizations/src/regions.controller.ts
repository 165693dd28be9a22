import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { OrganizationRoutes, type MunicipalityDto, type RegionDto } from '@eduplan/contracts';
import { DomainException, notFound, RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { ILike, Repository } from 'typeorm';
import { likeEscaped } from './organization-registry';
import { MunicipalityEntity, RegionEntity } from './region.entity';

const R = OrganizationRoutes;

/** Regions and their municipalities: the upper levels of the tree organizations are placed in. */
@Controller()
export class RegionsController {
  constructor(
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @InjectRepository(MunicipalityEntity) private readonly municipalities: Repository<MunicipalityEntity>,
  ) {}

  @MessagePattern(R.createRegion.subject)
  async createRegion(@Payload(new RoutePipe(R.createRegion)) { name, code }: z.output<typeof R.createRegion.request>): Promise<RegionDto> {
    if (await this.regions.existsBy({ name: ILike(likeEscaped(name)) })) throw new DomainException('CONFLICT', `Регион «${name}» уже есть`);
    if (code && (await this.regions.existsBy({ code }))) throw new DomainException('CONFLICT', `Регион с кодом ${code} уже есть`);
    return (await this.regions.save(this.regions.create({ name, code: code ?? null }))).toDto();
  }

  @MessagePattern(R.listRegions.subject)
  async listRegions(): Promise<RegionDto[]> {
    return (await this.regions.find({ order: { name: 'ASC' } })).map((r) => r.toDto());
  }

  @MessagePattern(R.createMunicipality.subject)
  async createMunicipality(
    @Payload(new RoutePipe(R.createMunicipality)) { regionId, name }: z.output<typeof R.createMunicipality.request>,
  ): Promise<MunicipalityDto> {
    if (!(await this.regions.existsBy({ id: regionId }))) throw notFound('Регион', regionId);
    if (await this.municipalities.existsBy({ regionId, name: ILike(likeEscaped(name)) })) {
      throw new DomainException('CONFLICT', `Муниципальное образование «${name}» в этом регионе уже есть`);
    }
    return (await this.municipalities.save(this.municipalities.create({ regionId, name }))).toDto();
  }

  @MessagePattern(R.listMunicipalities.subject)
  async listMunicipalities(@Payload(new RoutePipe(R.listMunicipalities)) { regionId }: z.output<typeof R.listMunicipalities.request>): Promise<MunicipalityDto[]> {
    return (await this.municipalities.find({ where: { regionId }, order: { name: 'ASC' } })).map((m) => m.toDto());
  }
}
