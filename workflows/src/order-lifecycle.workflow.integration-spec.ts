import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decideUpdate,
  orderStateQuery,
  resubmitUpdate,
  retryUpdate,
  signUpdate,
  type Actor,
  type ApprovalStep,
  type AwaitedApprovers,
  type OrderActivities,
  type OrderFact,
  type OrderLifecycleInput,
  type OrderStatus,
  type OrderWorkflowState,
  type ClosedPeriodDto,
  type LegacyPeriodSummary,
  type PlannedPeriod,
} from '@eduplan/contracts';
import { addDays, quartersOfPeriod } from '@eduplan/domain';
import { temporalTestServerPath } from '@eduplan/infra';

jest.setTimeout(120_000);

const ISSUER = 'ministry';
const person = (personId: string, name: string) => ({ personId, name, position: 'Начальник отдела' });
const minister = { personId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр' };

/** The person signed in, as the gateway puts them on an update: staff of the issuer holding `roles`. */
const as = (personId: string | null, roles: Actor['roles'] = ['approver'], organizationId: string | null = ISSUER): Actor => ({
  accountId: `account-${personId ?? 'none'}`,
  login: `login-${personId ?? 'none'}`,
  name: `Сотрудник ${personId ?? '—'}`,
  roles,
  organizationId,
  personId,
});
const approver = (personId: string) => as(personId);
const author = as('author', ['editor']);
const signatory = as('kalinina', ['signatory']);
const operator = as(null, ['editor', 'admin'], null);

/** Activities replaced at the edge: they record what the workflow asked for, as the services would see it. */
function recordingActivities(
  period: { start: string; end: string },
  options: { statusDelayMs?: number; substitutes?: Record<string, string[]> } = {},
) {
  const calls: { name: string; at: number; args: unknown[] }[] = [];
  const journal: ApprovalStep[] = [];
  const awaited: AwaitedApprovers[] = [];
  const facts: OrderFact[] = [];
  const statuses: OrderStatus[] = [];
  const told: { what: 'remind' | 'overdue'; periodId: string; at: number }[] = [];
  let frozen = 0;
  let now = () => Date.now();
  const record = (name: string, args: unknown[]) => calls.push({ name, at: now(), args });
  const activities: OrderActivities = {
    async setOrderStatus(_orderId, status) {
      // A slow bus makes the gap between «the state reads returned» and «the status is written» visible.
      if (options.statusDelayMs) await new Promise((resolve) => setTimeout(resolve, options.statusDelayMs));
      statuses.push(status);
    },
    async freezeDraft() {
      frozen += 1;
      return { planVersion: frozen + 2, contentSha256: `sha-of-draft-${frozen}` };
    },
    async registerOrder() {
      return { registrationNumber: '1083/ПК', registeredOn: '2030-01-10' };
    },
    async renderSignedOrder(_orderId, _signatory, approved, signedBy) {
      record('render', [approved.planVersion, approved.contentSha256, signedBy.personId]);
      return { documentId: 'order-pdf', sha256: 'x', contentSha256: approved.contentSha256 };
    },
    /** The registry's substitutions of today, as `options.substitutes` (substitute → absent people) say. */
    async standingInFor(personId) {
      return { person: person(personId, `Сотрудник ${personId}`), standsInFor: options.substitutes?.[personId] ?? [] };
    },
    async recordApprovalStep(step) {
      journal.push(step);
    },
    async recordAwaitedApprovers(report) {
      awaited.push(report);
    },
    async periodProgress() {
      return { expected: 1, submitted: 0 };
    },
    async planReportingPeriods(): Promise<PlannedPeriod[]> {
      return quartersOfPeriod(period).map((q) => ({
        year: q.year,
        quarter: q.quarter,
        start: q.start,
        end: q.end,
        opensAt: `${addDays(q.end, 1)}T00:00:00.000Z`,
        organizations: 1,
      }));
    },
    async openReportingPeriod(_orderId, p) {
      record('open', [p.year, p.quarter]);
      const deadline = addDays(p.end, 14);
      return { periodId: `${p.year}-${p.quarter}`, deadline, deadlineAt: `${addDays(deadline, 1)}T00:00:00.000Z` };
    },
    async closeReportingPeriod(periodId) {
      record('close', [periodId]);
      return closedCounts(periodId, 1, 0);
    },
    async renderQuarterlyMemo(_orderId, period) {
      return { documentId: `memo-${typeof period === 'string' ? period : `legacy-${period.period.id}`}` };
    },
    async renderMonitoringMemo(_orderId, periods) {
      record('final', [periods.length]);
      return { documentId: 'final-memo' };
    },
    async announce(fact) {
      facts.push(fact);
    },
    // Workflow time of the call (when the server scheduled it), so a test can tell when reminders went out.
    async remindOwing(periodId) {
      told.push({ what: 'remind', periodId, at: Context.current().info.scheduledTimestampMs });
      return { reminded: 1 };
    },
    async announceOverdue(periodId) {
      told.push({ what: 'overdue', periodId, at: Context.current().info.scheduledTimestampMs });
      return { late: 1 };
    },
  };
  return { activities, calls, statuses, journal, awaited, facts, told, setClock: (clock: () => number) => (now = clock) };
}

/** The refusal a rejected update gives the person: the workflow's message and code travel as the failure's cause. */
async function refusalOf(update: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await update;
  } catch (error) {
    const cause = (error as { cause?: Error & { type?: string } }).cause;
    return { code: cause?.type, message: cause?.message ?? String(error) };
  }
  throw new Error('the update was accepted');
}

async function refusal(update: Promise<unknown>): Promise<string> {
  return (await refusalOf(update)).message;
}

/** Polls the order's state until `check` holds (10 s), so a test need not wait for the whole life of the order. */
async function waitForState(handle: WorkflowHandle, what: string, check: (state: OrderWorkflowState) => boolean): Promise<OrderWorkflowState> {
  let last: OrderWorkflowState | undefined;
  for (let attempt = 0; attempt < 100; attempt++) {
    last = await handle.query(orderStateQuery);
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the order never reached ${what}: it is «${last?.status}», failure ${JSON.stringify(last?.failure)}`);
}

/** Ends a workflow the test no longer follows; on a time-skipping server it may already have run to its end. */
async function endIfRunning(handle: WorkflowHandle): Promise<void> {
  try {
    await handle.terminate('test done');
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

async function waitForStatus(handle: WorkflowHandle, status: OrderStatus): Promise<void> {
  await waitForState(handle, `«${status}»`, (state) => state.status === status);
}

const twoStageRoute = (orderId: string): OrderLifecycleInput => ({
  orderId,
  planId: `plan-${orderId}`,
  issuerId: ISSUER,
  route: [
    { name: 'Отделы', approvers: [person('a', 'А.А. Антонова'), person('b', 'Б.Б. Борисов')] },
    { name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] },
  ],
  signatory: minister,
  reportDeadlineWorkingDays: 10,
});

const closedCounts = (periodId: string, expected: number, submitted: number): ClosedPeriodDto => ({
  periodId,
  expected,
  submitted,
  total: { planned: expected, held: submitted, partly: 0, notHeld: 0, postponed: 0, unreported: expected - submitted, participants: 0 },
});

async function workflowTaskFailures(handle: WorkflowHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).length;
}

/** A time-skipping test server for one describe block, with the workflows bundled once. */
function timeSkippingServer() {
  const server = { env: undefined as unknown as TestWorkflowEnvironment, bundle: undefined as unknown as WorkflowBundleWithSourceMap };

  beforeAll(async () => {
    server.env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
    });
    server.bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: { warn() {}, info() {}, debug() {}, error() {}, trace() {}, log() {} } as never });
  });

  afterAll(async () => {
    await server.env?.teardown();
  });

  async function withWorker<T>(activities: OrderActivities, run: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `orders-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: server.env.nativeConnection, taskQueue, workflowBundle: server.bundle, activities });
    return worker.runUntil(run(taskQueue));
  }

  return { server, withWorker };
}

describe('order lifecycle workflow on the Temporal time-skipping server', () => {
  const { server, withWorker } = timeSkippingServer();

  it('returns a draft with remarks, re-asks only those who had not approved, and keeps every decision', async () => {
    const { activities, statuses, facts } = recordingActivities({ start: '2031-01-01', end: '2031-03-31' });
    await withWorker(activities, async (taskQueue) => {
      const input: OrderLifecycleInput = { ...twoStageRoute('o1'), planId: 'p1' };
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-o1', args: [input] });
      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('a'), decision: 'approve', version: 1 }] });
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 1 }] }))).toMatch(/не согласует этап «Отделы»/);
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ actor: approver('b'), decision: 'return', version: 1 }] }))).toMatch(/Укажите замечания/);
      const returned = await handle.executeUpdate(decideUpdate, {
        args: [{ actor: approver('b'), decision: 'return', comment: 'Уточнить сроки в разделе 2', version: 1 }],
      });
      expect(returned.stages[0].status).toBe('returned');
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ actor: approver('a'), decision: 'approve', version: 1 }] }))).toMatch(/не на согласовании/);

      const second = await handle.executeUpdate(resubmitUpdate, { args: [{ actor: author, reapprove: 'not_approved' }] });
      expect(second).toMatchObject({ version: 2, round: 2 });
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ actor: approver('b'), decision: 'approve', version: 1 }] }))).toMatch(/версии 1/);
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ actor: approver('a'), decision: 'approve', version: 2 }] }))).toMatch(/уже принято/);
      const afterB = await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('b'), decision: 'approve_with_remarks', comment: 'Сроки уточнены', version: 2 }] });
      expect(afterB.stages.map((s) => s.status)).toEqual(['approved', 'active']);

      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 2 }] });
      await waitForStatus(handle, 'signing');
      const state = await handle.query(orderStateQuery);
      expect(state.stages[0].decisions.map((d) => [d.personId, d.decision, d.version])).toEqual([
        ['a', 'approve', 1],
        ['b', 'return', 1],
        ['b', 'approve_with_remarks', 2],
      ]);
      for (let waited = 0; facts.length < 5 && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 100));
      await handle.terminate('test done');
    });
    expect(statuses).toEqual(['on_approval', 'returned', 'on_approval', 'approved', 'signing']);
    // What people are told: each stage's approvers still to decide as it starts, the editors of the return, the signatory.
    expect(facts).toHaveLength(5);
    expect(facts).toEqual(expect.arrayContaining([
      { kind: 'stage_started', orderId: 'o1', round: 1, stageIndex: 0, stage: 'Отделы', approverIds: ['a', 'b'] },
      { kind: 'returned', orderId: 'o1', round: 1, stage: 'Отделы' },
      { kind: 'stage_started', orderId: 'o1', round: 2, stageIndex: 0, stage: 'Отделы', approverIds: ['b'] },
      { kind: 'stage_started', orderId: 'o1', round: 2, stageIndex: 1, stage: 'Правовое управление', approverIds: ['c'] },
      { kind: 'awaiting_signature', orderId: 'o1', signatoryId: minister.personId },
    ]));
  });

  it('lets only the approvers of the active stage decide, or a substitute of one of them today, and keeps whom a substitute stood in for', async () => {
    const recorder = recordingActivities({ start: '2031-01-01', end: '2031-03-31' }, { substitutes: { s: ['b'], both: ['a', 'b'] } });
    await withWorker(recorder.activities, async (taskQueue) => {
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-people', args: [twoStageRoute('people')] });
      await waitForState(handle, 'the first round frozen', (s) => s.rounds.length === 1);
      const decide = (actor: Actor, extra: { actingFor?: string } = {}) =>
        handle.executeUpdate(decideUpdate, { args: [{ actor, decision: 'approve', version: 1, ...extra }] });

      expect(await refusalOf(decide(approver('c')))).toEqual({
        code: 'FORBIDDEN',
        message: 'Сотрудник c не согласует этап «Отделы» и сегодня не замещает никого из его согласующих',
      });
      expect(await refusalOf(decide(as(null)))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/не связана с сотрудником реестра/) });
      // Standing in for B. Borisov on other days than today: the registry does not name them today.
      expect(await refusalOf(decide(approver('absent-substitute'), { actingFor: 'b' }))).toEqual({
        code: 'FORBIDDEN',
        message: 'Сотрудник absent-substitute сегодня не замещает Б.Б. Борисов: за отсутствующего согласующего решает только его замещающий и только в дни замещения',
      });
      expect(await refusalOf(decide(approver('both')))).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/А\.А\. Антонова, Б\.Б\. Борисов\): укажите в actingFor/) });
      const untouched = await handle.query(orderStateQuery);
      expect(untouched.stages.map((stage) => [stage.status, stage.decisions.length])).toEqual([['active', 0], ['waiting', 0]]);

      await decide(approver('s'));
      await decide(approver('both'), { actingFor: 'a' });
      const state = await handle.query(orderStateQuery);
      expect(state.stages[0].decisions.map((d) => [d.personId, d.name, d.actingFor])).toEqual([
        ['s', 'Сотрудник s', 'b'],
        ['both', 'Сотрудник both', 'a'],
      ]);
      expect(state.stages.map((stage) => stage.status)).toEqual(['approved', 'active']);
      expect(await refusalOf(decide(approver('b')))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await workflowTaskFailures(handle)).toBe(0);
      await handle.terminate('test done');
    });
    expect(recorder.journal.map((step) => [step.seq, step.action, step.actor.login, step.actingFor, step.stage])).toEqual([
      [1, 'order.decide', 'login-s', 'b', 'Отделы'],
      [2, 'order.decide', 'login-both', 'a', 'Отделы'],
    ]);
  });

  it('lets only the editors of the issuer resubmit, only the named signatory sign and only editors or administrators retry', async () => {
    const recorder = recordingActivities({ start: '2031-01-01', end: '2031-03-31' });
    await withWorker(recorder.activities, async (taskQueue) => {
      const input = { ...twoStageRoute('rights'), route: [{ name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] }] };
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-rights', args: [input] });
      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'return', comment: 'Доработать', version: 1 }] });
      await waitForStatus(handle, 'returned');
      const resubmit = (actor: Actor) => handle.executeUpdate(resubmitUpdate, { args: [{ actor, reapprove: 'all' }] });
      const editorsOnly = 'Недостаточно прав: направить доработанный проект на согласование может только «редактор плана» организации, издающей приказ';
      expect(await refusalOf(resubmit(as('other-editor', ['editor'], 'other-ministry')))).toEqual({ code: 'FORBIDDEN', message: editorsOnly });
      expect(await refusalOf(resubmit(approver('c')))).toEqual({ code: 'FORBIDDEN', message: editorsOnly });
      await resubmit(author);
      expect(await refusalOf(resubmit(author))).toMatchObject({ code: 'CONFLICT' });

      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 2 }] });
      await waitForStatus(handle, 'signing');
      const sign = (actor: Actor) => handle.executeUpdate(signUpdate, { args: [{ actor }] });
      expect(await refusalOf(sign(as('deputy', ['signatory'])))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusalOf(sign(as('kalinina', ['approver'])))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusalOf(handle.executeUpdate(retryUpdate, { args: [{ actor: approver('c') }] }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusalOf(handle.executeUpdate(retryUpdate, { args: [{ actor: operator }] }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Повторять нечего/) });
      await sign(signatory);
      expect(await refusalOf(sign(signatory))).toMatchObject({ code: 'CONFLICT' });
      await waitForState(handle, 'its signed PDF', (s) => s.orderDocumentId !== null);
      expect(await workflowTaskFailures(handle)).toBe(0);
      await endIfRunning(handle);
    });
    expect(recorder.journal.map((step) => [step.seq, step.action, step.actor.login, step.version])).toEqual([
      [1, 'order.decide', 'login-c', 1],
      [2, 'order.resubmit', 'login-author', 2],
      [3, 'order.decide', 'login-c', 2],
      [4, 'order.sign', 'login-kalinina', 2],
    ]);
    expect(recorder.calls.filter((c) => c.name === 'render').map((c) => c.args[2])).toEqual(['kalinina']);
    // Whom the order waited on, as the plans service was told: the approver until the return, nobody while it was
    // being revised, the approver again for the new round, nobody once approved.
    expect(recorder.awaited.map((a) => [a.seq, a.stage, a.approverIds])).toEqual([
      [1, 'Правовое управление', ['c']],
      [2, null, []],
      [3, 'Правовое управление', ['c']],
      [4, null, []],
    ]);
  });

  it('monitors a year-long plan quarter by quarter on timers that span months, then writes the final memo', async () => {
    const period = { start: '2030-01-01', end: '2030-12-31' };
    const recorder = recordingActivities(period);
    recorder.setClock(() => 0);
    await withWorker(recorder.activities, async (taskQueue) => {
      const handle = await server.env.client.workflow.start('orderLifecycle', {
        taskQueue,
        workflowId: 'order-o2',
        args: [
          {
            orderId: 'o2',
            planId: 'p2',
            issuerId: ISSUER,
            route: [{ name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] }],
            signatory: minister,
            reportDeadlineWorkingDays: 10,
          } satisfies OrderLifecycleInput,
        ],
      });
      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      expect(await refusalOf(handle.executeUpdate(signUpdate, { args: [{ actor: as('c', ['signatory']) }] }))).toEqual({
        code: 'FORBIDDEN',
        message: 'Приказ подписывает только указанный в нём подписант: О.Е. Калинина (Министр)',
      });
      await handle.executeUpdate(signUpdate, { args: [{ actor: signatory }] });
      const startedAt = await server.env.currentTimeMs();
      const final: OrderWorkflowState = await handle.result();
      const skippedDays = (Number(await server.env.currentTimeMs()) - Number(startedAt)) / 86_400_000;

      expect(final.status).toBe('closed');
      expect(final.periods.map((p) => [p.quarter, p.status, p.memoDocumentId])).toEqual([
        [1, 'closed', 'memo-2030-1'],
        [2, 'closed', 'memo-2030-2'],
        [3, 'closed', 'memo-2030-3'],
        [4, 'closed', 'memo-2030-4'],
      ]);
      expect(final.finalDocumentId).toBe('final-memo');
      expect(skippedDays).toBeGreaterThan(365);
    });
    expect(recorder.calls.map((c) => `${c.name}:${c.args.join('/')}`)).toEqual([
      'render:3/sha-of-draft-1/kalinina', 'open:2030/1', 'close:2030-1', 'open:2030/2', 'close:2030-2', 'open:2030/3', 'close:2030-3', 'open:2030/4', 'close:2030-4', 'final:4',
    ]);
  });

  it('runs an order planned before periods were sized for a region (who owed what, a closing summary in its history) to its final memo, and its history replays', async () => {
    const recorder = recordingActivities({ start: '2030-01-01', end: '2030-06-30' });
    recorder.setClock(() => 0);
    const memos: unknown[] = [];
    // What the activities answered before: the owing organizations listed in each planned period, a summary on closing.
    const activities: OrderActivities = {
      ...recorder.activities,
      async planReportingPeriods() {
        const planned = await recorder.activities.planReportingPeriods('o');
        return planned.map(({ organizations: _count, ...p }) => ({ ...p, expected: [{ organizationId: 'a', eventIds: ['e'] }, { organizationId: 'b', eventIds: ['e'] }] }));
      },
      async closeReportingPeriod(periodId) {
        const legacy: LegacyPeriodSummary = { period: { id: periodId, expected: [{ submitted: true }, { submitted: false }] } };
        return legacy as unknown as ClosedPeriodDto;
      },
      async renderMonitoringMemo(_orderId, periods) {
        memos.push(periods);
        return { documentId: 'final-memo' };
      },
    };
    await withWorker(activities, async (taskQueue) => {
      const input = { ...twoStageRoute('legacy'), route: [{ name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] }] };
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-legacy', args: [input] });
      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ actor: signatory }] });
      const final: OrderWorkflowState = await handle.result();
      expect(final.periods.map((p) => [p.quarter, p.expectedCount, p.submittedCount, p.memoDocumentId])).toEqual([
        [1, 1, 1, 'memo-2030-1'],
        [2, 1, 1, 'memo-2030-2'],
      ]);
      expect(memos).toEqual([['2030-1', '2030-2']]);
      await Worker.runReplayHistory({ workflowBundle: server.bundle }, await handle.fetchHistory(), 'order-legacy');
    });
  });

  it('takes a resubmit made the moment the state reads «returned»: 20 orders all reach approval', async () => {
    const { activities } = recordingActivities({ start: '2031-01-01', end: '2031-03-31' }, { statusDelayMs: 300 });
    await withWorker(activities, async (taskQueue) => {
      const handles = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: `order-race-${i}`, args: [twoStageRoute(`race-${i}`)] }),
        ),
      );
      await Promise.all(
        handles.map(async (handle) => {
          await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('a'), decision: 'approve', version: 1 }] });
          await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('b'), decision: 'return', comment: 'Уточнить сроки', version: 1 }] });
          await waitForStatus(handle, 'returned');
          // At once: the workflow is still writing «returned» to the plans service.
          await handle.executeUpdate(resubmitUpdate, { args: [{ actor: author, reapprove: 'not_approved' }] });
          await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('b'), decision: 'approve', version: 2 }] });
          await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 2 }] });
          await waitForStatus(handle, 'signing');
        }),
      );
      for (const handle of handles) {
        const state = await handle.query(orderStateQuery);
        expect(state.history.map((h) => h.status)).toEqual(['on_approval', 'returned', 'on_approval', 'approved', 'signing']);
        expect(await workflowTaskFailures(handle)).toBe(0);
        await handle.terminate('test done');
      }
    });
  });

  it('refuses a second resubmit, sequential or concurrent, and the workflow stays healthy', async () => {
    const { activities } = recordingActivities({ start: '2031-01-01', end: '2031-03-31' }, { statusDelayMs: 300 });
    await withWorker(activities, async (taskQueue) => {
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-double', args: [twoStageRoute('double')] });
      const returnRound = async (version: number) => {
        await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('b'), decision: 'return', comment: 'Доработать', version }] });
        await waitForStatus(handle, 'returned');
      };
      await returnRound(1);
      await handle.executeUpdate(resubmitUpdate, { args: [{ actor: author, reapprove: 'all' }] });
      expect(await refusal(handle.executeUpdate(resubmitUpdate, { args: [{ actor: author, reapprove: 'all' }] }))).toMatch(
        /не возвращён на доработку/,
      );

      await returnRound(2);
      const both = await Promise.allSettled([1, 2].map(() => handle.executeUpdate(resubmitUpdate, { args: [{ actor: author, reapprove: 'all' }] })));
      expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);

      const state = await handle.query(orderStateQuery);
      expect(state).toMatchObject({ version: 3, round: 3 });
      for (const id of ['a', 'b', 'c']) await handle.executeUpdate(decideUpdate, { args: [{ actor: approver(id), decision: 'approve', version: 3 }] });
      await waitForStatus(handle, 'signing');
      expect(await workflowTaskFailures(handle)).toBe(0);
      await handle.terminate('test done');
    });
  });

  it('records per round the hash of the draft decided on, names it in decisions and signs exactly the last round', async () => {
    const recorder = recordingActivities({ start: '2031-01-01', end: '2031-03-31' });
    await withWorker(recorder.activities, async (taskQueue) => {
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-hash', args: [twoStageRoute('hash')] });
      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('a'), decision: 'return', comment: 'Нет мероприятия 2.3', version: 1 }] });
      await waitForStatus(handle, 'returned');
      await handle.executeUpdate(resubmitUpdate, { args: [{ actor: author, reapprove: 'all' }] });
      for (const id of ['a', 'b', 'c']) await handle.executeUpdate(decideUpdate, { args: [{ actor: approver(id), decision: 'approve', version: 2 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ actor: signatory }] });
      // What was signed is known once the order is rendered; the monitoring after it is another test's.
      const state = await waitForState(handle, 'its signed PDF', (s) => s.orderDocumentId !== null);
      expect(state.rounds).toEqual([
        { round: 1, version: 1, planVersion: 3, contentSha256: 'sha-of-draft-1' },
        { round: 2, version: 2, planVersion: 4, contentSha256: 'sha-of-draft-2' },
      ]);
      expect(state.stages.flatMap((s) => s.decisions.map((d) => [d.personId, d.version, d.contentSha256]))).toEqual([
        ['a', 1, 'sha-of-draft-1'],
        ['a', 2, 'sha-of-draft-2'],
        ['b', 2, 'sha-of-draft-2'],
        ['c', 2, 'sha-of-draft-2'],
      ]);
      expect(recorder.calls.filter((c) => c.name === 'render').map((c) => c.args)).toEqual([[4, 'sha-of-draft-2', 'kalinina']]);
      expect(state.signedContentSha256).toBe('sha-of-draft-2');
      await endIfRunning(handle);
    });
  });

  it('shows a signing failure that cannot pass on the order, does not retry it, and retries when a person asks', async () => {
    const recorder = recordingActivities({ start: '2031-01-01', end: '2031-03-31' });
    let certificateIssued = false;
    let attempts = 0;
    const activities: OrderActivities = {
      ...recorder.activities,
      async renderSignedOrder(orderId, signatory, approved, signedBy) {
        attempts += 1;
        if (!certificateIssued) {
          throw ApplicationFailure.create({ message: 'Нет сертификата электронной подписи для О.Е. Калинина; выпустите его.', type: 'VALIDATION', nonRetryable: true });
        }
        return recorder.activities.renderSignedOrder(orderId, signatory, approved, signedBy);
      },
    };
    await withWorker(activities, async (taskQueue) => {
      const input = { ...twoStageRoute('cert'), route: [{ name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] }] };
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-cert', args: [input] });
      expect(await refusal(handle.executeUpdate(retryUpdate, { args: [{ actor: operator }] }))).toMatch(/Повторять нечего/);
      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ actor: signatory }] });

      let failed: OrderWorkflowState | undefined;
      for (let i = 0; i < 100 && !failed; i++) {
        const state = await handle.query(orderStateQuery);
        if (state.failure) failed = state;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(failed?.status).toBe('signed');
      expect(failed?.failure).toMatchObject({ step: 'signing' });
      expect(failed?.failure?.message).toMatch(/^Не удалось сформировать и подписать PDF приказа: Нет сертификата .*выпустите его\. Устраните причину и нажмите «Повторить»$/);
      expect(attempts).toBe(1);

      certificateIssued = true;
      const retried = await handle.executeUpdate(retryUpdate, { args: [{ actor: operator }] });
      expect(retried.failure).toBeNull();
      const signed = await waitForState(handle, 'its signed PDF', (s) => s.orderDocumentId !== null);
      expect(signed).toMatchObject({ orderDocumentId: 'order-pdf', failure: null });
      expect(attempts).toBe(2);
      expect(await workflowTaskFailures(handle)).toBe(0);
      await endIfRunning(handle);
    });
  });

});

// Its own server, its dates two years past the server's clock: on the shared clock above, how far the tests before
// it had skipped decided whether its timers fit the test server's execution timeout.
describe('reminders and the overdue digest on their own time-skipping server', () => {
  const { server, withWorker } = timeSkippingServer();

  it('reminds those who have not reported on the reminder day, tells the analysts who is late after the deadline, and replays', async () => {
    // Two years past the server's clock: far enough for its timers, within the test server's execution timeout.
    const year = new Date(Number(await server.env.currentTimeMs())).getUTCFullYear() + 2;
    const recorder = recordingActivities({ start: `${year}-01-01`, end: `${year}-06-30` });
    recorder.setClock(() => 0);
    // The first quarter: one of two organizations reports; the second: both report before the reminder day.
    const activities: OrderActivities = {
      ...recorder.activities,
      async openReportingPeriod(orderId, p, days) {
        const opened = await recorder.activities.openReportingPeriod(orderId, p, days);
        return { ...opened, remindAt: `${addDays(opened.deadline, -4)}T00:00:00.000Z` };
      },
      async periodProgress(periodId) {
        return { expected: 2, submitted: periodId === `${year}-1` ? 1 : 2 };
      },
    };
    await withWorker(activities, async (taskQueue) => {
      const input = { ...twoStageRoute('remind'), route: [{ name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] }] };
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-remind', args: [input] });
      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ actor: signatory }] });
      const final: OrderWorkflowState = await handle.result();
      expect(final.periods.map((p) => [p.quarter, p.deadline, p.status])).toEqual([
        [1, `${year}-04-14`, 'closed'],
        [2, `${year}-07-14`, 'closed'],
      ]);
      expect(recorder.told.map(({ what, periodId }) => `${what}:${periodId}`)).toEqual([`remind:${year}-1`, `overdue:${year}-1`]);
      const [reminded, digest] = recorder.told;
      // On the reminder day (the timer fires at its start), and the digest once the deadline day is over.
      expect(reminded.at).toBeGreaterThanOrEqual(Date.parse(`${year}-04-10T00:00:00.000Z`));
      expect(reminded.at).toBeLessThan(Date.parse(`${year}-04-11T00:00:00.000Z`));
      expect(digest.at).toBeGreaterThanOrEqual(Date.parse(`${year}-04-15T00:00:00.000Z`));
      expect(digest.at).toBeLessThan(Date.parse(`${year}-04-16T00:00:00.000Z`));
      await Worker.runReplayHistory({ workflowBundle: server.bundle }, await handle.fetchHistory(), 'order-remind');
    });
  });
});

// Their own server: these move its clock themselves, and the tests above move the shared clock on by years,
// in steps that depend on their timing.
describe('bounded retries and report counting on their own time-skipping server', () => {
  const { server, withWorker } = timeSkippingServer();

  it('retries a transient failure a bounded number of times, then shows it on the order instead of retrying for ever', async () => {
    const recorder = recordingActivities({ start: '2031-01-01', end: '2031-03-31' });
    let attempts = 0;
    const activities: OrderActivities = {
      ...recorder.activities,
      async registerOrder() {
        attempts += 1;
        throw ApplicationFailure.create({ message: 'Сервис «plans» не ответил за 5000 мс', type: 'UNAVAILABLE' });
      },
    };
    await withWorker(activities, async (taskQueue) => {
      const input = { ...twoStageRoute('transient'), route: [{ name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] }] };
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-transient', args: [input] });
      await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('c'), decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ actor: signatory }] });
      let failed: OrderWorkflowState | undefined;
      for (let i = 0; i < 100 && !failed; i++) {
        // The back-off between attempts runs on the test server's clock: move it on.
        await server.env.sleep('1 minute');
        const state = await handle.query(orderStateQuery);
        if (state.failure) failed = state;
      }
      expect(failed?.failure).toMatchObject({ step: 'registration' });
      expect(failed?.failure?.message).toMatch(/^Не удалось зарегистрировать приказ: Сервис «plans» не ответил/);
      expect(attempts).toBe(8);
      await handle.terminate('test done');
    });
  });

  it('counts reports where they are stored: with every hint lost the period still closes at the next re-count, not at its deadline', async () => {
    const year = new Date(Number(await server.env.currentTimeMs())).getUTCFullYear() + 1;
    const period = { start: `${year}-01-01`, end: `${year}-03-31` };
    const recorder = recordingActivities(period);
    const centers = Array.from({ length: 50 }, (_, i) => `center-${i}`);
    // Counted once when the period opens; by the next count every center has reported, and no
    // «report submitted» event ever reaches the workflow.
    let counts = 0;
    let submitted = 0;
    const closedAt: number[] = [];
    const activities: OrderActivities = {
      ...recorder.activities,
      async planReportingPeriods() {
        const [q] = await recorder.activities.planReportingPeriods('o');
        return [{ ...q, organizations: centers.length }];
      },
      async periodProgress() {
        submitted = counts++ === 0 ? 0 : centers.length;
        return { expected: centers.length, submitted };
      },
      async closeReportingPeriod(periodId) {
        closedAt.push(Context.current().info.currentAttemptScheduledTimestampMs);
        return closedCounts(periodId, centers.length, submitted);
      },
    };
    await withWorker(activities, async (taskQueue) => {
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-count', args: [twoStageRoute('count')] });
      for (const id of ['a', 'b', 'c']) await handle.executeUpdate(decideUpdate, { args: [{ actor: approver(id), decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ actor: signatory }] });
      const final: OrderWorkflowState = await handle.result();
      expect(final.periods[0]).toMatchObject({ status: 'closed', expectedCount: 50, submittedCount: 50 });
      const deadlineAt = Date.parse(`${final.periods[0].deadline}T00:00:00.000Z`);
      expect(closedAt[0]).toBeLessThan(deadlineAt - 7 * 86_400_000);
    });
  });
});

/** On a server of their own, so their workflows and the replays share nothing with the long-running tests above. */
describe('remarks on plan rows in the workflow\'s history, and histories of earlier code', () => {
  const { server, withWorker } = timeSkippingServer();

  it('keeps a decision\'s remarks on plan rows, records them in the journal, and replays the history that carries them', async () => {
    const recorder = recordingActivities({ start: '2031-01-01', end: '2031-03-31' });
    const remarks = [
      { eventId: 'event-1', row: '1.1. Ярмарка профессий', text: 'Указать площадку' },
      { eventId: null, row: null, text: 'Сверить финансирование' },
    ];
    await withWorker(recorder.activities, async (taskQueue) => {
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-row-remarks', args: [twoStageRoute('row-remarks')] });
      // Remarks on rows are remarks: a return needs no separate comment then.
      const returned = await handle.executeUpdate(decideUpdate, { args: [{ actor: approver('a'), decision: 'return', version: 1, remarks }] });
      expect(returned.stages[0].decisions).toEqual([expect.objectContaining({ personId: 'a', decision: 'return', comment: null, remarks, round: 1 })]);
      await waitForStatus(handle, 'returned');
      await handle.terminate('test done');
      await Worker.runReplayHistory({ workflowBundle: server.bundle }, await handle.fetchHistory(), 'order-row-remarks');
    });
    expect(recorder.journal).toEqual([expect.objectContaining({ action: 'order.decide', decision: 'return', remarks })]);
  });

  it('replays a history recorded before decisions carried remarks on plan rows', async () => {
    // Recorded with the workflow code of the commit before remarks on rows (its history as `fetchHistory` gives it,
    // saved as JSON): approve, return with a comment, resubmit, approve with a comment, approve, terminated at signing.
    const history = temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(__dirname, 'testing', 'order-history-before-row-remarks.json'), 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle: server.bundle }, history, 'order-before-remarks')).resolves.toBeUndefined();
  });
});
