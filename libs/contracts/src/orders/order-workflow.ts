import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { BusErrorCode } from '../bus/bus-error';
import { strictRequest } from '../bus/strict-request';
import { boundedInt, nonEmpty, uuid } from '../common';
import type { OrderStatus, Person } from '../plans';

export const ORDER_WORKFLOW_TYPE = 'orderLifecycle';

/** One workflow per order, so starting twice finds the running one. */
export const orderWorkflowId = (orderId: string) => `order-${orderId}`;

/** One stage of an approval route as an editor chooses it: people of the registry, by id, deciding in parallel. */
export const approvalStageBody = z.object({
  name: nonEmpty(300),
  approverIds: z
    .array(uuid)
    .min(1, 'в этапе согласования нет согласующих: выберите сотрудников из реестра')
    .max(20, 'не больше 20 согласующих в одном этапе'),
});

/**
 * Sends a draft on its route (HTTP body). The gateway turns every approver id into the person's snapshot;
 * substitutes are not named here: who stands in for whom, and on which days, is the registry's.
 */
export const submitOrderRequest = strictRequest(z.object({
  route: z.array(approvalStageBody).min(1, 'маршрут согласования пуст').max(20, 'не больше 20 этапов согласования'),
  /** Working days the centers get after a quarter ends (or after the period opens late). */
  reportDeadlineWorkingDays: z.number().int().min(1).max(60).default(10),
}));

/** A stage as the workflow keeps it: the approvers' names and positions copied when the draft was sent. */
export interface ApprovalStageInput {
  name: string;
  approvers: Person[];
}

export interface OrderLifecycleInput {
  orderId: string;
  planId: string;
  /** The organization issuing the order: resubmitting and retrying are its editors' (the administrator's). */
  issuerId: string;
  route: ApprovalStageInput[];
  signatory: Person;
  reportDeadlineWorkingDays: number;
}

export const DECISIONS = ['approve', 'approve_with_remarks', 'return'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Remarks one decision may carry, and the length of each: they stay in the order workflow's history. */
export const MAX_REMARKS = 30;
export const MAX_REMARK_LENGTH = 2000;
/** How much of a plan row's number and title a remark keeps to name it. */
export const MAX_REMARK_ROW_LENGTH = 300;

/** A remark as the approver writes it: on the draft as a whole, or on one plan row (event) of the version they decide on. */
export const decisionRemark = z.object({
  eventId: uuid.nullish(),
  text: nonEmpty(MAX_REMARK_LENGTH),
});

/** A remark as the decision keeps it: the row it points at, named as the version under approval had it. */
export const remarkRecord = z.object({
  eventId: uuid.nullable(),
  /** «1.2. Совещание руководителей центров», cut to MAX_REMARK_ROW_LENGTH; null for a remark on the whole draft. */
  row: z.string().max(MAX_REMARK_ROW_LENGTH).nullable(),
  text: z.string().max(MAX_REMARK_LENGTH),
});
export type RemarkRecord = z.infer<typeof remarkRecord>;

/** An approver's decision (HTTP body); who decides is the signed-in person. */
export const decideRequest = strictRequest(z.object({
  decision: z.enum(DECISIONS),
  comment: z.string().max(5000).nullish(),
  /** The version the approver read: a decision on a stale version is refused. */
  version: boundedInt(1),
  /**
   * Whom a substitute stands in for, by person id: needed only when they stand in today for several approvers
   * of the stage (or are one of its approvers themselves and decide for the absent one).
   */
  actingFor: uuid.nullish(),
  /** Remarks, each on the whole draft or on a row of the plan version decided on (`eventId`). */
  remarks: z.array(decisionRemark).max(MAX_REMARKS, `не больше ${MAX_REMARKS} замечаний в одном решении: объедините их`).optional(),
}));
export type DecideRequest = z.infer<typeof decideRequest>;

export const resubmitRequest = strictRequest(z.object({
  comment: z.string().max(5000).nullish(),
  /** 'all': every approver decides again; 'not_approved': only those who returned it or had not decided. */
  reapprove: z.enum(['all', 'not_approved']).default('not_approved'),
}));
export type ResubmitRequest = z.infer<typeof resubmitRequest>;

/**
 * What each person's update carries into the workflow besides their request: the actor the gateway verified
 * from the session (a short record: ids, login, name, roles), never a name typed by the client.
 */
export interface Acted {
  actor: Actor;
}
/** The gateway checks each remark's row against the plan version under approval and names it. */
export type DecisionInput = Omit<DecideRequest, 'remarks'> & { remarks?: RemarkRecord[] };
export type DecideUpdateInput = DecisionInput & Acted;
export type ResubmitUpdateInput = ResubmitRequest & Acted;
export type SignUpdateInput = Acted;
/** A person retries the step that failed, after fixing its cause. */
export type RetryUpdateInput = Acted;

/**
 * How the workflow refuses an update: the failure's type is the bus error code the gateway answers with
 * (FORBIDDEN 403 for someone the rule leaves out, CONFLICT 409 for the order's state, VALIDATION 400 for the
 * request itself, UNAVAILABLE 503 when a check could not be made).
 */
export type OrderRefusalCode = Extract<BusErrorCode, 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION' | 'UNAVAILABLE'>;

export interface DecisionRecord {
  /** Who decided: the approver, or the substitute standing in for them (`actingFor`). */
  personId: string;
  name: string;
  position: string;
  /** Set when a substitute acted: the person id of the absent approver they stood in for. */
  actingFor: string | null;
  decision: Decision;
  comment: string | null;
  /** Absent on decisions recorded before remarks on plan rows existed. */
  remarks?: RemarkRecord[];
  version: number;
  round: number;
  /** SHA-256 of the draft content the decision was made on (see `ApprovalRoundRecord`). */
  contentSha256: string;
  decidedAt: string;
}

/**
 * What one approval round put before the approvers: the plan version and the SHA-256 of the exact draft
 * (plan version snapshot + order requisites), computed by the plans service when the round opened.
 */
export interface ApprovalRoundRecord {
  round: number;
  version: number;
  planVersion: number;
  contentSha256: string;
}

export interface StageState {
  name: string;
  status: 'waiting' | 'active' | 'approved' | 'returned';
  approvers: Person[];
  /** Every decision ever made on this stage, all rounds. */
  decisions: DecisionRecord[];
}

export interface PeriodState {
  year: number;
  quarter: number;
  start: string;
  end: string;
  deadline: string | null;
  periodId: string | null;
  status: 'waiting' | 'open' | 'closed';
  /** Counts read from the reporting service, which owns the reports: never a list that grows with the centers. */
  expectedCount: number;
  submittedCount: number;
  memoDocumentId: string | null;
}

/** Steps whose activity can fail for good; the workflow then waits for a person to fix the cause and retry. */
export type OrderStep = 'status' | 'approval' | 'registration' | 'signing' | 'monitoring' | 'memo';

export interface OrderFailure {
  step: OrderStep;
  /** Russian: what failed and what to do. */
  message: string;
  at: string;
}

export interface OrderWorkflowState {
  orderId: string;
  status: OrderStatus;
  version: number;
  round: number;
  stages: StageState[];
  /** One per round that reached the approvers. */
  rounds: ApprovalRoundRecord[];
  signatory: Person;
  /** SHA-256 of the draft content the signed PDF was rendered from: the last round's, or signing fails. */
  signedContentSha256: string | null;
  /** Set while a step waits for a person to fix its cause and retry; null otherwise. */
  failure: OrderFailure | null;
  registrationNumber: string | null;
  orderDocumentId: string | null;
  periods: PeriodState[];
  finalDocumentId: string | null;
  history: { at: string; status: OrderStatus; note: string | null }[];
}

export const decideUpdate = defineUpdate<OrderWorkflowState, [DecideUpdateInput]>('decide');
export const resubmitUpdate = defineUpdate<OrderWorkflowState, [ResubmitUpdateInput]>('resubmit');
export const signUpdate = defineUpdate<OrderWorkflowState, [SignUpdateInput]>('sign');
export const retryUpdate = defineUpdate<OrderWorkflowState, [RetryUpdateInput]>('retry');
/** A hint that reports of the period may have arrived: the workflow then counts them in the reporting service. */
export const reportSubmittedSignal = defineSignal<[{ periodId: string }]>('reportSubmitted');
export const closePeriodSignal = defineSignal<[{ periodId: string }]>('closePeriod');
export const orderStateQuery = defineQuery<OrderWorkflowState>('state');
