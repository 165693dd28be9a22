import { z } from 'zod';
import type { DateInterval, ImportedPlan, ImportedPlanFile, Schedule } from '@eduplan/domain';
import { MINISTRY_ROLES, type Role } from './actor';
import { actedRoute, route } from './bus/route';
import { approvalStepRequest, awaitedApproversRequest } from './orders/approval-steps';
import { strictRequest } from './bus/strict-request';
import { boundedInt, byId, isoDate, MAX_STORED_INT, nonEmpty, pageRequest, uuid, type Page, type TaskList } from './common';

export const planPeriod = z
  .object({ start: isoDate, end: isoDate })
  .refine((p) => p.start <= p.end, 'начало периода позже его окончания')
  .refine((p) => Number(p.end.slice(0, 4)) - Number(p.start.slice(0, 4)) <= 10, 'период плана длиннее 10 лет');

export const responsibleInput = z.object({
  name: nonEmpty(1000),
  /** The text as the source document has it, before abbreviations were expanded. */
  raw: z.string().max(1000).nullish(),
  organizationId: uuid.nullish(),
});

/** One of several contents/executors/dates of a road-map event. */
export const subRowInput = z.object({
  content: z.string().max(10000).nullish(),
  responsible: z.array(responsibleInput).max(100).default([]),
  deadline: z.string().max(1000),
  expectedResult: z.string().max(5000).nullish(),
});

export const eventInput = z.object({
  number: z.string().max(20).nullish(),
  title: nonEmpty(5000),
  content: z.string().max(10000).nullish(),
  audience: z.string().max(2000).nullish(),
  deadline: nonEmpty(1000),
  responsible: z.array(responsibleInput).max(100).default([]),
  expectedResult: z.string().max(5000).nullish(),
  subRows: z.array(subRowInput).max(100).default([]),
});

const sectionFields = {
  number: z.string().max(20).nullish(),
  title: nonEmpty(2000),
  /** Standard direction 1–11; when left out, recognised from the title. */
  directionCode: z.number().int().min(1).max(11).nullish(),
};

export const sectionInput = z.object({ ...sectionFields, events: z.array(eventInput).max(2000) });

export const createPlanRequest = z.object({
  title: nonEmpty(2000),
  issuerId: uuid,
  period: planPeriod,
  sections: z.array(sectionInput).min(1, 'в плане нет ни одного раздела').max(100),
});

export interface ResponsibleDto {
  name: string;
  organizationId: string | null;
  /** The source document's text when it differs from `name` (abbreviations expanded). */
  raw?: string | null;
}

export interface EventSubRowDto {
  content: string | null;
  responsible: ResponsibleDto[];
  deadline: Schedule;
  expectedResult: string | null;
}

export interface PlanEventDto {
  id: string;
  number: string | null;
  title: string;
  content: string | null;
  audience: string | null;
  /** The whole «Сроки» cell; with sub-rows, one line per sub-row. */
  deadline: Schedule;
  responsible: ResponsibleDto[];
  expectedResult: string | null;
  /** Present when one event has several contents/executors/dates; absent or empty for a single row. */
  subRows?: EventSubRowDto[];
}

export interface SectionDto {
  id: string;
  number: string | null;
  title: string;
  directionCode: number | null;
  events: PlanEventDto[];
}

/** Where the plan stands, from the furthest of the orders approving it: `on_approval` and `in_force` plans refuse edits. */
export const PLAN_STATUSES = ['draft', 'on_approval', 'in_force', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanDto {
  id: string;
  title: string;
  issuerId: string;
  period: DateInterval;
  /** Every edit adds one; an edit names the version it was made on. */
  version: number;
  /** Always set by the plans service. */
  status?: PlanStatus;
  sections: SectionDto[];
  createdAt: string;
}

/** A line of the plans list: what a clerk needs to recognise a plan without loading its events. */
export type PlanSummaryDto = Omit<PlanDto, 'sections'> & { sectionCount: number; eventCount: number };

/** Words searched for in a list, case-insensitively, as a substring. */
const listSearch = z.string().trim().max(200, 'не длиннее 200 символов').optional();
const sortDirection = z.enum(['asc', 'desc']);
/** A calendar year a list is narrowed to. */
const listYear = boundedInt(2000, 2100);

/** How the plans list is ordered: by creation, title, the plan's start or its status; `dir` defaults to newest (created) or A→Я. */
export const PLAN_SORTS = ['created', 'title', 'period', 'status'] as const;

export const listPlansRequest = pageRequest.extend({
  issuerId: uuid.optional(),
  /** In the title. */
  q: listSearch,
  /** Plans whose period touches the year. */
  year: listYear.optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  sort: z.enum(PLAN_SORTS).default('created'),
  dir: sortDirection.optional(),
});

/** The content of one version of a plan: what is stored per version and compared by diffs. */
export type PlanSnapshot = Pick<PlanDto, 'title' | 'period' | 'sections'>;

export interface PlanVersionDto {
  version: number;
  /** The plan's status when the version was made. */
  status: PlanStatus;
  createdAt: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangedItem {
  id: string;
  number: string | null;
  title: string;
  changes: FieldChange[];
}

export type ItemRef = Omit<ChangedItem, 'changes'>;

/** What happened between two versions: sections and events are matched by their ids, changes field by field. */
export interface PlanDiff {
  from: number;
  to: number;
  plan: FieldChange[];
  sections: { added: ItemRef[]; removed: ItemRef[]; changed: ChangedItem[] };
  events: { added: ItemRef[]; removed: ItemRef[]; changed: ChangedItem[] };
}

/** A plan in the import JSON shape (`eduplan import --json`): what the export answers and the renderer reads. */
export function importedPlanOf(plan: PlanSnapshot): ImportedPlan {
  return {
    title: plan.title,
    period: plan.period,
    sections: plan.sections.map((section) => ({
      number: section.number,
      title: section.title,
      directionCode: section.directionCode,
      events: section.events.map((event) => ({
        number: event.number,
        title: event.title,
        content: event.content,
        audience: event.audience,
        expectedResult: event.expectedResult,
        deadline: {
          raw: event.deadline.raw,
          kind: event.deadline.kind,
          intervals: event.deadline.intervals,
          recurrence: event.deadline.recurrence,
          warnings: event.deadline.warnings,
        },
        responsible: event.responsible.map((r) => ({ raw: r.raw ?? r.name, name: r.name })),
      })),
    })),
  };
}

/** `details` of the 409 answer to an edit made on an old version. */
export interface StaleEditDetails {
  baseVersion: number;
  currentVersion: number;
  /** From the edit's version to the current one; null when that version was never stored. */
  diff: PlanDiff | null;
}

const position = z.number().int().min(0).max(10000);
const eventChanges = eventInput.partial().omit({ responsible: true, subRows: true }).extend({
  responsible: z.array(responsibleInput).max(100).optional(),
  subRows: z.array(subRowInput).max(100).optional(),
});

/** One edit of a plan; `position` counts from 0 and defaults to the end. */
export const planEdit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('updatePlan'), title: nonEmpty(2000).optional(), period: planPeriod.optional() }),
  z.object({ op: z.literal('addSection'), section: z.object(sectionFields), position: position.optional() }),
  z.object({ op: z.literal('updateSection'), sectionId: uuid, changes: z.object(sectionFields).partial() }),
  z.object({ op: z.literal('deleteSection'), sectionId: uuid }),
  z.object({ op: z.literal('moveSection'), sectionId: uuid, position }),
  z.object({ op: z.literal('addEvent'), sectionId: uuid, event: eventInput, position: position.optional() }),
  z.object({ op: z.literal('updateEvent'), eventId: uuid, changes: eventChanges }),
  z.object({ op: z.literal('deleteEvent'), eventId: uuid }),
  z.object({ op: z.literal('moveEvent'), eventId: uuid, sectionId: uuid, position: position.optional() }),
  z.object({ op: z.literal('splitEvent'), eventId: uuid }),
  z.object({ op: z.literal('mergeEvents'), eventIds: z.array(uuid).min(2, 'объедините хотя бы два мероприятия').max(100) }),
]);
export type PlanEdit = z.output<typeof planEdit>;

export const editPlanRequest = z.object({
  planId: uuid,
  /** The version the edit was made on; a stale one is refused with what changed since. */
  baseVersion: boundedInt(1, MAX_STORED_INT, 'укажите версию плана, на которой сделана правка (baseVersion)'),
  edit: planEdit,
});

export const diffPlanVersionsRequest = z.object({
  planId: uuid,
  from: boundedInt(1),
  to: boundedInt(1),
});

const dateInterval = z.object({ start: isoDate, end: isoDate });
const importedDocument = z.object({
  kind: z.enum(['prikaz', 'rasporyazhenie']).nullable(),
  issuer: z.string().max(2000).nullable(),
  date: isoDate.nullable(),
  number: z.string().max(100).nullable(),
  place: z.string().max(500).nullable(),
  title: z.string().max(5000).nullable(),
  signatory: z.object({ position: z.string().max(1000), name: z.string().max(500) }).nullable(),
  basis: z.string().max(20000).nullish(),
  points: z.array(z.string().max(20000)).max(200).optional(),
  approval: z
    .object({
      text: z.string().max(5000),
      kind: z.enum(['prikaz', 'rasporyazhenie']).nullable(),
      issuer: z.string().max(2000).nullable(),
      date: isoDate.nullable(),
      number: z.string().max(100).nullable(),
    })
    .nullish(),
  glossary: z.array(z.object({ short: nonEmpty(200), full: nonEmpty(2000) })).max(500).optional(),
  abbreviations: z
    .array(z.object({ short: nonEmpty(200), full: nonEmpty(2000), source: z.enum(['glossary', 'inline']) }))
    .max(500)
    .optional(),
});
const importedEvent = z.object({
  number: z.string().max(20).nullable(),
  line: z.number().int().optional(),
  title: nonEmpty(5000),
  content: z.string().max(10000).nullable(),
  audience: z.string().max(2000).nullable(),
  expectedResult: z.string().max(5000).nullable(),
  /** Only `raw` is read: the plans service parses the deadline itself against the plan's period; the rest is what the preview showed. */
  deadline: z.object({
    raw: z.string().max(1000),
    kind: z.string().max(50).optional(),
    intervals: z.array(dateInterval).max(100).optional(),
    recurrence: z.string().max(50).nullish(),
    warnings: z.array(z.string().max(2000)).max(100).optional(),
  }),
  responsible: z.array(z.object({ raw: z.string().max(1000), name: nonEmpty(1000) })).max(100),
});

/** The `eduplan import --json` file, as the preview returned it (the person may have corrected it). */
export const importedPlanFile = z.object({
  document: importedDocument,
  plan: z.object({
    title: z.string().max(2000).nullable(),
    period: planPeriod,
    sections: z
      .array(
        z.object({
          number: z.string().max(20).nullable(),
          title: nonEmpty(2000),
          directionCode: z.number().int().min(1).max(11).nullable(),
          events: z.array(importedEvent).max(2000),
        }),
      )
      .min(1, 'в плане нет ни одного раздела')
      .max(100),
  }),
  warnings: z.array(z.object({ line: z.number().int().nullable(), message: z.string() })).max(10000).default([]),
});

export const importPlanRequest = z.object({ issuerId: uuid, imported: importedPlanFile });

export const ORDER_KINDS = ['prikaz', 'rasporyazhenie'] as const;
export const ORDER_STATUSES = [
  'draft',
  'on_approval',
  'returned',
  'approved',
  'signing',
  'signed',
  'in_force',
  'final_report',
  'closed',
  'cancelled',
  'amended',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * A person of the registry as an order or an approval route names them: chosen by `personId`, with the name
 * and position as the documents print them, copied when chosen (a later rename does not rewrite a signed act).
 */
export const personSnapshot = z.object({
  personId: uuid,
  name: nonEmpty(300),
  position: nonEmpty(500),
});
export type Person = z.infer<typeof personSnapshot>;

/** The numbered points of the order's text, in order, without their numbers. */
const orderPoints = z.array(nonEmpty(10000)).min(1, 'в приказе нет ни одного пункта').max(100);

/**
 * The order's own text and signatory. The date and number are not among them: registration gives them, so
 * a request carrying them is refused.
 */
const orderText = {
  title: nonEmpty(2000),
  place: z.string().max(200).nullish(),
  /** «В соответствии с …», without the closing «приказываю:». */
  basis: z.string().max(10000).nullish(),
  /** When left out, the plans service writes the usual two: approve the plan, control of execution. */
  points: orderPoints.optional(),
};
const orderHeading = { planId: uuid, kind: z.enum(ORDER_KINDS) };

/** On the bus the signatory travels as the registry person the gateway looked up, name and position copied. */
export const createOrderRequest = z.object({ ...orderHeading, ...orderText, signatory: personSnapshot });

/** Over HTTP the signatory is chosen from the issuer's staff by id (`GET /api/organizations/:id/people`). */
export const createOrderBody = strictRequest(z.object({ ...orderHeading, ...orderText, signatoryId: uuid }));

const somethingToChange = (signatoryField: string) =>
  [
    (request: Record<string, unknown>) => Object.entries(request).some(([field, value]) => field !== 'id' && value !== undefined),
    { message: `нечего менять: укажите заголовок (title), основание (basis), пункты (points), место (place) или подписанта (${signatoryField})` },
  ] as const;

/** Changes of a draft order (or one returned for revision); fields left out stay as they are. */
export const updateOrderRequest = z
  .object({ id: uuid, ...orderText, points: orderPoints, signatory: personSnapshot })
  .partial()
  .required({ id: true })
  .refine(...somethingToChange('signatory'));

/** The same over HTTP, the order named by the path and the signatory chosen by id. */
export const updateOrderBody = strictRequest(
  z
    .object({ ...orderText, points: orderPoints, signatoryId: uuid })
    .partial()
    .refine(...somethingToChange('signatoryId')),
);

export interface OrderDto {
  id: string;
  planId: string;
  issuerId: string;
  kind: (typeof ORDER_KINDS)[number];
  title: string;
  place: string | null;
  basis: string | null;
  points: string[];
  signatory: Person;
  status: OrderStatus;
  registrationNumber: string | null;
  registeredOn: string | null;
  createdAt: string;
}

/** How the orders list is ordered: by creation, title, status or registration (date, then number; unregistered last). */
export const ORDER_SORTS = ['created', 'title', 'status', 'registered'] as const;

export const listOrdersRequest = pageRequest.extend({
  issuerId: uuid.optional(),
  planId: uuid.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  kind: z.enum(ORDER_KINDS).optional(),
  /** In the title or the registration number. */
  q: listSearch,
  /** Orders registered in the year, or created in it while not registered. */
  year: listYear.optional(),
  sort: z.enum(ORDER_SORTS).default('created'),
  dir: sortDirection.optional(),
});

/** The registration journal of one issuer: its registered acts, of one kind and year when asked, in number order. */
export const journalRequest = pageRequest.extend({
  issuerId: uuid,
  kind: z.enum(ORDER_KINDS).optional(),
  year: listYear.optional(),
});

export const setOrderStatusRequest = z.object({ id: uuid, status: z.enum(ORDER_STATUSES) });

/** What one approval round decides on: the plan version frozen under the order and the draft's SHA-256. */
export interface FrozenDraft {
  planVersion: number;
  /** SHA-256 of the canonical JSON of the order's requisites and that plan version's snapshot. */
  contentSha256: string;
}

export const approvedDraftRequest = z.object({ id: uuid, planVersion: z.number().int().min(1).max(1_000_000) });

/** The draft as a round froze it: the order's requisites and the stored snapshot of the plan version. */
export interface ApprovedDraftDto extends FrozenDraft {
  order: OrderDto;
  plan: PlanSnapshot;
}
export const registerOrderRequest = z.object({ id: uuid, registeredOn: isoDate });

export const orderTasksRequest = z.object({
  /** The approvers the actor stands in for today by the registry's substitutions (the gateway asks the registry). */
  standsInFor: z.array(uuid).max(100).default([]),
  limit: boundedInt(1, 50).default(20),
});

/** What orders wait on the person, each list the oldest first, cut at `limit`, with the full count. */
export interface OrderTasksDto {
  toDecide: TaskList<OrderDto>;
  toSign: TaskList<OrderDto>;
  toRegister: TaskList<OrderDto>;
  toRevise: TaskList<OrderDto>;
}

/** Who edits plans and drafts orders; every ministry role reads them (each only their own issuer's). */
const EDITOR: readonly Role[] = ['editor'];

/**
 * Routes a person calls through the gateway carry the verified `actor` (`actedRoute`); the plans service
 * lets staff touch only the plans and orders of the issuer they work for. Routes without an actor are the
 * order workflow's steps and reads made by services on their own (the worker, the public verification page).
 */
export const PlanRoutes = {
  createPlan: actedRoute<typeof createPlanRequest, PlanDto>('plans.create', createPlanRequest, EDITOR),
  getPlan: actedRoute<typeof byId, PlanDto>('plans.get', byId, MINISTRY_ROLES),
  listPlans: actedRoute<typeof listPlansRequest, Page<PlanSummaryDto>>('plans.list', listPlansRequest, MINISTRY_ROLES),
  /** One edit on the version it names; a stale version gets CONFLICT with `StaleEditDetails`. */
  editPlan: actedRoute<typeof editPlanRequest, PlanDto>('plans.edit', editPlanRequest, EDITOR),
  listPlanVersions: actedRoute<typeof byId, PlanVersionDto[]>('plans.versions.list', byId, MINISTRY_ROLES),
  diffPlanVersions: actedRoute<typeof diffPlanVersionsRequest, PlanDiff>('plans.versions.diff', diffPlanVersionsRequest, MINISTRY_ROLES),
  /** Creates the plan from the import JSON in one transaction: all of it or nothing. */
  importPlan: actedRoute<typeof importPlanRequest, PlanDto>('plans.import', importPlanRequest, EDITOR),
  /** The plan in the import JSON shape: importing it again gives the same plan. */
  exportPlan: actedRoute<typeof byId, ImportedPlanFile>('plans.export', byId, MINISTRY_ROLES),
  createOrder: actedRoute<typeof createOrderRequest, OrderDto>('plans.orders.create', createOrderRequest, EDITOR),
  getOrder: actedRoute<typeof byId, OrderDto>('plans.orders.get', byId, MINISTRY_ROLES),
  listOrders: actedRoute<typeof listOrdersRequest, Page<OrderDto>>('plans.orders.list', listOrdersRequest, MINISTRY_ROLES),
  /** The issuer's registration journal (year, kind, number ascending); for the issuer's own staff. */
  journal: actedRoute<typeof journalRequest, Page<OrderDto>>('plans.orders.journal', journalRequest, MINISTRY_ROLES),
  /** Edits a draft or returned order's text and signatory; any other status gets CONFLICT. */
  updateOrder: actedRoute<typeof updateOrderRequest, OrderDto>('plans.orders.update', updateOrderRequest, EDITOR),
  /**
   * The order, when it may be sent for approval now: a draft (or returned) order whose plan has every
   * «Ответственные» string linked or marked «не отчитывается»; CONFLICT naming the strings otherwise. The
   * same rule refuses the order's move to `on_approval` through `setOrderStatus`, whoever asks.
   */
  readyForApproval: actedRoute<typeof byId, OrderDto>('plans.orders.ready-for-approval', byId, EDITOR),
  setOrderStatus: route<typeof setOrderStatusRequest, OrderDto>('plans.orders.set-status', setOrderStatusRequest),
  /** Allocates the next journal number of the issuer; repeating it returns the number already given. */
  registerOrder: route<typeof registerOrderRequest, OrderDto>('plans.orders.register', registerOrderRequest),
  /** For an order on approval: stores the plan's current version and answers its hash; the plan stays frozen. */
  freezeDraft: route<typeof byId, FrozenDraft>('plans.orders.freeze-draft', byId),
  /** The draft of the round that froze `planVersion`, with its hash recomputed from what is stored. */
  approvedDraft: route<typeof approvedDraftRequest, ApprovedDraftDto>('plans.orders.approved-draft', approvedDraftRequest),
  /** A plan as the order workflow's steps read it (periods, memos): no person asks, so no actor. */
  getPlanForService: route<typeof byId, PlanDto>('plans.get-for-service', byId),
  /** An order as the workflow's steps and the public verification of its published documents read it. */
  getOrderForService: route<typeof byId, OrderDto>('plans.orders.get-for-service', byId),
  /** The workflow records a person's step on the order's route (a decision, a resubmission, a signature) in the orders' audit log. */
  recordApprovalStep: route<typeof approvalStepRequest, { recorded: boolean }>('plans.orders.record-approval-step', approvalStepRequest),
  /** The workflow keeps on the order whom its active stage waits on, so «Мои задачи» is one query here. */
  recordAwaitedApprovers: route<typeof awaitedApproversRequest, { recorded: boolean }>('plans.orders.record-awaited-approvers', awaitedApproversRequest),
  /** The orders waiting on the actor: to decide (as approver or today's substitute), sign, register, revise. */
  orderTasks: actedRoute<typeof orderTasksRequest, OrderTasksDto>('plans.orders.tasks', orderTasksRequest, MINISTRY_ROLES),
};
