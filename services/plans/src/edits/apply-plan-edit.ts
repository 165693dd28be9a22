import type { EventSubRowDto, PlanEdit, PlanEventDto, PlanSnapshot, SectionDto } from '@eduplan/contracts';
import { eventSchedule } from '../content/event-schedule';
import { toEvent, toResponsible, toSection, toSubRow, withPeriod } from '../content/plan-content';
import { eventNotFound, lastSection, nothingToSplit, repeatedEvents, sectionNotEmpty, sectionNotFound } from './plan-edit-errors';

type Edit<Op extends PlanEdit['op']> = Extract<PlanEdit, { op: Op }>;

/**
 * One edit applied to a plan's content: a new snapshot, the input untouched. Sections and events keep
 * their ids through every edit (a split keeps the id on its first part), so versions can be compared.
 */
export function applyPlanEdit(plan: PlanSnapshot, edit: PlanEdit, newId: () => string): PlanSnapshot {
  const next = structuredClone(plan);
  switch (edit.op) {
    case 'updatePlan':
      return withPeriod({ ...next, title: edit.title ?? next.title }, edit.period ?? next.period);
    case 'addSection':
      insertAt(next.sections, toSection(edit.section, newId()), edit.position);
      return next;
    case 'updateSection':
      Object.assign(findSection(next, edit.sectionId), definedOnly(edit.changes));
      return next;
    case 'deleteSection':
      return deleteSection(next, edit.sectionId);
    case 'moveSection':
      insertAt(next.sections, take(next.sections, findSection(next, edit.sectionId)), edit.position);
      return next;
    case 'addEvent':
      insertAt(findSection(next, edit.sectionId).events, toEvent(edit.event, next.period, newId()), edit.position);
      return next;
    case 'updateEvent':
      updateEvent(findEvent(next, edit.eventId).event, edit, next);
      return next;
    case 'deleteEvent': {
      const { section, event } = findEvent(next, edit.eventId);
      take(section.events, event);
      return next;
    }
    case 'moveEvent': {
      const target = findSection(next, edit.sectionId);
      const { section, event } = findEvent(next, edit.eventId);
      insertAt(target.events, take(section.events, event), edit.position);
      return next;
    }
    case 'splitEvent':
      return splitEvent(next, edit.eventId, newId);
    case 'mergeEvents':
      return mergeEvents(next, edit.eventIds);
  }
}

function updateEvent(event: PlanEventDto, { changes }: Edit<'updateEvent'>, plan: PlanSnapshot): void {
  const { deadline, responsible, subRows, ...plain } = changes;
  Object.assign(event, definedOnly(plain));
  if (deadline !== undefined) event.deadline = eventSchedule(deadline, plan.period);
  if (responsible !== undefined) event.responsible = responsible.map(toResponsible);
  if (subRows !== undefined) event.subRows = subRows.map((row) => toSubRow(row, plan.period));
}

function deleteSection(plan: PlanSnapshot, sectionId: string): PlanSnapshot {
  const section = findSection(plan, sectionId);
  if (section.events.length > 0) throw sectionNotEmpty(section.title, section.events.length);
  if (plan.sections.length === 1) throw lastSection();
  take(plan.sections, section);
  return plan;
}

/** Each sub-row becomes an event of its own, in place of the original; the first keeps its id. */
function splitEvent(plan: PlanSnapshot, eventId: string, newId: () => string): PlanSnapshot {
  const { section, event } = findEvent(plan, eventId);
  const rows = event.subRows ?? [];
  if (rows.length < 2) throw nothingToSplit(event.title);
  const parts = rows.map((row, index) => ({
    ...event,
    id: index === 0 ? event.id : newId(),
    content: row.content,
    deadline: row.deadline,
    responsible: row.responsible,
    expectedResult: row.expectedResult ?? event.expectedResult,
    subRows: [],
  }));
  section.events.splice(section.events.indexOf(event), 1, ...parts);
  return plan;
}

/**
 * The events become sub-rows of the first one named, which stays where it is and keeps its id, title and
 * number; the whole-event fields are the sub-rows' joined, as a road map prints them.
 */
function mergeEvents(plan: PlanSnapshot, eventIds: string[]): PlanSnapshot {
  if (new Set(eventIds).size !== eventIds.length) throw repeatedEvents();
  const found = eventIds.map((id) => findEvent(plan, id));
  const [first] = found;
  const rows = found.flatMap(({ event }) => subRowsOf(event, first.event.title));
  for (const { section, event } of found.slice(1)) take(section.events, event);
  const joined = (values: (string | null)[]) => values.filter((v): v is string => v !== null && v !== '').join('\n') || null;
  Object.assign(first.event, {
    content: joined(rows.map((row) => row.content)),
    deadline: eventSchedule(rows.map((row) => row.deadline.raw).join('\n'), plan.period),
    responsible: [...new Map(rows.flatMap((row) => row.responsible).map((r) => [r.name, r])).values()],
    expectedResult: joined([...new Set(rows.map((row) => row.expectedResult))]),
    subRows: rows,
  });
  return plan;
}

/** An event as sub-rows: its own if it has them, else itself as one (its title when it differs from the merged one). */
function subRowsOf(event: PlanEventDto, mergedTitle: string): EventSubRowDto[] {
  if (event.subRows && event.subRows.length > 0) return event.subRows;
  const content = event.content ?? (event.title !== mergedTitle ? event.title : null);
  return [{ content, responsible: event.responsible, deadline: event.deadline, expectedResult: event.expectedResult }];
}

function findSection(plan: PlanSnapshot, id: string): SectionDto {
  const section = plan.sections.find((s) => s.id === id);
  if (!section) throw sectionNotFound(id);
  return section;
}

function findEvent(plan: PlanSnapshot, id: string): { section: SectionDto; event: PlanEventDto } {
  for (const section of plan.sections) {
    const event = section.events.find((e) => e.id === id);
    if (event) return { section, event };
  }
  throw eventNotFound(id);
}

function take<T>(list: T[], item: T): T {
  list.splice(list.indexOf(item), 1);
  return item;
}

function insertAt<T>(list: T[], item: T, position = list.length): void {
  list.splice(Math.min(position, list.length), 0, item);
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
