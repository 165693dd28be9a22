import { z } from 'zod';
import { boundedInt, uuid } from '../common';
import { DECISIONS, MAX_REMARKS, remarkRecord } from './order-workflow';

/** What a person did to an order on its route, as the plans service's audit log records it. */
export const APPROVAL_STEP_ACTIONS = ['order.decide', 'order.resubmit', 'order.sign', 'order.retry'] as const;
export type ApprovalStepAction = (typeof APPROVAL_STEP_ACTIONS)[number];

/**
 * One step of an order's approval as the workflow reports it for the audit log of the plans service, which owns
 * orders. `seq` is the workflow's own count of its steps: a write repeated after a lost answer is kept once.
 */
export const approvalStepRequest = z.object({
  /** The order. */
  id: uuid,
  seq: boundedInt(1),
  action: z.enum(APPROVAL_STEP_ACTIONS),
  /** Who acted, as the session named them. */
  actor: z.object({ accountId: uuid, login: z.string().max(100) }),
  /** The absent approver a substitute stood in for. */
  actingFor: uuid.nullable(),
  version: boundedInt(1),
  round: boundedInt(1),
  stage: z.string().max(300).nullable(),
  decision: z.enum(DECISIONS).nullable(),
  comment: z.string().max(5000).nullable(),
  /** A decision's remarks on the draft and its plan rows. */
  remarks: z.array(remarkRecord).max(MAX_REMARKS).optional(),
  /** SHA-256 of the draft decided on or signed. */
  contentSha256: z.string().max(64).nullable(),
});
export type ApprovalStep = z.infer<typeof approvalStepRequest>;

/**
 * Who the order waits on now: the approvers of the active stage who have not decided in this round (none once the
 * order is returned or approved). The workflow numbers these as it sends them, so one arriving late after a newer
 * one is ignored; the plans service keeps the newest on the order for the «Мои задачи» query.
 */
export const awaitedApproversRequest = z.object({
  /** The order. */
  id: uuid,
  seq: boundedInt(1),
  stage: z.string().max(300).nullable(),
  approverIds: z.array(uuid).max(20),
});
export type AwaitedApprovers = z.infer<typeof awaitedApproversRequest>;
