import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { ResponsibleRoutes, worksForIssuer, type ResolvedResponsibleDto, type ResponsibleAliasDto } from '@eduplan/contracts';
import {
  CENTER_TYPE_VALUES,
  groupMembers,
  matchResponsibleBatch,
  ORGANIZATION_KIND_VALUES,
  OrganizationIndex,
  organizationKey,
  type GroupReference,
  type MatchableOrganization,
} from '@eduplan/domain';
import { auditActorOf, DomainException, notFound, RoutePipe } from '@eduplan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { organizationsAudit } from '../organizations-audit';
import { linkableOrganizations } from './linkable-organizations';

const R = ResponsibleRoutes;

interface AliasRow {
  alias_key: string;
  alias_text: string;
  organization_ids: string[];
  not_reporting: boolean;
  source: ResponsibleAliasDto['source'];
}

/** Links plan «Ответственные» strings to the organizations of the issuer's region, and remembers a person's answers. */
@Controller()
export class ResponsibleLinksController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @MessagePattern(R.resolve.subject)
  async resolve(@Payload(new RoutePipe(R.resolve)) request: z.output<typeof R.resolve.request>): Promise<ResolvedResponsibleDto[]> {
    const organizations = await this.region(request.issuerId);
    const aliases: AliasRow[] = await this.db.query(`SELECT * FROM organizations.aliases WHERE issuer_id = $1`, [request.issuerId]);
    const notReporting = new Set(aliases.filter((a) => a.not_reporting).map((a) => a.alias_key));
    const context = {
      index: new OrganizationIndex(organizations),
      aliases: new Map(aliases.filter((a) => !a.not_reporting).map((a) => [a.alias_key, a.organization_ids])),
      issuerId: request.issuerId,
      date: request.date ?? new Date().toISOString().slice(0, 10),
    };
    const matches = matchResponsibleBatch(request.strings, context);
    return request.strings.map((item, i) => ({
      raw: item.raw,
      name: item.name,
      link: [item.raw, item.name].some((text) => notReporting.has(organizationKey(text))) ? { status: 'not_reporting' } : matches[i],
    }));
  }

  /** An editor answers for their own ministry's region only; the administrator for any. */
  @MessagePattern(R.confirm.subject)
  async confirm(@Payload(new RoutePipe(R.confirm)) request: z.output<typeof R.confirm.request>): Promise<ResponsibleAliasDto> {
    if (!worksForIssuer(request.actor, request.issuerId)) {
      throw new DomainException('FORBIDDEN', 'Сопоставлять ответственных можно только в планах своего министерства');
    }
    const region = new Set((await this.region(request.issuerId)).map((o) => o.id));
    const foreign = request.organizationIds.filter((id) => !region.has(id));
    if (foreign.length > 0) {
      throw new DomainException('VALIDATION', `Организации ${foreign.join(', ')} не относятся к издателю ${request.issuerId}: выберите организацию его региона`);
    }
    const key = organizationKey(request.text);
    if (key === '') throw new DomainException('VALIDATION', 'В тексте нет ни одного слова названия: укажите строку «Ответственные» как в плане');
    return this.db.transaction(async (m) => {
      const before = await this.alias(m, request.issuerId, key, true);
      // One answer per string and region: confirming again replaces the earlier answer, but what a plan defined
      // («(далее – …)», a glossary) never replaces what a person confirmed.
      const [written]: AliasRow[] = await m.query(
        `INSERT INTO organizations.aliases (issuer_id, alias_key, alias_text, organization_ids, not_reporting, source)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (issuer_id, alias_key) DO UPDATE
           SET alias_text = EXCLUDED.alias_text, organization_ids = EXCLUDED.organization_ids,
               not_reporting = EXCLUDED.not_reporting, source = EXCLUDED.source, updated_at = now()
           WHERE aliases.source <> 'person' OR EXCLUDED.source = 'person'
         RETURNING *`,
        [request.issuerId, key, request.text, request.organizationIds, request.notReporting, request.source],
      );
      if (!written) return before!;
      const after = aliasDto(written, request.issuerId);
      await organizationsAudit.append(m, {
        actor: auditActorOf(request.actor),
        action: 'responsible_alias.confirm',
        objectType: 'responsible_alias',
        objectId: `${request.issuerId}:${key}`,
        before,
        after,
      });
      return after;
    });
  }

  @MessagePattern(R.groupMembers.subject)
  async members(@Payload(new RoutePipe(R.groupMembers)) request: z.output<typeof R.groupMembers.request>): Promise<string[][]> {
    const organizations = await this.region(request.issuerId);
    return request.groups.map((group) => groupMembers(checkedGroup(group), organizations, request.issuerId, request.date).map((o) => o.id));
  }

  private async alias(m: EntityManager, issuerId: string, key: string, lock = false): Promise<ResponsibleAliasDto | null> {
    const [row]: AliasRow[] = await m.query(
      `SELECT * FROM organizations.aliases WHERE issuer_id = $1 AND alias_key = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [issuerId, key],
    );
    return row ? aliasDto(row, issuerId) : null;
  }

  private async region(issuerId: string): Promise<MatchableOrganization[]> {
    const organizations = await linkableOrganizations(this.db, issuerId);
    if (!organizations.some((o) => o.id === issuerId)) throw notFound('Организация-издатель', issuerId);
    return organizations;
  }
}

function aliasDto(row: AliasRow, issuerId: string): ResponsibleAliasDto {
  return { issuerId, text: row.alias_text, organizationIds: row.organization_ids, notReporting: row.not_reporting, source: row.source };
}

function checkedGroup(group: { kinds: string[]; centerTypes: string[] }): GroupReference {
  const unknown = [
    ...group.kinds.filter((k) => !(ORGANIZATION_KIND_VALUES as readonly string[]).includes(k)),
    ...group.centerTypes.filter((t) => !(CENTER_TYPE_VALUES as readonly string[]).includes(t)),
  ];
  if (unknown.length > 0) throw new DomainException('VALIDATION', `Неизвестный вид или тип организации в группе: ${unknown.join(', ')}`);
  return group as GroupReference;
}
