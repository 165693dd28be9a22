import type { ApprovalSheetInput, Decision, DecisionRecord, OrderDto, OrderWorkflowState, StageState } from '@eduplan/contracts';

type SheetDecision = ApprovalSheetInput['stages'][number]['decisions'][number];

const RESULT: Record<Decision, NonNullable<SheetDecision['result']>> = {
  approve: 'approved',
  approve_with_remarks: 'approved_with_remarks',
  return: 'returned',
};

const DRAFT_STATUSES = new Set<OrderWorkflowState['status']>(['draft', 'on_approval', 'returned', 'approved', 'signing']);

/**
 * The лист согласования from the order workflow's state: every decision of every round in route order, then
 * the approvers still to decide in the current round.
 */
export function approvalSheetOf(state: OrderWorkflowState, order: OrderDto, timeZone: string): ApprovalSheetInput {
  const kind = order.kind === 'prikaz' ? 'приказа' : 'распоряжения';
  const what = DRAFT_STATUSES.has(state.status) ? `Проект ${kind}` : `Подписанный текст ${kind}`;
  return {
    documentTitle: order.title,
    documentDescription: `${what}, версия ${state.version} (круг согласования ${state.round})`,
    timeZone,
    stages: state.stages.map((stage) => ({
      name: stage.name,
      decisions: [...stage.decisions.map((decision) => decided(stage, decision)), ...pending(stage, state)],
    })),
  };
}

function decided(stage: StageState, decision: DecisionRecord): SheetDecision {
  const absent = decision.actingFor ? stage.approvers.find((a) => a.personId === decision.actingFor) : undefined;
  return {
    approver: { name: decision.name, position: decision.position },
    actingFor: absent ? { name: absent.name, position: absent.position } : null,
    decidedAt: decision.decidedAt,
    result: RESULT[decision.decision],
    remarks: decision.comment,
    rowRemarks: (decision.remarks ?? []).map(({ row, text }) => ({ row, text })),
    version: decision.version,
  };
}

/** Approvers of a stage not yet passed who have not decided in this round and whose last word was not an approval. */
function pending(stage: StageState, state: OrderWorkflowState): SheetDecision[] {
  if (stage.status !== 'active' && stage.status !== 'waiting') return [];
  return stage.approvers
    .filter((approver) => {
      const own = stage.decisions.filter((d) => (d.actingFor ?? d.personId) === approver.personId);
      const last = own.at(-1);
      return !own.some((d) => d.round === state.round) && (!last || last.decision === 'return');
    })
    .map((approver) => ({
      approver: { name: approver.name, position: approver.position },
      actingFor: null,
      decidedAt: null,
      result: null,
      remarks: null,
      version: state.version,
    }));
}
