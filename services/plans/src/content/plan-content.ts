import type {
  createPlanRequest,
  eventInput,
  EventSubRowDto,
  PlanEventDto,
  PlanSnapshot,
  ResponsibleDto,
  responsibleInput,
  SectionDto,
  sectionInput,
  subRowInput,
} from '@eduplan/contracts';
import { directionCode, type PlanPeriod } from '@eduplan/domain';
import type { z } from 'zod';
import { eventSchedule } from './event-schedule';

type SectionFields = Omit<z.output<typeof sectionInput>, 'events'>;

/** Builders from validated requests to the stored shapes; deadlines are always parsed here, never trusted. */
export const toResponsible = (input: z.output<typeof responsibleInput>): ResponsibleDto => ({
  name: input.name,
  organizationId: input.organizationId ?? null,
  raw: input.raw ?? null,
});

export const toSubRow = (input: z.output<typeof subRowInput>, period: PlanPeriod): EventSubRowDto => ({
  content: input.content ?? null,
  responsible: input.responsible.map(toResponsible),
  deadline: eventSchedule(input.deadline, period),
  expectedResult: input.expectedResult ?? null,
});

export function toEvent(input: z.output<typeof eventInput>, period: PlanPeriod, id: string): PlanEventDto {
  return {
    id,
    number: input.number ?? null,
    title: input.title,
    content: input.content ?? null,
    audience: input.audience ?? null,
    deadline: eventSchedule(input.deadline, period),
    responsible: input.responsible.map(toResponsible),
    expectedResult: input.expectedResult ?? null,
    subRows: input.subRows.map((row) => toSubRow(row, period)),
  };
}

/** A section's standard direction is recognised from its title unless the request names one (or null). */
export function toSection(input: SectionFields, id: string): SectionDto {
  return {
    id,
    number: input.number ?? null,
    title: input.title,
    directionCode: input.directionCode !== undefined ? input.directionCode : directionCode(input.title),
    events: [],
  };
}

/** A new period moves every deadline that was resolved against the old one. */
export function withPeriod(plan: PlanSnapshot, period: PlanPeriod): PlanSnapshot {
  return {
    ...plan,
    period,
    sections: plan.sections.map((section) => ({
      ...section,
      events: section.events.map((event) => ({
        ...event,
        deadline: eventSchedule(event.deadline.raw, period),
        subRows: event.subRows?.map((row) => ({ ...row, deadline: eventSchedule(row.deadline.raw, period) })),
      })),
    })),
  };
}

/** A plan typed in through the API. */
export function snapshotFromRequest(request: z.output<typeof createPlanRequest>, newId: () => string): PlanSnapshot {
  return {
    title: request.title,
    period: request.period,
    sections: request.sections.map((section) => ({
      ...toSection(section, newId()),
      events: section.events.map((event) => toEvent(event, request.period, newId())),
    })),
  };
}
