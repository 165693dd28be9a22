import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationRoutes, type MunicipalityDto, type RegionDto } from '@eduplan/contracts';
import { auditActorOf, DomainException, likeEscaped, notFound, RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { DataSource, ILike } from 'typeorm';
import { organizationsAudit } from './organizations-audit';
import { MunicipalityEntity, RegionEntity } from './region.entity';

const R = OrganizationRoutes;

/** Regions and their municipalities: the upper levels of the tree organizations are placed in. */
@Controller()
export class RegionsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @MessagePattern(R.createRegion.subject)
  createRegion(@Payload(new RoutePipe(R.createRegion)) { name, code, actor }: z.output<typeof R.createRegion.request>): Promise<RegionDto> {
    return this.db.transaction(async (m) => {
      if (await m.existsBy(RegionEntity, { name: ILike(likeEscaped(name)) })) throw new DomainException('CONFLICT', `Регион «${name}» уже есть`);
      if (code && (await m.existsBy(RegionEntity, { code }))) throw new DomainException('CONFLICT', `Регион с кодом ${code} уже есть`);
      const region = (await m.save(m.create(RegionEntity, { name, code: code ?? null }))).toDto();
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action: 'region.create', objectType: 'region', objectId: region.id, after: region });
      return region;
    });
  }

  @MessagePattern(R.listRegions.subject)
  async listRegions(@Payload(new RoutePipe(R.listRegions)) _request: z.output<typeof R.listRegions.request>): Promise<RegionDto[]> {
    return (await this.db.getRepository(RegionEntity).find({ order: { name: 'ASC' } })).map((r) => r.toDto());
  }

  @MessagePattern(R.createMunicipality.subject)
  createMunicipality(
    @Payload(new RoutePipe(R.createMunicipality)) { regionId, name, actor }: z.output<typeof R.createMunicipality.request>,
  ): Promise<MunicipalityDto> {
    return this.db.transaction(async (m) => {
      if (!(await m.existsBy(RegionEntity, { id: regionId }))) throw notFound('Регион', regionId);
      if (await m.existsBy(MunicipalityEntity, { regionId, name: ILike(likeEscaped(name)) })) {
        throw new DomainException('CONFLICT', `Муниципальное образование «${name}» в этом регионе уже есть`);
      }
      const municipality = (await m.save(m.create(MunicipalityEntity, { regionId, name }))).toDto();
      await organizationsAudit.append(m, {
        actor: auditActorOf(actor),
        action: 'municipality.create',
        objectType: 'municipality',
        objectId: municipality.id,
        after: municipality,
      });
      return municipality;
    });
  }

  @MessagePattern(R.listMunicipalities.subject)
  async listMunicipalities(@Payload(new RoutePipe(R.listMunicipalities)) { regionId }: z.output<typeof R.listMunicipalities.request>): Promise<MunicipalityDto[]> {
    return (await this.db.getRepository(MunicipalityEntity).find({ where: { regionId }, order: { name: 'ASC' } })).map((m) => m.toDto());
  }
}
