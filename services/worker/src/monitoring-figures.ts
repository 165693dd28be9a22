import type { OrganizationDto, OutcomeCounts, PeriodFiguresDto, PlanDto } from '@eduplan/contracts';
import type { MonitoringFigures } from '@eduplan/pdf';

type Counts = MonitoringFigures['sections'][number]['counts'];
const zero: OutcomeCounts = { planned: 0, held: 0, partly: 0, notHeld: 0, postponed: 0, unreported: 0, participants: 0 };
const countsOf = (c: OutcomeCounts): Counts => ({ planned: c.planned, held: c.held, partlyHeld: c.partly, notHeld: c.notHeld, postponed: c.postponed });

function periodLabel(figures: PeriodFiguresDto, plan: PlanDto): MonitoringFigures['period'] {
  if (figures.periods.length === 1) {
    const p = figures.periods[0];
    return { start: p.start, end: p.end, label: `${['I', 'II', 'III', 'IV'][p.quarter - 1]} квартал ${p.year} года` };
  }
  return { ...plan.period, label: 'период действия плана' };
}

/** «не проведено — 3, перенесено — 1, отчёт не представлен — 990; <the centers' first comments>»: an event's exceptions across the centers. */
function reasons(exception: PeriodFiguresDto['exceptions'][number]): string {
  const parts: [string, number][] = [
    ['проведено частично', exception.partly],
    ['не проведено', exception.notHeld],
    ['перенесено', exception.postponed],
    ['отчёт не представлен', exception.unreported],
  ];
  const counts = parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} — ${n}`).join(', ');
  return [counts, ...exception.comments].join('; ');
}

/** The first organizations concerned by name, and how many more there are. */
function responsible(exception: PeriodFiguresDto['exceptions'][number], nameOf: (idOrName: string) => string): string {
  const names = exception.organizations.map(nameOf).join(', ');
  const more = exception.organizationCount - exception.organizations.length;
  return more > 0 ? `${names} и ещё ${more}` : names;
}

/**
 * Counts by section as PostgreSQL grouped them; events of periods opened before sections were recorded are
 * put in their section by the plan.
 */
function sectionCounts(plan: PlanDto, figures: PeriodFiguresDto): Map<string | null, OutcomeCounts> {
  const counts = new Map<string | null, OutcomeCounts>(figures.sections.map(({ sectionId, number: _n, title: _t, ...c }) => [sectionId, c]));
  const sectionOf = new Map(plan.sections.flatMap((s) => s.events.map((e) => [e.id, s.id] as const)));
  for (const { eventId, sectionId, ...c } of figures.events) {
    const section = sectionId === null ? sectionOf.get(eventId) : undefined;
    if (section === undefined) continue;
    const sum = { ...(counts.get(section) ?? zero) };
    for (const key of Object.keys(sum) as (keyof OutcomeCounts)[]) sum[key] += c[key];
    counts.set(section, sum);
  }
  return counts;
}

/**
 * The memo's figures from the reporting service's grouped counts: sections in the plan's order (those with
 * nothing due show zeros), organizations alphabetically, one line per event not held everywhere.
 * `registry` names the organizations the periods recorded no name for (periods opened before names were kept).
 */
export function monitoringFigures(
  kind: MonitoringFigures['kind'],
  plan: PlanDto,
  issuer: OrganizationDto,
  registry: OrganizationDto[],
  figures: PeriodFiguresDto,
): MonitoringFigures {
  const registered = new Map(registry.map((o) => [o.id, o.shortName ?? o.name]));
  const nameOf = (idOrName: string) => registered.get(idOrName) ?? idOrName;
  const bySection = sectionCounts(plan, figures);
  return {
    kind,
    issuer: issuer.name,
    title: plan.title,
    period: periodLabel(figures, plan),
    date: null,
    number: null,
    sections: plan.sections.map((s) => {
      const counts = bySection.get(s.id) ?? zero;
      return { number: s.number, title: s.title, counts: countsOf(counts), participants: counts.participants };
    }),
    organizations: figures.organizations.map((o) => ({ name: o.name ?? nameOf(o.organizationId), counts: countsOf(o), participants: o.participants })),
    indicators: [],
    notHeld: figures.exceptions.map((e) => ({ number: e.number, title: e.title, responsible: responsible(e, nameOf), reason: reasons(e) })),
    signatory: null,
  };
}
