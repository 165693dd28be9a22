import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import {
  closePeriodSignal,
  decideUpdate,
  orderStateQuery,
  reportSubmittedSignal,
  resubmitUpdate,
  retryUpdate,
  signUpdate,
  type OrderActivities,
  type OrderLifecycleInput,
  type OrderStatus,
  type OrderStep,
  type OrderWorkflowState,
  type PeriodSummaryDto,
  type PlannedPeriod,
} from '@eduplan/contracts';
import { ApprovalRoute } from './approval-route';

const acts = proxyActivities<OrderActivities>({
  startToCloseTimeout: '1 minute',
  // Bounded, so a failure that outlives the retries is shown on the order instead of retrying for ever;
  // failures that can never succeed (validation, not found, conflict) are non-retryable and stop at once.
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
});

/** An open period re-counts its reports this often even without a hint: hints can be lost, stored reports cannot. */
const RECOUNT_INTERVAL_MS = 6 * 60 * 60 * 1000;

const STEP_LABEL: Record<OrderStep, string> = {
  status: 'записать статус приказа',
  approval: 'зафиксировать проект приказа для согласования',
  registration: 'зарегистрировать приказ',
  signing: 'сформировать и подписать PDF приказа',
  monitoring: 'провести отчётный период',
  memo: 'сформировать справку',
};

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
 * monitoring until the final monitoring memo. Decisions arrive as updates, reports are counted where they
 * are stored (signals only hint that it is worth counting again).
 */
export async function orderLifecycle(input: OrderLifecycleInput): Promise<OrderWorkflowState> {
  const route = new ApprovalRoute(input.route);
  let signed = false;
  const reportHints = new Set<string>();
  const closeRequested = new Set<string>();

  const state: OrderWorkflowState = {
    orderId: input.orderId,
    status: 'on_approval',
    version: route.version,
    round: route.round,
    stages: route.stages,
    rounds: [],
    signatory: input.signatory,
    signedContentSha256: null,
    failure: null,
    registrationNumber: null,
    orderDocumentId: null,
    periods: [],
    finalDocumentId: null,
    history: [],
  };

  const enter = async (status: OrderStatus, note: string | null = null) => {
    state.status = status;
    state.history.push({ at: new Date().toISOString(), status, note });
    await step('status', () => acts.setOrderStatus(input.orderId, status));
  };
  /** The round now before the approvers, once its content is frozen and hashed. */
  const currentRound = () => state.rounds.find((r) => r.version === route.version);
  const checkRetry = () => {
    if (!state.failure) throw new Error('Повторять нечего: процесс приказа не остановлен сбоем');
  };

  setHandler(orderStateQuery, () => state);
  setHandler(
    decideUpdate,
    async (request) => {
      // A decision is made on the frozen content of its round, so it waits until that content is recorded.
      await condition(() => currentRound() !== undefined);
      // Re-checked: another update may have changed the route while this one waited.
      refuse(() => route.checkDecision(request));
      route.decide(request, new Date().toISOString(), currentRound()!.contentSha256);
      return state;
    },
    { validator: (request) => refuse(() => route.checkDecision(request)) },
  );
  setHandler(
    resubmitUpdate,
    (request) => {
      refuse(() => route.checkResubmit());
      route.resubmit(request);
      state.version = route.version;
      state.round = route.round;
      return state;
    },
    // The route, not the status the workflow is still writing, says whether the order is returned.
    { validator: (_request) => refuse(() => route.checkResubmit()) },
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
          if (state.status !== 'signing' || signed) throw new Error(`Подписать можно только согласованный приказ; сейчас «${state.status}»`);
          if (request.userId !== input.signatory.userId) {
            throw new Error(`Приказ подписывает ${input.signatory.name}; у пользователя ${request.userId} нет права подписи`);
          }
        }),
    },
  );
  setHandler(
    retryUpdate,
    (request) => {
      refuse(checkRetry);
      state.history.push({ at: new Date().toISOString(), status: state.status, note: `повтор после сбоя (${request.userId})` });
      state.failure = null;
      return state;
    },
    { validator: (_request) => refuse(checkRetry) },
  );
  setHandler(reportSubmittedSignal, ({ periodId }) => void reportHints.add(periodId));
  setHandler(closePeriodSignal, ({ periodId }) => void closeRequested.add(periodId));

  await enter('on_approval');
  await openRound();
  while (!route.approved) {
    await condition(() => route.approved || route.returned);
    if (route.returned) {
      await enter('returned', 'возвращён на доработку');
      // Waits on the route itself: a resubmit accepted while the status above was being written is not lost.
      await condition(() => !route.returned);
      await enter('on_approval', `версия ${route.version}, круг ${route.round}`);
      await openRound();
    }
  }
  await enter('approved');

  await enter('signing');
  await condition(() => signed);
  await enter('signed', input.signatory.name);
  const registration = await step('registration', () => acts.registerOrder(input.orderId));
  state.registrationNumber = registration.registrationNumber;
  const approved = state.rounds[state.rounds.length - 1];
  const document = await step('signing', () =>
    acts.renderSignedOrder(input.orderId, input.signatory, { planVersion: approved.planVersion, contentSha256: approved.contentSha256 }),
  );
  state.orderDocumentId = document.documentId;
  state.signedContentSha256 = document.contentSha256;
  await enter('in_force', `№ ${registration.registrationNumber} от ${registration.registeredOn}`);

  const summaries = await monitor(await step('monitoring', () => acts.planReportingPeriods(input.orderId)));

  await enter('final_report');
  state.finalDocumentId = (await step('memo', () => acts.renderMonitoringMemo(input.orderId, summaries))).documentId;
  await enter('closed');
  return state;

  /** Freezes the plan for the round now before the approvers and records the hash of what they decide on. */
  async function openRound(): Promise<void> {
    const frozen = await step('approval', () => acts.freezeDraft(input.orderId));
    state.rounds.push({ round: route.round, version: route.version, planVersion: frozen.planVersion, contentSha256: frozen.contentSha256 });
  }

  /**
   * Runs one activity; when it fails for good (or outlives its retries) the order shows why and waits for a
   * person to fix the cause and send `retry`, instead of the workflow dying or retrying for ever.
   */
  async function step<T>(name: OrderStep, run: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        const reason = (error.cause?.message ?? error.message).replace(/[.\s]+$/, '');
        state.failure = {
          step: name,
          message: `Не удалось ${STEP_LABEL[name]}: ${reason}. Устраните причину и нажмите «Повторить»`,
          at: new Date().toISOString(),
        };
        await condition(() => state.failure === null);
      }
    }
  }

  async function monitor(planned: PlannedPeriod[]): Promise<PeriodSummaryDto[]> {
    state.periods = planned.map((p) => ({
      year: p.year,
      quarter: p.quarter,
      start: p.start,
      end: p.end,
      deadline: null,
      periodId: null,
      status: 'waiting',
      expectedCount: p.expected.length,
      submittedCount: 0,
      memoDocumentId: null,
    }));
    const results: PeriodSummaryDto[] = [];
    for (const [index, plannedPeriod] of planned.entries()) {
      const period = state.periods[index];
      const untilOpen = Date.parse(plannedPeriod.opensAt) - Date.now();
      if (untilOpen > 0) await sleep(untilOpen);
      const opened = await step('monitoring', () =>
        acts.openReportingPeriod(input.orderId, plannedPeriod, input.reportDeadlineWorkingDays),
      );
      Object.assign(period, { periodId: opened.periodId, deadline: opened.deadline, status: 'open' });
      const { periodId } = opened;
      const deadlineAt = Date.parse(opened.deadlineAt);
      for (;;) {
        reportHints.delete(periodId);
        const progress = await step('monitoring', () => acts.periodProgress(periodId));
        Object.assign(period, { expectedCount: progress.expected, submittedCount: progress.submitted });
        const untilDeadline = deadlineAt - Date.now();
        if (progress.submitted >= progress.expected || closeRequested.has(periodId) || untilDeadline <= 0) break;
        await condition(() => reportHints.has(periodId) || closeRequested.has(periodId), Math.min(untilDeadline, RECOUNT_INTERVAL_MS));
      }
      const summary = await step('monitoring', () => acts.closeReportingPeriod(periodId));
      period.submittedCount = summary.period.expected.filter((e) => e.submitted).length;
      period.memoDocumentId = (await step('memo', () => acts.renderQuarterlyMemo(input.orderId, summary))).documentId;
      period.status = 'closed';
      results.push(summary);
    }
    return results;
  }
}
