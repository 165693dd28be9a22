import type { Actor, OrderDto, PlanEdit, PlanSnapshot } from '@eduplan/contracts';
import { auditActorOf, AuditLog, type AuditActor, type AuditEntry } from '@eduplan/platform';
import type { EntityManager } from 'typeorm';

const log = new AuditLog('plans');

/**
 * Records one change of the plans schema in the caller's transaction, so the entry exists exactly when the
 * change does. `actor` null: a step of the order workflow, which no person makes; the action names the step.
 */
export async function recordChange(manager: EntityManager, actor: Actor | AuditActor | null, entry: Omit<AuditEntry, 'actor'>): Promise<void> {
  await log.append(manager, { ...entry, actor: actor && ('roles' in actor ? auditActorOf(actor) : actor) });
}

/** The log says which plan or order a change touched, it is not their copy: texts are cut to this length. */
const TEXT_LIMIT = 200;

export const clipped = (text: string | null): string | null => (text !== null && text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}…` : text);

/** A plan as the log keeps it: what it is called, its version and how big it is — never its events. */
export function planSummary(plan: PlanSnapshot, version: number) {
  return {
    title: clipped(plan.title),
    period: plan.period,
    version,
    sections: plan.sections.length,
    events: plan.sections.reduce((count, section) => count + section.events.length, 0),
  };
}

/** An edit as the log keeps it: the operation, the fields it set and the ids it touched or created. */
export function editSummary(edit: PlanEdit, createdIds: readonly string[]) {
  const touched = [
    'sectionId' in edit ? edit.sectionId : null,
    'eventId' in edit ? edit.eventId : null,
    ...('eventIds' in edit ? edit.eventIds : []),
  ].filter((id): id is string => id !== null);
  const changes = 'changes' in edit ? edit.changes : edit.op === 'updatePlan' ? { title: edit.title, period: edit.period } : {};
  const fields = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  return { op: edit.op, ids: [...new Set([...touched, ...createdIds])], ...(fields.length > 0 ? { fields } : {}) };
}

type OrderField = 'title' | 'place' | 'basis' | 'points' | 'signatory';

/** The named fields of an order as the log keeps them: texts cut, points counted, the signatory by id and name. */
export function orderFields(order: Pick<OrderDto, OrderField>, fields: readonly OrderField[]): Record<string, unknown> {
  const kept: Record<OrderField, () => unknown> = {
    title: () => clipped(order.title),
    place: () => clipped(order.place),
    basis: () => clipped(order.basis),
    points: () => order.points.length,
    signatory: () => ({ personId: order.signatory.personId, name: order.signatory.name }),
  };
  return Object.fromEntries(fields.map((field) => [field === 'points' ? 'pointCount' : field, kept[field]()]));
}

export const ORDER_FIELDS: readonly OrderField[] = ['title', 'place', 'basis', 'points', 'signatory'];
