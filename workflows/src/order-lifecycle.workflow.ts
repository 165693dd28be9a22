import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import {
  closePeriodSignal,
  decideUpdate,
  holdsRole,
  orderStateQuery,
  reportSubmittedSignal,
  resubmitUpdate,
  retryUpdate,
  ROLE_NAMES,
  signUpdate,
  worksForIssuer,
  type Actor,
  type ApprovalStep,
  type DecisionInput,
  type OrderActivities,
  type OrderFact,
  type OrderLifecycleInput,
  type OrderStatus,
  type OrderStep,
  type OrderWorkflowState,
  type ClosedPeriodDto,
  type LegacyPeriodSummary,
  type PlannedPeriod,
  type Role,
} from '@eduplan/contracts';
import { ApprovalRoute, type Decider } from './approval-route';
import { OrderRefusal, refuseNow, refusing } from './order-refusal';

const acts = proxyActivities<OrderActivities>({
  startToCloseTimeout: '1 minute',
  // Bounded, so a failure that outlives the retries is shown on the order instead of retrying for ever;
  // failures that can never succeed (validation, not found, conflict) are non-retryable and stop at once.
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
});

/** Checks made while a person waits for the answer: one that cannot be made soon is refused (503), not retried for minutes. */
const lookups = proxyActivities<OrderActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500ms', maximumAttempts: 3 },
});

/** The audit log must get every step however long the plans service is away; each write is idempotent per step. */
const journal = proxyActivities<OrderActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Facts for whoever notifies people: a few tries, then dropped with a log line; the order never waits on them. */
const announcer = proxyActivities<OrderActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
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

/** A step of the route as the audit log records it, before the workflow numbers it. */
type JournalEntry = Omit<ApprovalStep, 'id' | 'seq' | 'actor'> & { actor: Actor };

// `Date` inside a workflow is Temporal's workflow time: the same on every replay, moved by timers, never the
// host clock. History timestamps and timer lengths below read it on purpose.

/**
 * The life of one order (DESIGN.md §5): approval rounds, signing, registration, then quarterly
 * monitoring until the final monitoring memo. Decisions arrive as updates carrying the person the gateway
 * verified; the rules of who may do what to the order are checked here, against the route and the issuer.
 * Reports are counted where they are stored (signals only hint that it is worth counting again).
 */
export async function orderLifecycle(input: OrderLifecycleInput): Promise<OrderWorkflowState> {
  const route = new ApprovalRoute(input.route);
  let signedBy: Actor | null = null;
  const reportHints = new Set<string>();
  const closeRequested = new Set<string>();
  const steps: ApprovalStep[] = [];
  let journaled = 0;
  // Workflows started before the order stated its facts replay as they ran: no announcements (a patch marker).
  const announcing = patched('announce-order-facts');
  let announcedStage: string | null = null;

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

  // The state shows a status once the plans service holds it: a person who sees «возвращён» can edit the plan at once.
  const enter = async (status: OrderStatus, note: string | null = null) => {
    await step('status', () => acts.setOrderStatus(input.orderId, status));
    state.status = status;
    state.history.push({ at: new Date().toISOString(), status, note });
  };
  const announce = (fact: OrderFact) => {
    if (!announcing) return;
    announcer.announce(fact).catch((error: unknown) => log.warn('order fact not announced', { orderId: input.orderId, kind: fact.kind, reason: String(error) }));
  };
  /** The stage now before its approvers, once per stage per round: those who still have to decide are told. */
  const announceStage = () => {
    const stage = route.activeStage;
    const key = `${route.round}:${route.activeStageIndex}`;
    if (!stage || key === announcedStage) return;
    announcedStage = key;
    announce({ kind: 'stage_started', orderId: input.orderId, round: route.round, stageIndex: route.activeStageIndex, stage: stage.name,
      approverIds: route.awaited.map((a) => a.personId) });
  };
  /** The round now before the approvers, once its content is frozen and hashed. */
  const currentRound = () => state.rounds.find((r) => r.version === route.version);
  const record = ({ actor, ...entry }: JournalEntry) =>
    void steps.push({ ...entry, id: input.orderId, seq: steps.length + 1, actor: { accountId: actor.accountId, login: actor.login } });

  /** Editors (or whoever `roles` names) of the issuing organization; the administrator works for every issuer. */
  const requireIssuerStaff = (actor: Actor, roles: readonly Role[], what: string) => {
    if (holdsRole(actor, roles) && worksForIssuer(actor, input.issuerId)) return;
    const who = roles.map((role) => `«${ROLE_NAMES[role]}»`).join(' или ');
    throw new OrderRefusal('FORBIDDEN', `Недостаточно прав: ${what} может только ${who} организации, издающей приказ`);
  };
  const checkDecider = (actor: Actor, request: DecisionInput) => {
    route.checkDecision(request);
    if (!actor.personId) {
      throw new OrderRefusal(
        'FORBIDDEN',
        'Ваша учётная запись не связана с сотрудником реестра, а решения принимают сотрудники, назначенные на этап: попросите администратора указать сотрудника',
      );
    }
    const forId = request.actingFor && request.actingFor !== actor.personId ? request.actingFor : null;
    const decides = forId ?? (route.approverOfActiveStage(actor.personId) ? actor.personId : null);
    // Anyone else may still stand in for an approver of the stage today: the handler asks the registry.
    if (decides === null) return;
    const approver = route.approverOfActiveStage(decides);
    if (!approver) throw new OrderRefusal('FORBIDDEN', `Сотрудник ${decides} не согласует этап «${route.activeStage!.name}»: решение за него не принимается`);
    if (!route.awaitsDecisionOf(decides)) {
      throw new OrderRefusal('CONFLICT', forId ? `Решение ${approver.name} на этом круге согласования уже принято` : 'Ваше решение на этом круге согласования уже принято');
    }
  };
  const checkSign = (actor: Actor) => {
    if (!holdsRole(actor, ['signatory']) || actor.personId !== input.signatory.personId) {
      throw new OrderRefusal('FORBIDDEN', `Приказ подписывает только указанный в нём подписант: ${input.signatory.name} (${input.signatory.position})`);
    }
    if (state.status !== 'signing' || signedBy) throw new OrderRefusal('CONFLICT', `Подписать можно только согласованный приказ; сейчас «${state.status}»`);
  };
  const checkResubmit = (actor: Actor) => {
    requireIssuerStaff(actor, ['editor'], 'направить доработанный проект на согласование');
    route.checkResubmit();
  };
  const checkRetry = (actor: Actor) => {
    requireIssuerStaff(actor, ['editor', 'admin'], 'повторить шаг процесса');
    if (!state.failure) throw new OrderRefusal('CONFLICT', 'Повторять нечего: процесс приказа не остановлен сбоем');
  };

  setHandler(orderStateQuery, () => state);
  setHandler(
    decideUpdate,
    ({ actor, ...request }) =>
      refusing(async () => {
        // A decision is made on the frozen content of its round, so it waits until that content is recorded.
        await condition(() => currentRound() !== undefined);
        // Re-checked: another update may have changed the route while this one waited.
        checkDecider(actor, request);
        const by = await deciderOf(actor, request);
        const stage = route.activeStage!;
        const decision = route.decide(request, by, new Date().toISOString(), currentRound()!.contentSha256);
        record({ actor, action: 'order.decide', actingFor: decision.actingFor, version: decision.version, round: decision.round, stage: stage.name,
          decision: decision.decision, comment: decision.comment, remarks: decision.remarks, contentSha256: decision.contentSha256 });
        announceStage();
        return state;
      }),
    { validator: ({ actor, ...request }) => refuseNow(() => checkDecider(actor, request)) },
  );
  setHandler(
    resubmitUpdate,
    ({ actor, ...request }) =>
      refusing(() => {
        checkResubmit(actor);
        route.resubmit(request);
        state.version = route.version;
        state.round = route.round;
        record({ actor, action: 'order.resubmit', actingFor: null, version: route.version, round: route.round, stage: null, decision: null,
          comment: request.comment?.trim() || null, contentSha256: null });
        return state;
      }),
    // The route, not the status the workflow is still writing, says whether the order is returned.
    { validator: ({ actor }) => refuseNow(() => checkResubmit(actor)) },
  );
  setHandler(
    signUpdate,
    ({ actor }) =>
      refusing(() => {
        checkSign(actor);
        signedBy = actor;
        const approved = state.rounds[state.rounds.length - 1];
        record({ actor, action: 'order.sign', actingFor: null, version: approved.version, round: approved.round, stage: null, decision: null,
          comment: null, contentSha256: approved.contentSha256 });
        return state;
      }),
    { validator: ({ actor }) => refuseNow(() => checkSign(actor)) },
  );
  setHandler(
    retryUpdate,
    ({ actor }) =>
      refusing(() => {
        checkRetry(actor);
        state.history.push({ at: new Date().toISOString(), status: state.status, note: `повтор после сбоя (${actor.name})` });
        record({ actor, action: 'order.retry', actingFor: null, version: route.version, round: route.round, stage: null, decision: null,
          comment: state.failure!.message, contentSha256: null });
        state.failure = null;
        return state;
      }),
    { validator: ({ actor }) => refuseNow(() => checkRetry(actor)) },
  );
  setHandler(reportSubmittedSignal, ({ periodId }) => void reportHints.add(periodId));
  setHandler(closePeriodSignal, ({ periodId }) => void closeRequested.add(periodId));

  void writeJournal();
  // Orders whose workflows started before the projection existed replay without it (their history has no such calls).
  if (patched('awaited-approvers-projection')) void projectAwaited();
  await enter('on_approval');
  await openRound();
  announceStage();
  while (!route.approved) {
    await condition(() => route.approved || route.returned);
    if (route.returned) {
      announce({ kind: 'returned', orderId: input.orderId, round: route.round, stage: route.stages.find((s) => s.status === 'returned')!.name });
      await enter('returned', 'возвращён на доработку');
      // Waits on the route itself: a resubmit accepted while the status above was being written is not lost.
      await condition(() => !route.returned);
      await enter('on_approval', `версия ${route.version}, круг ${route.round}`);
      await openRound();
      announceStage();
    }
  }
  await enter('approved');

  await enter('signing');
  announce({ kind: 'awaiting_signature', orderId: input.orderId, signatoryId: input.signatory.personId });
  await condition(() => signedBy !== null);
  await enter('signed', input.signatory.name);
  const registration = await step('registration', () => acts.registerOrder(input.orderId));
  state.registrationNumber = registration.registrationNumber;
  announce({ kind: 'registered', orderId: input.orderId, ...registration });
  const approved = state.rounds[state.rounds.length - 1];
  const document = await step('signing', () =>
    acts.renderSignedOrder(input.orderId, input.signatory, { planVersion: approved.planVersion, contentSha256: approved.contentSha256 }, signedBy!),
  );
  state.orderDocumentId = document.documentId;
  state.signedContentSha256 = document.contentSha256;
  await enter('in_force', `№ ${registration.registrationNumber} от ${registration.registeredOn}`);

  const periodIds = await monitor(await step('monitoring', () => acts.planReportingPeriods(input.orderId)));

  await enter('final_report');
  state.finalDocumentId = (await step('memo', () => acts.renderMonitoringMemo(input.orderId, periodIds))).documentId;
  await enter('closed');
  await condition(() => journaled === steps.length);
  return state;

  /**
   * Who decides, for which approver: an approver of the active stage for themselves, or a substitute for an
   * approver they stand in for today by the registry (the issuer's day). The substitute is named as the
   * registry names them now; the absent approver is kept in `actingFor`.
   */
  async function deciderOf(actor: Actor, request: DecisionInput): Promise<Decider> {
    const personId = actor.personId!;
    const forId = request.actingFor && request.actingFor !== personId ? request.actingFor : null;
    const own = route.approverOfActiveStage(personId);
    if (!forId && own) return { person: own, approverId: personId };
    const standing = await lookup(() => lookups.standingInFor(personId, input.issuerId));
    checkDecider(actor, request);
    const stage = route.activeStage!;
    const absent = route.awaited.filter((a) => standing.standsInFor.includes(a.personId) && (forId === null || a.personId === forId));
    if (absent.length === 0) {
      const whom = forId ? route.approverOfActiveStage(forId)!.name : null;
      throw new OrderRefusal(
        'FORBIDDEN',
        whom
          ? `${standing.person.name} сегодня не замещает ${whom}: за отсутствующего согласующего решает только его замещающий и только в дни замещения`
          : `${standing.person.name} не согласует этап «${stage.name}» и сегодня не замещает никого из его согласующих`,
      );
    }
    if (absent.length > 1) {
      throw new OrderRefusal(
        'VALIDATION',
        `Сегодня вы замещаете нескольких согласующих этапа «${stage.name}» (${absent.map((a) => a.name).join(', ')}): укажите в actingFor, за кого принимаете решение`,
      );
    }
    return { person: standing.person, approverId: absent[0].personId };
  }

  /** A registry check a person waits for: unknown to the registry is a refusal, no answer a «try again». */
  async function lookup<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      const cause = error.cause;
      if (cause instanceof ApplicationFailure && cause.type === 'NOT_FOUND') {
        throw new OrderRefusal('FORBIDDEN', 'Сотрудник, с которым связана ваша учётная запись, не найден в реестре: попросите администратора исправить учётную запись');
      }
      throw new OrderRefusal('UNAVAILABLE', `Не удалось проверить замещения в реестре сотрудников (${cause?.message ?? error.message}); решение не принято, повторите позже`);
    }
  }

  /**
   * Writes the steps people take on the route to the orders' audit log, in order, beside the approval itself:
   * a plans service that is away delays the entries, never the order. A step refused for good is logged and
   * left out rather than retried for ever.
   */
  async function writeJournal(): Promise<void> {
    for (;;) {
      await condition(() => journaled < steps.length);
      try {
        await journal.recordApprovalStep(steps[journaled]);
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        log.error('approval step not recorded in the audit log', { orderId: input.orderId, seq: steps[journaled].seq, reason: error.cause?.message });
      }
      journaled += 1;
    }
  }

  /**
   * Keeps the plans service told whom the active stage waits on (nobody while the order is returned or once it is
   * approved), so an approver's «Мои задачи» needs no query of this workflow. Only the newest state is sent: one
   * overtaken while a write was under way is skipped, and the plans service ignores a report older than the one it has.
   */
  async function projectAwaited(): Promise<void> {
    // A returned or approved route has no active stage, so it awaits nobody.
    const awaitedNow = () => ({ stage: route.activeStage?.name ?? null, approverIds: route.awaited.map((a) => a.personId) });
    let sent = '';
    let seq = 0;
    for (;;) {
      await condition(() => JSON.stringify(awaitedNow()) !== sent);
      const awaited = awaitedNow();
      sent = JSON.stringify(awaited);
      seq += 1;
      try {
        await journal.recordAwaitedApprovers({ id: input.orderId, seq, ...awaited });
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        log.error('awaited approvers not recorded', { orderId: input.orderId, seq, reason: error.cause?.message });
      }
    }
  }

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

  /** Reminders and digests are told, never waited on for good: after the announcer's tries a failure is only logged. */
  async function tell(failure: string, periodId: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn(failure, { orderId: input.orderId, periodId, reason: error.cause?.message ?? error.message });
    }
  }

  /**
   * Opens, counts and closes each period; answers their ids. Only ids and counts enter the history (orders
   * planned before kept who owed what there, and closed periods with a summary: both are still read on replay).
   */
  async function monitor(planned: PlannedPeriod[]): Promise<string[]> {
    state.periods = planned.map((p) => ({
      year: p.year,
      quarter: p.quarter,
      start: p.start,
      end: p.end,
      deadline: null,
      periodId: null,
      status: 'waiting',
      expectedCount: p.organizations ?? p.expected?.length ?? 0,
      submittedCount: 0,
      memoDocumentId: null,
    }));
    const results: string[] = [];
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
      // Periods opened before reminders and late digests existed replay without them (a patch marker).
      const reminding = patched('period-reminders');
      let remindAt = reminding && opened.remindAt ? Date.parse(opened.remindAt) : null;
      for (;;) {
        reportHints.delete(periodId);
        const progress = await step('monitoring', () => acts.periodProgress(periodId));
        Object.assign(period, { expectedCount: progress.expected, submittedCount: progress.submitted });
        const untilDeadline = deadlineAt - Date.now();
        if (progress.submitted >= progress.expected || closeRequested.has(periodId) || untilDeadline <= 0) break;
        if (remindAt !== null && remindAt <= Date.now()) {
          remindAt = null;
          await tell('reminders not sent', periodId, () => announcer.remindOwing(periodId));
        }
        const untilReminder = remindAt === null ? Infinity : remindAt - Date.now();
        await condition(() => reportHints.has(periodId) || closeRequested.has(periodId), Math.min(untilDeadline, untilReminder, RECOUNT_INTERVAL_MS));
      }
      // A history recorded before closing answered counts replays the summary it recorded then.
      const closed = (await step('monitoring', () => acts.closeReportingPeriod(periodId))) as ClosedPeriodDto | LegacyPeriodSummary;
      // Closed at the deadline (the start of the day after it), not early: those who did not report are late.
      if (reminding && Date.now() >= deadlineAt) await tell('late digest not sent', periodId, () => announcer.announceOverdue(periodId));
      period.submittedCount = 'submitted' in closed ? closed.submitted : closed.period.expected.filter((e) => e.submitted).length;
      period.memoDocumentId = (await step('memo', () => acts.renderQuarterlyMemo(input.orderId, periodId))).documentId;
      period.status = 'closed';
      results.push(periodId);
    }
    return results;
  }
}
