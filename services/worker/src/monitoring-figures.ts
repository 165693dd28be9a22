import type { OrderDto, OrganizationDto, PeriodSummaryDto, PlanDto } from '@eduplan/contracts';
import type { MonitoringFigures } from '@eduplan/pdf';

type Counts = MonitoringFigures['sections'][number]['counts'];
const zero = (): Counts => ({ planned: 0, held: 0, partlyHeld: 0, notHeld: 0, postponed: 0 });
const FIELD = { held: 'held', partly: 'partlyHeld', not_held: 'notHeld', postponed: 'postponed' } as const;
const OUTCOME_RU = { held: 'проведено', partly: 'проведено частично', not_held: 'не проведено', postponed: 'перенесено' } as const;

function periodLabel(summaries: PeriodSummaryDto[], plan: PlanDto): MonitoringFigures['period'] {
  if (summaries.length === 1) {
    const p = summaries[0].period;
    return { start: p.start, end: p.end, label: `${['I', 'II', 'III', 'IV'][p.quarter - 1]} квартал ${p.year} года` };
  }
  return { ...plan.period, label: 'период действия плана' };
}

/** Aggregates reported outcomes by plan section and by organization, in the shape the memo renderer reads. */
export function monitoringFigures(
  kind: MonitoringFigures['kind'],
  order: OrderDto,
  plan: PlanDto,
  issuer: OrganizationDto,
  organizations: OrganizationDto[],
  summaries: PeriodSummaryDto[],
): MonitoringFigures {
  const orgName = new Map(organizations.map((o) => [o.id, o.shortName ?? o.name]));
  const sectionOf = new Map(plan.sections.flatMap((s) => s.events.map((e) => [e.id, s] as const)));
  const eventOf = new Map(plan.sections.flatMap((s) => s.events.map((e) => [e.id, e] as const)));
  const bySection = new Map(plan.sections.map((s) => [s.id, { counts: zero(), participants: 0 }]));
  const byOrganization = new Map<string, { counts: Counts; participants: number }>();
  const notHeld: MonitoringFigures['notHeld'] = [];

  for (const summary of summaries) {
    for (const item of summary.items) {
      const section = sectionOf.get(item.eventId);
      const org = byOrganization.get(item.organizationId) ?? { counts: zero(), participants: 0 };
      byOrganization.set(item.organizationId, org);
      for (const target of [section ? bySection.get(section.id) : undefined, org]) {
        if (!target) continue;
        target.counts.planned += 1;
        target.participants += item.participants;
        if (item.outcome) target.counts[FIELD[item.outcome]] += 1;
      }
      if (item.outcome !== 'held') {
        const event = eventOf.get(item.eventId);
        const comment = summary.notHeld.find((n) => n.eventId === item.eventId && n.organizationId === item.organizationId)?.comment;
        notHeld.push({
          number: event?.number ?? null,
          title: event?.title ?? item.eventId,
          responsible: orgName.get(item.organizationId) ?? item.organizationId,
          reason: item.outcome ? `${OUTCOME_RU[item.outcome]}${comment ? `: ${comment}` : ''}` : 'отчёт не представлен',
        });
      }
    }
  }

  return {
    kind,
    issuer: issuer.name,
    title: plan.title,
    period: periodLabel(summaries, plan),
    date: null,
    number: null,
    sections: plan.sections.map((s) => ({ number: s.number, title: s.title, ...bySection.get(s.id)! })),
    organizations: [...byOrganization].map(([id, figures]) => ({ name: orgName.get(id) ?? id, ...figures })),
    indicators: [],
    notHeld,
    signatory: null,
  };
}
