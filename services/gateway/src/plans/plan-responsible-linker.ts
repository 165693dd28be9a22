import { Injectable } from '@nestjs/common';
import { PlanResponsibleRoutes, PlanRoutes, ResponsibleRoutes, type Actor, type PlanResponsibleDto, type ResolvedResponsibleDto } from '@eduplan/contracts';
import { inlineAliases } from '@eduplan/domain';
import { BusClient, DomainException } from '@eduplan/platform';

type ResponsibleString = { raw: string; name: string };

/** Every «Ответственные» string of a plan (sub-rows included), each once. */
type StringsOf = { events: { responsible: { raw?: string | null; name: string }[]; subRows?: { responsible: { raw?: string | null; name: string }[] }[] }[] }[];

export function planStrings(plan: { sections: StringsOf }): ResponsibleString[] {
  const seen = new Map<string, ResponsibleString>();
  for (const event of plan.sections.flatMap((s) => s.events)) {
    for (const item of [...event.responsible, ...(event.subRows ?? []).flatMap((row) => row.responsible)]) {
      const raw = item.raw ?? item.name;
      seen.set(`${raw}\u0000${item.name}`, { raw, name: item.name });
    }
  }
  return [...seen.values()];
}

/**
 * Links a plan's responsible strings: the organizations service resolves them against the issuer's region,
 * the plans service keeps the answers. The gateway only carries them between the two.
 */
@Injectable()
export class PlanResponsibleLinker {
  constructor(private readonly bus: BusClient) {}

  resolve(issuerId: string, strings: ResponsibleString[]): Promise<ResolvedResponsibleDto[]> {
    return this.bus.request(ResponsibleRoutes.resolve, { issuerId, strings });
  }

  store(planId: string, links: ResolvedResponsibleDto[]): Promise<PlanResponsibleDto> {
    return this.bus.request(PlanResponsibleRoutes.store, { planId, links });
  }

  /**
   * A plan's own abbreviations («… институт усовершенствования учителей (далее – ГБОУ ДПО ТОИУУ)») become
   * the region's aliases once the full name linked to one organization, so plans using only the short form
   * link too. A person's answer for the same text is never replaced.
   */
  async rememberInline(issuerId: string, links: ResolvedResponsibleDto[], actor: Actor): Promise<void> {
    for (const { text, organizationIds } of inlineAliases(links)) {
      await this.bus.request(ResponsibleRoutes.confirm, { issuerId, text, organizationIds, source: 'inline', actor });
    }
  }

  async relink(planId: string): Promise<PlanResponsibleDto> {
    const plan = await this.bus.request(PlanRoutes.getPlan, { id: planId });
    return this.store(planId, await this.resolve(plan.issuerId, planStrings(plan)));
  }

  /** An order goes for approval only when every string of its plan is linked or marked «не отчитывается». */
  async assertLinked(planId: string): Promise<void> {
    const { unresolved } = await this.bus.request(PlanResponsibleRoutes.get, { id: planId });
    if (unresolved.length === 0) return;
    const list = unresolved.map((s) => `«${s.name}» (мероприятия ${s.events.slice(0, 5).join(', ')}${s.events.length > 5 ? ', …' : ''})`).join('; ');
    throw new DomainException(
      'CONFLICT',
      `Нельзя направить приказ на согласование: не определены организации для ответственных ${list}. Выберите организацию на странице плана или отметьте «не отчитывается».`,
      { unresolved },
    );
  }
}
