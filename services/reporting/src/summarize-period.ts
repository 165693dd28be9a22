import type { OutcomeCounts, PeriodSummaryDto, ReportDto, ReportingPeriodDto } from '@eduplan/contracts';

const empty = (): OutcomeCounts => ({ planned: 0, held: 0, partly: 0, notHeld: 0, postponed: 0, unreported: 0, participants: 0 });

const OUTCOME_FIELD = { held: 'held', partly: 'partly', not_held: 'notHeld', postponed: 'postponed' } as const;

/** Planned vs. reported per organization and in total; missing reports count as unreported. */
export function summarizePeriod(period: ReportingPeriodDto, reports: ReportDto[]): PeriodSummaryDto {
  const total = empty();
  const notHeld: PeriodSummaryDto['notHeld'] = [];
  const items: PeriodSummaryDto['items'] = [];
  const byOrganization = period.expected.map(({ organizationId, eventIds }) => {
    const counts = empty();
    counts.planned = eventIds.length;
    const report = reports.find((r) => r.organizationId === organizationId);
    const reported = new Map((report?.items ?? []).map((item) => [item.eventId, item]));
    for (const eventId of eventIds) {
      const item = reported.get(eventId);
      items.push({ eventId, organizationId, outcome: item?.outcome ?? null, participants: item?.participants ?? 0 });
      if (!item) {
        counts.unreported += 1;
        continue;
      }
      counts[OUTCOME_FIELD[item.outcome]] += 1;
      counts.participants += item.participants ?? 0;
      if (item.outcome !== 'held') notHeld.push({ eventId, organizationId, outcome: item.outcome, comment: item.comment ?? null });
    }
    for (const key of Object.keys(total) as (keyof OutcomeCounts)[]) total[key] += counts[key];
    return { organizationId, ...counts };
  });
  return { period, total, byOrganization, items, notHeld };
}
