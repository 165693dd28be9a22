import type { PlanDto, PlanResponsibleDto, ResponsibleLinkDto } from '@eduplan/contracts';

/**
 * Per event, each string with its link; unresolved are the strings of a linked plan with no answer yet
 * (to review, or added by an edit after linking). A string given an organization id by hand counts as resolved.
 */
export function planResponsible(plan: PlanDto, links: Map<string, ResponsibleLinkDto>): PlanResponsibleDto {
  const linked = links.size > 0;
  const unresolved = new Map<string, PlanResponsibleDto['unresolved'][number]>();
  const events = plan.sections.flatMap((section) =>
    section.events.map((event) => {
      const items = [...event.responsible, ...(event.subRows ?? []).flatMap((row) => row.responsible)];
      const responsible = items.map((item) => {
        const raw = item.raw ?? item.name;
        const key = `${raw}\u0000${item.name}`;
        const link: ResponsibleLinkDto | null = item.organizationId
          ? { status: 'resolved', method: 'exact', organizationIds: [item.organizationId], confidence: 1 }
          : links.get(key) ?? null;
        if (linked && (link === null || link.status === 'review')) {
          const entry = unresolved.get(key) ?? { raw, name: item.name, events: [] };
          entry.events.push(event.number ?? event.title.slice(0, 60));
          unresolved.set(key, entry);
        }
        return { raw, name: item.name, link };
      });
      return { eventId: event.id, number: event.number, title: event.title, responsible };
    }),
  );
  return { planId: plan.id, issuerId: plan.issuerId, linked, events, unresolved: [...unresolved.values()] };
}
