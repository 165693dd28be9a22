import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, OrganizationDto, OrganizationRoutes, Page } from '@eduplan/contracts';
import { auditActorOf, DomainException, likeEscaped, notFound } from '@eduplan/platform';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { OrganizationEntity } from './organization.entity';
import { organizationsAudit } from './organizations-audit';
import { centerTypeProblem, UNIQUE_REQUISITES } from './organization-rules';
import { MunicipalityEntity, RegionEntity } from './region.entity';

type CreateRequest = z.output<typeof OrganizationRoutes.create.request>;
type UpdateRequest = z.output<typeof OrganizationRoutes.update.request>;
type SearchRequest = z.output<typeof OrganizationRoutes.search.request>;

const invalid = (message: string) => new DomainException('VALIDATION', message);

/** Organizations with their place in the region's tree; every write checks what it points at. */
@Injectable()
export class OrganizationRegistry {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(request: CreateRequest): Promise<OrganizationDto> {
    return this.write(request.actor, 'organization.create', async (m) => {
      const organization = m.create(OrganizationEntity, {
        name: request.name,
        shortName: request.shortName ?? null,
        kind: request.kind,
        centerType: request.centerType ?? null,
        regionId: request.regionId ?? null,
        municipalityId: request.municipalityId ?? null,
        parentId: request.parentId ?? null,
        issuerId: request.issuerId ?? null,
        inn: request.inn ?? null,
        ogrn: request.ogrn ?? null,
        address: request.address ?? null,
        timeZone: request.timeZone,
        active: true,
      });
      await this.place(m, organization);
      return { before: null, saved: await m.save(organization) };
    });
  }

  update({ id, changes, actor }: UpdateRequest): Promise<OrganizationDto> {
    return this.write(actor, changes.active === false ? 'organization.deactivate' : 'organization.update', async (m) => {
      const organization = await m.findOne(OrganizationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw notFound('Организация', id);
      const before = organization.toDto();
      const { active, ...fields } = changes;
      Object.assign(organization, Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? null])));
      if (active !== undefined) organization.active = active;
      if (changes.parentId && (await this.isDescendant(m, changes.parentId, id))) {
        throw invalid('вышестоящая организация не может быть подчинена этой же организации');
      }
      await this.place(m, organization);
      return { before, saved: await m.save(organization) };
    });
  }

  async search(request: SearchRequest): Promise<Page<OrganizationDto>> {
    const query = this.dataSource.getRepository(OrganizationEntity).createQueryBuilder('o');
    if (request.status !== 'all') query.andWhere('o.active = :active', { active: request.status === 'active' });
    for (const field of ['kind', 'centerType', 'regionId', 'municipalityId', 'parentId', 'issuerId'] as const) {
      if (request[field] !== undefined) query.andWhere(`o.${field} = :${field}`, { [field]: request[field] });
    }
    const text = request.query?.toLowerCase();
    if (text) {
      // A substring matches outright; a close spelling («кванториям», «ТОИУ») through trigram word similarity
      // (`<%`, pg_trgm's threshold 0.6). Both use the trigram index on this very expression.
      const name = `lower(o.name || ' ' || coalesce(o.short_name, ''))`;
      query
        .andWhere(`(${name} LIKE :pattern OR :text OPERATOR(public.<%) ${name})`, { text, pattern: `%${likeEscaped(text)}%` })
        .orderBy(`public.word_similarity(:text, ${name})`, 'DESC')
        .addOrderBy('o.name', 'ASC');
    } else {
      query.orderBy('o.name', 'ASC');
    }
    const [items, total] = await query.addOrderBy('o.id').offset(request.offset).limit(request.limit).getManyAndCount();
    return { items: items.map((o) => o.toDto()), total };
  }

  /** Checks what an organization points at and fills its region from its municipality or parent. */
  private async place(m: EntityManager, organization: OrganizationEntity): Promise<void> {
    const problem = centerTypeProblem(organization.kind, organization.centerType);
    if (problem) throw invalid(`${capitalised(problem)}`);
    const parent = organization.parentId ? await m.findOneBy(OrganizationEntity, { id: organization.parentId }) : null;
    if (organization.parentId && !parent) throw invalid(`Вышестоящая организация ${organization.parentId} не найдена`);
    if (parent && parent.id === organization.id) throw invalid('Организация не может быть вышестоящей для самой себя');
    if (organization.issuerId) {
      const issuer = await m.findOneBy(OrganizationEntity, { id: organization.issuerId });
      if (!issuer) throw invalid(`Организация-учредитель плана (issuerId) ${organization.issuerId} не найдена`);
      if (issuer.kind !== 'ministry') throw invalid(`«${issuer.name}» не орган управления образованием: центр может отвечать только перед министерством (комитетом)`);
    }
    if (organization.municipalityId) {
      const municipality = await m.findOneBy(MunicipalityEntity, { id: organization.municipalityId });
      if (!municipality) throw invalid(`Муниципальное образование ${organization.municipalityId} не найдено`);
      if (organization.regionId && organization.regionId !== municipality.regionId) {
        throw invalid(`Муниципальное образование «${municipality.name}» относится к другому региону`);
      }
      organization.regionId = municipality.regionId;
    }
    organization.regionId ??= parent?.regionId ?? null;
    if (organization.regionId && !(await m.existsBy(RegionEntity, { id: organization.regionId }))) {
      throw invalid(`Регион ${organization.regionId} не найден`);
    }
  }

  private async isDescendant(m: EntityManager, candidate: string, ancestor: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT id, parent_id FROM organizations.organizations WHERE id = $1
         UNION SELECT o.id, o.parent_id FROM organizations.organizations o JOIN up ON o.id = up.parent_id)
       SELECT 1 FROM up WHERE id = $2`,
      [candidate, ancestor],
    );
    return rows.length > 0;
  }

  /** The change and its audit entry (who, before, after) in one transaction. */
  private async write(
    actor: Actor,
    action: string,
    work: (m: EntityManager) => Promise<{ before: OrganizationDto | null; saved: OrganizationEntity }>,
  ): Promise<OrganizationDto> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const { before, saved } = await work(m);
        const after = saved.toDto();
        await organizationsAudit.append(m, { actor: auditActorOf(actor), action, objectType: 'organization', objectId: saved.id, before, after });
        return after;
      });
    } catch (error) {
      throw await this.duplicateRequisite(error);
    }
  }

  /** A duplicate ИНН or ОГРН, told with the organization that already has it. */
  private async duplicateRequisite(error: unknown): Promise<unknown> {
    const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
    const requisite = constraint ? UNIQUE_REQUISITES[constraint] : undefined;
    if (!requisite) return error;
    const value = /=\((\d+)\)/.exec((error as QueryFailedError & { driverError: { detail?: string } }).driverError.detail ?? '')?.[1];
    const holder = value ? await this.dataSource.getRepository(OrganizationEntity).findOneBy({ [requisite.field]: value }) : null;
    return new DomainException(
      'CONFLICT',
      `${requisite.label} ${value ?? ''} уже указан у организации «${holder?.name ?? '?'}»: одна организация записывается в реестр один раз`,
      { existingId: holder?.id },
    );
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
