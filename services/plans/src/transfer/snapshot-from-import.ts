import type { EventSubRowDto, importedPlanFile, PlanSnapshot, ResponsibleDto } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import type { PlanPeriod } from '@eduplan/domain';
import type { z } from 'zod';
import { eventSchedule, textLines } from '../content/event-schedule';

type ImportedFile = z.output<typeof importedPlanFile>;
type ImportedEvent = ImportedFile['plan']['sections'][number]['events'][number];

/** The plan an import describes; deadlines are parsed again from their words against the plan's period. */
export function snapshotFromImport(file: ImportedFile, newId: () => string): PlanSnapshot {
  const title = file.plan.title ?? file.document.title;
  if (!title) throw new DomainException('VALIDATION', 'В файле не найдено название плана: впишите его в поле plan.title и повторите');
  const { period } = file.plan;
  return {
    title,
    period,
    sections: file.plan.sections.map((section) => ({
      id: newId(),
      number: section.number,
      title: section.title,
      directionCode: section.directionCode,
      events: section.events.map((event) => ({
        id: newId(),
        number: event.number,
        title: event.title,
        content: event.content,
        audience: event.audience,
        deadline: eventSchedule(event.deadline.raw, period),
        responsible: event.responsible.map(({ raw, name }) => ({ name, raw, organizationId: null })),
        expectedResult: event.expectedResult,
        subRows: subRowsFromImport(event, period),
      })),
    })),
  };
}

/**
 * A road-map event imported with one date per line has a sub-row per date; its content, executors and
 * results are shared out line by line when they have as many lines, otherwise left to the whole event.
 */
export function subRowsFromImport(event: ImportedEvent, period: PlanPeriod): EventSubRowDto[] {
  const deadlines = textLines(event.deadline.raw);
  if (deadlines.length < 2) return [];
  const perRow = <T>(values: T[], index: number): T | null => (values.length === deadlines.length ? values[index] : null);
  const responsible: ResponsibleDto[] = event.responsible.map(({ raw, name }) => ({ name, raw, organizationId: null }));
  return deadlines.map((deadline, index) => {
    const executor = perRow(responsible, index);
    return {
      content: perRow(textLines(event.content), index),
      responsible: executor ? [executor] : responsible,
      deadline: eventSchedule(deadline, period),
      expectedResult: perRow(textLines(event.expectedResult), index),
    };
  });
}
