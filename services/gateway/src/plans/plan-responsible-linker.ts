import { Injectable } from '@nestjs/common';
import {
  PlanResponsibleRoutes,
  PlanRoutes,
  ResponsibleRoutes,
  type Actor,
  type PLAN_LINK_CAUSES,
  type PlanResponsibleDto,
  type RequestOf,
  type ResolvedResponsibleDto,
} from '@eduplan/contracts';
import { inlineAliases, organizationKey, type GlossaryEntry } from '@eduplan/domain';
import { BusClient } from '@eduplan/platform';

type ResponsibleString = { raw: string; name: string };
type LinkCause = (typeof PLAN_LINK_CAUSES)[number];
type ConfirmedAnswer = RequestOf<typeof PlanResponsibleRoutes.store>['answer'];

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
 * the plans service keeps the answers (and decides, with them, whether an order may go for approval). The
 * gateway only carries them between the two.
 */
@Injectable()
export class PlanResponsibleLinker {
  constructor(private readonly bus: BusClient) {}

  resolve(issuerId: string, strings: ResponsibleString[]): Promise<ResolvedResponsibleDto[]> {
    return this.bus.request(ResponsibleRoutes.resolve, { issuerId, strings });
  }

  store(planId: string, actor: Actor, cause: LinkCause, links: ResolvedResponsibleDto[], answer?: ConfirmedAnswer): Promise<PlanResponsibleDto> {
    return this.bus.request(PlanResponsibleRoutes.store, { planId, actor, cause, answer, links });
  }

  /**
   * A plan's own abbreviations — defined inline («… институт усовершенствования учителей (далее – ГБОУ ДПО
   * ТОИУУ)») or in its list of abbreviations — become the region's aliases once the full name linked to one
   * organization, so plans using only the short form link too. A person's answer for the same text is
   * never replaced.
   */
  async rememberPlanAliases(issuerId: string, links: ResolvedResponsibleDto[], actor: Actor, glossary: readonly GlossaryEntry[] = []): Promise<void> {
    const fromGlossary = new Set(glossary.map((entry) => organizationKey(entry.short)));
    for (const { text, organizationIds } of inlineAliases(links)) {
      const source = fromGlossary.has(organizationKey(text)) ? 'glossary' : 'inline';
      await this.bus.request(ResponsibleRoutes.confirm, { issuerId, text, organizationIds, source, actor });
    }
  }

  /**
   * The document's abbreviations that no «Ответственные» cell used as a whole («ЦОКО» defined in the order's
   * text, or listed in its glossary): their full names are linked like the plan's strings, so the region
   * remembers the short forms too.
   */
  async resolveDefinitions(issuerId: string, definitions: readonly GlossaryEntry[], links: readonly ResolvedResponsibleDto[]): Promise<ResolvedResponsibleDto[]> {
    const used = new Set(links.map((link) => organizationKey(link.raw)));
    const strings = definitions.filter(({ short }) => !used.has(organizationKey(short))).map(({ short, full }) => ({ raw: short, name: full }));
    return strings.length > 0 ? this.resolve(issuerId, strings) : [];
  }

  /** Links the plan as it now is: every string resolved again against the region's registry and aliases. */
  async link(plan: { id: string; issuerId: string; sections: StringsOf }, actor: Actor, cause: LinkCause, answer?: ConfirmedAnswer): Promise<PlanResponsibleDto> {
    return this.store(plan.id, actor, cause, await this.resolve(plan.issuerId, planStrings(plan)), answer);
  }

  /** Links the plan again on a person's request (after organizations or aliases were added). */
  async relink(planId: string, actor: Actor): Promise<PlanResponsibleDto> {
    return this.link(await this.bus.request(PlanRoutes.getPlan, { id: planId, actor }), actor, 'relink');
  }
}
