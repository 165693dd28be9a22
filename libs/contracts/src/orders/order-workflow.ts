import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { strictRequest } from '../bus/strict-request';
import { boundedInt, nonEmpty } from '../common';
import { personSnapshot as personInput, type OrderStatus, type Person } from '../plans';

export const ORDER_WORKFLOW_TYPE = 'orderLifecycle';

/** One workflow per order, so starting twice finds the running one. */
export const orderWorkflowId = (orderId: string) => `order-${orderId}`;

export const approverInput = personInput.extend({
  /** Who may act for this approver while they are absent (замещающие), named as the approval sheet shows them. */
  substitutes: z.array(personInput).default([]),
});

export const approvalStageInput = z.object({
  name: nonEmpty(300),
  approvers: z.array(approverInput).min(1, 'в этапе согласования нет согласующих'),
});

/** Inputs that go over HTTP straight into the workflow, with no bus route: each is strict by itself. */
export const submitOrderRequest = strictRequest(z.object({
  route: z.array(approvalStageInput).min(1, 'маршрут согласования пуст'),
  /** Working days the centers get after a quarter ends (or after the period opens late). */
  reportDeadlineWorkingDays: z.number().int().min(1).max(60).default(10),
}));

export type ApprovalStageInput = z.infer<typeof approvalStageInput>;

export interface OrderLifecycleInput {
  orderId: string;
  planId: string;
  route: ApprovalStageInput[];
  signatory: Person;
  reportDeadlineWorkingDays: number;
}

export const DECISIONS = ['approve', 'approve_with_remarks', 'return'] as const;
export type Decision = (typeof DECISIONS)[number];

export const decideRequest = strictRequest(z.object({
  userId: nonEmpty(100),
  decision: z.enum(DECISIONS),
  comment: z.string().max(5000).nullish(),
  /** The version the approver read: a decision on a stale version is refused. */
  version: boundedInt(1),
}));
export type DecideRequest = z.infer<typeof decideRequest>;

export const resubmitRequest = strictRequest(z.object({
  userId: nonEmpty(100),
  comment: z.string().max(5000).nullish(),
  /** 'all': every approver decides again; 'not_approved': only those who returned it or had not decided. */
  reapprove: z.enum(['all', 'not_approved']).default('not_approved'),
}));
export type ResubmitRequest = z.infer<typeof resubmitRequest>;

export const signRequest = strictRequest(z.object({ userId: nonEmpty(100) }));
export type SignRequest = z.infer<typeof signRequest>;

/** A person retries the step that failed, after fixing its cause. */
export const retryRequest = strictRequest(z.object({ userId: nonEmpty(100) }));
export type RetryRequest = z.infer<typeof retryRequest>;

export interface DecisionRecord {
  userId: string;
  name: string;
  position: string;
  /** Set when a substitute acted: the approver they stood in for. */
  actingFor: string | null;
  decision: Decision;
  comment: string | null;
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
  approvers: (Person & { substitutes: Person[] })[];
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

export const decideUpdate = defineUpdate<OrderWorkflowState, [DecideRequest]>('decide');
export const resubmitUpdate = defineUpdate<OrderWorkflowState, [ResubmitRequest]>('resubmit');
export const signUpdate = defineUpdate<OrderWorkflowState, [SignRequest]>('sign');
export const retryUpdate = defineUpdate<OrderWorkflowState, [RetryRequest]>('retry');
/** A hint that reports of the period may have arrived: the workflow then counts them in the reporting service. */
export const reportSubmittedSignal = defineSignal<[{ periodId: string }]>('reportSubmitted');
export const closePeriodSignal = defineSignal<[{ periodId: string }]>('closePeriod');
export const orderStateQuery = defineQuery<OrderWorkflowState>('state');
