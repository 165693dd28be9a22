import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlanResponsibleRoutes, type PlanResponsibleDto, type ResponsibleLinkDto } from '@eduplan/contracts';
import type { GroupReference, MatchCandidate, MatchMethod } from '@eduplan/domain';
import { RoutePipe } from '@eduplan/platform';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { PlanStore } from '../plan-store';
import { planResponsible } from './plan-responsible';

const R = PlanResponsibleRoutes;

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

/** The links of a plan's «Ответственные» strings: stored after the organizations service resolved them. */
@Controller()
export class ResponsibleLinksController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** All of a plan's links replaced at once, so a relink never leaves half of the old answers behind. */
  @MessagePattern(R.store.subject)
  async store(@Payload(new RoutePipe(R.store)) request: z.output<typeof R.store.request>): Promise<PlanResponsibleDto> {
    await this.dataSource.transaction(async (m) => {
      await new PlanStore(m).lock(request.planId);
      await m.query(`DELETE FROM plans.responsible_links WHERE plan_id = $1`, [request.planId]);
      const seen = new Set<string>();
      for (const { raw, name, link } of request.links) {
        const key = `${raw}\u0000${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const resolved = link.status === 'resolved' ? link : null;
        const group = resolved?.method === 'group' ? resolved.group ?? null : null;
        await m.query(
          `INSERT INTO plans.responsible_links (plan_id, raw, name, status, method, organization_ids, group_ref, member_count, confidence, review)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            request.planId,
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
    });
    return this.get({ id: request.planId });
  }

  @MessagePattern(R.get.subject)
  async get(@Payload(new RoutePipe(R.get)) { id }: z.output<typeof R.get.request>): Promise<PlanResponsibleDto> {
    const { dto } = await new PlanStore(this.dataSource.manager).get(id);
    const rows: LinkRow[] = await this.dataSource.query(`SELECT * FROM plans.responsible_links WHERE plan_id = $1`, [id]);
    return planResponsible(dto, new Map(rows.map((row) => [`${row.raw}\u0000${row.name}`, toLink(row)])));
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
