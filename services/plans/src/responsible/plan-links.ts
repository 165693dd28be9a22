import type { PlanResponsibleDto, ResponsibleLinkDto, storePlanLinksRequest } from '@eduplan/contracts';
import type { GroupReference, MatchCandidate, MatchMethod } from '@eduplan/domain';
import { DomainException } from '@eduplan/platform';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { PlanStore } from '../plan-store';
import { planResponsible } from './plan-responsible';

interface LinkRow {
  raw: string;
  name: string;
  status: 'resolved' | 'review' | 'not_reporting';
  method: MatchMethod | null;
  organization_ids: string[];
  group_ref: GroupReference | null;
  member_count: number | null;
  confidence: number | null;
  review: { reason: string; candidates: MatchCandidate[]; external: boolean } | null;
}

/** Links as the organizations service resolved them and the gateway passes them on. */
export type ResolvedLinks = z.output<typeof storePlanLinksRequest>['links'];

const keyOf = (raw: string, name: string) => `${raw}\u0000${name}`;

/** The stored links of a plan's «Ответственные» strings, keyed by the string (the same string links the same way in every event). */
export class PlanLinks {
  constructor(private readonly manager: EntityManager) {}

  /** All of a plan's links replaced at once, so a relink never leaves half of the old answers behind. */
  async replace(planId: string, links: ResolvedLinks): Promise<void> {
    await this.manager.query(`DELETE FROM plans.responsible_links WHERE plan_id = $1`, [planId]);
    const seen = new Set<string>();
    for (const { raw, name, link } of links) {
      if (seen.has(keyOf(raw, name))) continue;
      seen.add(keyOf(raw, name));
      const resolved = link.status === 'resolved' ? link : null;
      const group = resolved?.method === 'group' ? resolved.group ?? null : null;
      await this.manager.query(
        `INSERT INTO plans.responsible_links (plan_id, raw, name, status, method, organization_ids, group_ref, member_count, confidence, review)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          planId,
          raw,
          name,
          link.status,
          resolved?.method ?? null,
          group ? [] : resolved?.organizationIds ?? [],
          group,
          group ? resolved?.organizationIds.length ?? 0 : null,
          resolved?.confidence ?? null,
          link.status === 'review' ? { reason: link.reason, candidates: link.candidates, external: link.external } : null,
        ],
      );
    }
  }

  /** Per event, what each string links to, and the strings still unresolved. */
  async responsible(planId: string): Promise<PlanResponsibleDto> {
    const { dto } = await new PlanStore(this.manager).get(planId);
    const rows: LinkRow[] = await this.manager.query(`SELECT * FROM plans.responsible_links WHERE plan_id = $1`, [planId]);
    return planResponsible(dto, new Map(rows.map((row) => [keyOf(row.raw, row.name), toLink(row)])));
  }

  /**
   * An order goes for approval only when every string of its plan is linked or marked «не отчитывается»:
   * otherwise nobody would be asked to report on those events. Checked here, where the links are, so the
   * gateway's submit and the workflow's move to `on_approval` are refused alike.
   */
  async assertAllLinked(planId: string): Promise<void> {
    const { unresolved } = await this.responsible(planId);
    if (unresolved.length === 0) return;
    const list = unresolved.map((s) => `«${s.name}» (мероприятия ${s.events.slice(0, 5).join(', ')}${s.events.length > 5 ? ', …' : ''})`).join('; ');
    throw new DomainException(
      'CONFLICT',
      `Нельзя направить приказ на согласование: не определены организации для ответственных ${list}. Выберите организацию на странице плана или отметьте «не отчитывается».`,
      { unresolved },
    );
  }
}

function toLink(row: LinkRow): ResponsibleLinkDto {
  if (row.status === 'not_reporting') return { status: 'not_reporting' };
  if (row.status === 'review') return { status: 'review', reason: row.review?.reason ?? '', candidates: row.review?.candidates ?? [], external: row.review?.external ?? false };
  if (row.method === 'group' && row.group_ref) {
    return { status: 'resolved', method: 'group', group: row.group_ref, organizationIds: [], memberCount: row.member_count ?? 0, confidence: row.confidence ?? 0 };
  }
  return { status: 'resolved', method: row.method === 'group' || row.method === null ? 'exact' : row.method, organizationIds: row.organization_ids, confidence: row.confidence ?? 0 };
}
