import {
  condition,
  proxyActivities,
  setHandler,
  sleep,
  ApplicationFailure,
} from '@temporalio/workflow';
import {
  closePeriodSignal,
  decideUpdate,
  orderStateQuery,
  reportSubmittedSignal,
  resubmitUpdate,
  signUpdate,
  type OrderActivities,
  type OrderLifecycleInput,
  type OrderStatus,
  type OrderWorkflowState,
  type PeriodSummaryDto,
  type PlannedPeriod,
} from '@eduplan/contracts';
import { ApprovalRoute } from './approval-route';

const acts = proxyActivities<OrderActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Rejects an update with the reason as its message, leaving the workflow unchanged. */
function refuse(check: () => void): void {
  try {
    check();
  } catch (error) {
    throw ApplicationFailure.nonRetryable(error instanceof Error ? error.message : String(error), 'Refused');
  }
}

// `Date` inside a workflow is Temporal's workflow time: the same on every replay, moved by timers, never the
// host clock. History timestamps and timer lengths below read it on purpose.

/**
 * The life of one order (DESIGN.md §5): approval rounds, signing, registration, then quarterly
 * monitoring until the final monitoring memo. Decisions arrive as updates, reports as signals.
 */
export async function orderLifecycle(input: OrderLifecycleInput): Promise<OrderWorkflowState> {
  const route = new ApprovalRoute(input.route);
  let resubmitted = false;
  let signed = false;
  const submissions = new Map<string, Set<string>>();
  const closeRequested = new Set<string>();

  const state: OrderWorkflowState = {
    orderId: input.orderId,
    status: 'on_approval',
    version: route.version,
    round: route.round,
    stages: route.stages,
    signatory: input.signatory,
    registrationNumber: null,
    orderDocumentId: null,
    periods: [],
    finalDocumentId: null,
    history: [],
  };

  const enter = async (status: OrderStatus, note: string | null = null) => {
    state.status = status;
    state.history.push({ at: new Date().toISOString(), status, note });
    await acts.setOrderStatus(input.orderId, status);
  };

  setHandler(orderStateQuery, () => state);
  setHandler(
    decideUpdate,
    (request) => {
      route.decide(request, new Date().toISOString());
      return state;
    },
    { validator: (request) => refuse(() => route.checkDecision(request)) },
  );
  setHandler(
    resubmitUpdate,
    (request) => {
      route.resubmit(request);
      state.version = route.version;
      state.round = route.round;
      resubmitted = true;
      return state;
    },
    {
      validator: (_request) =>
        refuse(() => {
          if (state.status !== 'returned') throw new Error('Приказ не возвращён на доработку; повторно направлять нечего');
        }),
    },
  );
  setHandler(
    signUpdate,
    () => {
      signed = true;
      return state;
    },
    {
      validator: (request) =>
        refuse(() => {
          if (state.status !== 'signing') throw new Error(`Подписать можно только согласованный приказ; сейчас «${state.status}»`);
          if (request.userId !== input.signatory.userId) {
            throw new Error(`Приказ подписывает ${input.signatory.name}; у пользователя ${request.userId} нет права подписи`);
          }
        }),
    },
  );
  setHandler(reportSubmittedSignal, ({ periodId, organizationId }) => {
    const submitted = submissions.get(periodId) ?? new Set<string>();
    submitted.add(organizationId);
    submissions.set(periodId, submitted);
    const period = state.periods.find((p) => p.periodId === periodId);
    if (period && !period.submittedOrganizations.includes(organizationId)) period.submittedOrganizations.push(organizationId);
  });
  setHandler(closePeriodSignal, ({ periodId }) => void closeRequested.add(periodId));

  await enter('on_approval');
  while (!route.approved) {
    await condition(() => route.approved || route.returned);
    if (route.returned) {
      await enter('returned', 'возвращён на доработку');
      resubmitted = false;
      await condition(() => resubmitted);
      await enter('on_approval', `версия ${route.version}, круг ${route.round}`);
    }
  }
  await enter('approved');

  await enter('signing');
  await condition(() => signed);
  await enter('signed', input.signatory.name);
  const registration = await acts.registerOrder(input.orderId);
  state.registrationNumber = registration.registrationNumber;
  const document = await acts.renderSignedOrder(input.orderId, input.signatory);
  state.orderDocumentId = document.documentId;
  await enter('in_force', `№ ${registration.registrationNumber} от ${registration.registeredOn}`);

  const summaries = await monitor(await acts.planReportingPeriods(input.orderId));

  await enter('final_report');
  state.finalDocumentId = (await acts.renderMonitoringMemo(input.orderId, summaries)).documentId;
  await enter('closed');
  return state;

  async function monitor(planned: PlannedPeriod[]): Promise<PeriodSummaryDto[]> {
    state.periods = planned.map((p) => ({
      year: p.year,
      quarter: p.quarter,
      start: p.start,
      end: p.end,
      deadline: null,
      periodId: null,
      status: 'waiting',
      expectedOrganizations: p.expected.map((e) => e.organizationId),
      submittedOrganizations: [],
      memoDocumentId: null,
    }));
    const results: PeriodSummaryDto[] = [];
    for (const [index, plannedPeriod] of planned.entries()) {
      const period = state.periods[index];
      const untilOpen = Date.parse(plannedPeriod.opensAt) - Date.now();
      if (untilOpen > 0) await sleep(untilOpen);
      const opened = await acts.openReportingPeriod(input.orderId, plannedPeriod, input.reportDeadlineWorkingDays);
      Object.assign(period, { periodId: opened.periodId, deadline: opened.deadline, status: 'open' });
      // Who owes is decided as the period opens (a group's members that day), not when the order came in force.
      if (opened.expectedOrganizations) period.expectedOrganizations = opened.expectedOrganizations;
      for (const organizationId of submissions.get(opened.periodId) ?? []) {
        if (!period.submittedOrganizations.includes(organizationId)) period.submittedOrganizations.push(organizationId);
      }
      const everyoneReported = () =>
        period.expectedOrganizations.every((o) => submissions.get(opened.periodId)?.has(o) ?? false);
      const untilDeadline = Math.max(Date.parse(opened.deadlineAt) - Date.now(), 1);
      await condition(() => everyoneReported() || closeRequested.has(opened.periodId), untilDeadline);
      const summary = await acts.closeReportingPeriod(opened.periodId);
      period.memoDocumentId = (await acts.renderQuarterlyMemo(input.orderId, summary)).documentId;
      period.status = 'closed';
      results.push(summary);
    }
    return results;
  }
}
