import { ATTENDANCE_CATEGORIES, type ReportItemDto, type ReportItemInput } from '@eduplan/contracts';
import { formatRuDate, quarterBounds, type IsoDate, type QuarterNumber } from '@eduplan/domain';
import { DomainException } from '@eduplan/platform';
import type { EvidenceFileEntity } from './evidence-file.entity';
import type { ReportingPeriodEntity } from './reporting-period.entity';

interface Issue {
  path: (string | number)[];
  message: string;
}

/** What the checks of a report need besides its items. */
export interface ReportContext {
  period: ReportingPeriodEntity;
  /** The events the organization owes in the period. */
  owed: readonly string[];
  /** The owed events' numbers and titles, to name them in errors (periods opened before they were recorded have none). */
  titles: ReadonlyMap<string, string>;
  /** The organization's uploaded files named by the items (complete or not). */
  files: ReadonlyMap<string, EvidenceFileEntity>;
  confirmParticipantsAbove: number;
}

const ru = (date: string) => formatRuDate(date as IsoDate);

/** Only what the period's organization owes, each event once: what a draft must already satisfy. */
export function checkOwnEvents(items: readonly ReportItemInput[], owed: readonly string[]): void {
  const foreign = items.filter((item) => !owed.includes(item.eventId)).map((item) => item.eventId);
  if (foreign.length) throw new DomainException('VALIDATION', `Мероприятия не относятся к отчёту организации за период: ${foreign.join(', ')}`);
  if (new Set(items.map((i) => i.eventId)).size !== items.length) throw new DomainException('VALIDATION', 'Одно мероприятие указано в отчёте дважды');
}

/**
 * A report to submit, checked as a whole against its period: dates held within the period's quarter, a postponement
 * saying where to, participants counted for what was held (a large total confirmed), files the organization uploaded
 * for this period. Every problem is named at its field, so the form shows each where it is; nothing is stored on any.
 */
export function checkReportItems(items: readonly ReportItemInput[], context: ReportContext): ReportItemDto[] {
  checkOwnEvents(items, context.owed);
  const { period } = context;
  const quarter = quarterBounds(period.year, period.quarter as QuarterNumber);
  const quarterText = `${period.quarter} квартала ${period.year} г. (${ru(quarter.start)}–${ru(quarter.end)})`;
  const { titles } = context;
  const issues: Issue[] = [];
  const stored = items.map((item, i): ReportItemDto => {
    const issue = (field: string, message: string) => issues.push({ path: ['items', i, field], message });
    const held = item.outcome === 'held' || item.outcome === 'partly';
    if (held) {
      if (!item.heldFrom) issue('heldFrom', 'укажите, с какого числа проводилось мероприятие');
      if (!item.heldTo) issue('heldTo', 'укажите, по какое число проводилось мероприятие');
      for (const field of ['heldFrom', 'heldTo'] as const) {
        const date = item[field];
        if (date && (date < quarter.start || date > quarter.end)) issue(field, `дата ${ru(date)} вне ${quarterText}: отчёт — только о проведённом в этом квартале`);
      }
      if (item.heldFrom && item.heldTo && item.heldFrom > item.heldTo) issue('heldTo', `дата окончания ${ru(item.heldTo)} раньше даты начала ${ru(item.heldFrom)}`);
      if (!item.attendance) issue('attendance', 'укажите число участников по категориям (0, если таких не было)');
    } else {
      if (item.heldFrom || item.heldTo) issue('heldFrom', 'даты проведения указываются только для проведённого мероприятия: уберите их');
      if (item.attendance) issue('attendance', 'участники указываются только для проведённого мероприятия: уберите их');
    }
    if (item.outcome === 'postponed') {
      if (Boolean(item.postponedToDate) === Boolean(item.postponedToQuarter)) issue('postponedToDate', 'укажите, на какую дату или на какой квартал перенесено мероприятие (одно из двух)');
      if (item.postponedToDate && item.postponedToDate < quarter.start) issue('postponedToDate', `перенести можно не раньше начала ${quarterText}`);
      const to = item.postponedToQuarter;
      if (to && to.year * 4 + to.quarter <= period.year * 4 + period.quarter) issue('postponedToQuarter', `перенести можно на квартал после ${period.quarter} квартала ${period.year} г.`);
    } else if (item.postponedToDate || item.postponedToQuarter) {
      issue('postponedToDate', 'срок переноса указывается только для перенесённого мероприятия: уберите его');
    }
    const participants = item.attendance ? ATTENDANCE_CATEGORIES.reduce((sum, category) => sum + item.attendance![category], 0) : null;
    if (participants !== null && participants > context.confirmParticipantsAbove && !item.participantsConfirmed) {
      issue(
        'participantsConfirmed',
        `участников ${participants} — больше ${context.confirmParticipantsAbove}: проверьте число и подтвердите его (отметка «Число участников верно», participantsConfirmed)`,
      );
    }
    const files = (item.files ?? []).map((id) => context.files.get(id));
    (item.files ?? []).forEach((id, f) => {
      const file = files[f];
      if (!file) issue('files', `файл ${id} не загружен вашей организацией для этого периода: загрузите его снова`);
      else if (!file.complete) issue('files', `файл «${file.name}» загружен не полностью: загрузите его снова`);
    });
    if (new Set(item.files ?? []).size !== (item.files ?? []).length) issue('files', 'один файл приложен дважды');
    return {
      eventId: item.eventId,
      outcome: item.outcome,
      heldFrom: held ? (item.heldFrom ?? null) : null,
      heldTo: held ? (item.heldTo ?? null) : null,
      postponedToDate: item.postponedToDate ?? null,
      postponedToQuarter: item.postponedToQuarter ?? null,
      attendance: item.attendance ?? null,
      participants,
      links: item.links ?? [],
      files: files.flatMap((file) => (file ? [file.toDto()] : [])),
      comment: item.comment?.trim() || null,
    };
  });
  if (issues.length) {
    const named = issues.slice(0, 5).map((problem) => `«${titles.get(items[problem.path[1] as number].eventId) ?? items[problem.path[1] as number].eventId}»: ${problem.message}`);
    const more = issues.length > 5 ? ` (и ещё ${issues.length - 5})` : '';
    throw new DomainException('VALIDATION', `Отчёт не принят — ${named.join('; ')}${more}`, issues);
  }
  return stored;
}

/** Whole days between the deadline and the day of submission in Moscow time, 0 when on time. */
export function daysLate(deadline: string, at: Date): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000));
}
