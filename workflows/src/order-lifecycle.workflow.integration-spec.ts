import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  decideUpdate,
  orderStateQuery,
  resubmitUpdate,
  retryUpdate,
  signUpdate,
  type OrderActivities,
  type OrderLifecycleInput,
  type OrderStatus,
  type OrderWorkflowState,
  type PeriodSummaryDto,
  type PlannedPeriod,
} from '@eduplan/contracts';
import { addDays, quartersOfPeriod } from '@eduplan/domain';
import { temporalTestServerPath } from '@eduplan/infra';

jest.setTimeout(120_000);

const person = (userId: string, name: string) => ({ userId, name, position: 'Начальник отдела', substitutes: [] });

/** Activities replaced at the edge: they record what the workflow asked for, as the services would see it. */
function recordingActivities(period: { start: string; end: string }, options: { statusDelayMs?: number } = {}) {
  const calls: { name: string; at: number; args: unknown[] }[] = [];
  const statuses: OrderStatus[] = [];
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
    async renderSignedOrder(_orderId, _signatory, approved) {
      record('render', [approved.planVersion, approved.contentSha256]);
      return { documentId: 'order-pdf', sha256: 'x', contentSha256: approved.contentSha256 };
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
        expected: [{ organizationId: 'center', eventIds: ['event'] }],
      }));
    },
    async openReportingPeriod(_orderId, p) {
      record('open', [p.year, p.quarter]);
      const deadline = addDays(p.end, 14);
      return { periodId: `${p.year}-${p.quarter}`, deadline, deadlineAt: `${addDays(deadline, 1)}T00:00:00.000Z` };
    },
    async closeReportingPeriod(periodId) {
      record('close', [periodId]);
      return { period: { id: periodId, expected: [{ organizationId: 'center', eventIds: ['event'], submitted: false }] } } as PeriodSummaryDto;
    },
    async renderQuarterlyMemo(_orderId, summary) {
      return { documentId: `memo-${summary.period.id}` };
    },
    async renderMonitoringMemo(_orderId, summaries) {
      record('final', [summaries.length]);
      return { documentId: 'final-memo' };
    },
  };
  return { activities, calls, statuses, setClock: (clock: () => number) => (now = clock) };
}

/** The reason a rejected update gives the person: the workflow's message travels as the failure's cause. */
async function refusal(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    return (error as { cause?: Error }).cause?.message ?? String(error);
  }
  throw new Error('the update was accepted');
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
  route: [
    { name: 'Отделы', approvers: [person('a', 'А.А. Антонова'), person('b', 'Б.Б. Борисов')] },
    { name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] },
  ],
  signatory: { userId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр' },
  reportDeadlineWorkingDays: 10,
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
    const { activities, statuses } = recordingActivities({ start: '2031-01-01', end: '2031-03-31' });
    await withWorker(activities, async (taskQueue) => {
      const input: OrderLifecycleInput = {
        orderId: 'o1',
        planId: 'p1',
        route: [
          { name: 'Отделы', approvers: [person('a', 'А.А. Антонова'), person('b', 'Б.Б. Борисов')] },
          { name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] },
        ],
        signatory: { userId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр' },
        reportDeadlineWorkingDays: 10,
      };
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-o1', args: [input] });
      await handle.executeUpdate(decideUpdate, { args: [{ userId: 'a', decision: 'approve', version: 1 }] });
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ userId: 'c', decision: 'approve', version: 1 }] }))).toMatch(/не согласует этап «Отделы»/);
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ userId: 'b', decision: 'return', version: 1 }] }))).toMatch(/Укажите замечания/);
      const returned = await handle.executeUpdate(decideUpdate, {
        args: [{ userId: 'b', decision: 'return', comment: 'Уточнить сроки в разделе 2', version: 1 }],
      });
      expect(returned.stages[0].status).toBe('returned');
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ userId: 'a', decision: 'approve', version: 1 }] }))).toMatch(/не на согласовании/);

      const second = await handle.executeUpdate(resubmitUpdate, { args: [{ userId: 'author', reapprove: 'not_approved' }] });
      expect(second).toMatchObject({ version: 2, round: 2 });
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ userId: 'b', decision: 'approve', version: 1 }] }))).toMatch(/версии 1/);
      expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ userId: 'a', decision: 'approve', version: 2 }] }))).toMatch(/уже принято/);
      const afterB = await handle.executeUpdate(decideUpdate, { args: [{ userId: 'b', decision: 'approve_with_remarks', comment: 'Сроки уточнены', version: 2 }] });
      expect(afterB.stages.map((s) => s.status)).toEqual(['approved', 'active']);

      await handle.executeUpdate(decideUpdate, { args: [{ userId: 'c', decision: 'approve', version: 2 }] });
      await waitForStatus(handle, 'signing');
      const state = await handle.query(orderStateQuery);
      expect(state.stages[0].decisions.map((d) => [d.userId, d.decision, d.version])).toEqual([
        ['a', 'approve', 1],
        ['b', 'return', 1],
        ['b', 'approve_with_remarks', 2],
      ]);
      await handle.terminate('test done');
    });
    expect(statuses).toEqual(['on_approval', 'returned', 'on_approval', 'approved', 'signing']);
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
            route: [{ name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] }],
            signatory: { userId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр' },
            reportDeadlineWorkingDays: 10,
          } satisfies OrderLifecycleInput,
        ],
      });
      await handle.executeUpdate(decideUpdate, { args: [{ userId: 'c', decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      expect(await refusal(handle.executeUpdate(signUpdate, { args: [{ userId: 'c' }] }))).toMatch(/нет права подписи/);
      await handle.executeUpdate(signUpdate, { args: [{ userId: 'kalinina' }] });
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
      'render:3/sha-of-draft-1', 'open:2030/1', 'close:2030-1', 'open:2030/2', 'close:2030-2', 'open:2030/3', 'close:2030-3', 'open:2030/4', 'close:2030-4', 'final:4',
    ]);
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
          await handle.executeUpdate(decideUpdate, { args: [{ userId: 'a', decision: 'approve', version: 1 }] });
          await handle.executeUpdate(decideUpdate, { args: [{ userId: 'b', decision: 'return', comment: 'Уточнить сроки', version: 1 }] });
          await waitForStatus(handle, 'returned');
          // At once: the workflow is still writing «returned» to the plans service.
          await handle.executeUpdate(resubmitUpdate, { args: [{ userId: 'author', reapprove: 'not_approved' }] });
          await handle.executeUpdate(decideUpdate, { args: [{ userId: 'b', decision: 'approve', version: 2 }] });
          await handle.executeUpdate(decideUpdate, { args: [{ userId: 'c', decision: 'approve', version: 2 }] });
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
        await handle.executeUpdate(decideUpdate, { args: [{ userId: 'b', decision: 'return', comment: 'Доработать', version }] });
        await waitForStatus(handle, 'returned');
      };
      await returnRound(1);
      await handle.executeUpdate(resubmitUpdate, { args: [{ userId: 'author', reapprove: 'all' }] });
      expect(await refusal(handle.executeUpdate(resubmitUpdate, { args: [{ userId: 'author', reapprove: 'all' }] }))).toMatch(
        /не возвращён на доработку/,
      );

      await returnRound(2);
      const both = await Promise.allSettled([1, 2].map(() => handle.executeUpdate(resubmitUpdate, { args: [{ userId: 'author', reapprove: 'all' }] })));
      expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);

      const state = await handle.query(orderStateQuery);
      expect(state).toMatchObject({ version: 3, round: 3 });
      for (const userId of ['a', 'b', 'c']) await handle.executeUpdate(decideUpdate, { args: [{ userId, decision: 'approve', version: 3 }] });
      await waitForStatus(handle, 'signing');
      expect(await workflowTaskFailures(handle)).toBe(0);
      await handle.terminate('test done');
    });
  });

  it('records per round the hash of the draft decided on, names it in decisions and signs exactly the last round', async () => {
    const recorder = recordingActivities({ start: '2031-01-01', end: '2031-03-31' });
    await withWorker(recorder.activities, async (taskQueue) => {
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-hash', args: [twoStageRoute('hash')] });
      await handle.executeUpdate(decideUpdate, { args: [{ userId: 'a', decision: 'return', comment: 'Нет мероприятия 2.3', version: 1 }] });
      await waitForStatus(handle, 'returned');
      await handle.executeUpdate(resubmitUpdate, { args: [{ userId: 'author', reapprove: 'all' }] });
      for (const userId of ['a', 'b', 'c']) await handle.executeUpdate(decideUpdate, { args: [{ userId, decision: 'approve', version: 2 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ userId: 'kalinina' }] });
      // What was signed is known once the order is rendered; the monitoring after it is another test's.
      const state = await waitForState(handle, 'its signed PDF', (s) => s.orderDocumentId !== null);
      expect(state.rounds).toEqual([
        { round: 1, version: 1, planVersion: 3, contentSha256: 'sha-of-draft-1' },
        { round: 2, version: 2, planVersion: 4, contentSha256: 'sha-of-draft-2' },
      ]);
      expect(state.stages.flatMap((s) => s.decisions.map((d) => [d.userId, d.version, d.contentSha256]))).toEqual([
        ['a', 1, 'sha-of-draft-1'],
        ['a', 2, 'sha-of-draft-2'],
        ['b', 2, 'sha-of-draft-2'],
        ['c', 2, 'sha-of-draft-2'],
      ]);
      expect(recorder.calls.filter((c) => c.name === 'render').map((c) => c.args)).toEqual([[4, 'sha-of-draft-2']]);
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
      async renderSignedOrder(orderId, signatory, approved) {
        attempts += 1;
        if (!certificateIssued) {
          throw ApplicationFailure.create({ message: 'Нет сертификата электронной подписи для О.Е. Калинина; выпустите его.', type: 'VALIDATION', nonRetryable: true });
        }
        return recorder.activities.renderSignedOrder(orderId, signatory, approved);
      },
    };
    await withWorker(activities, async (taskQueue) => {
      const input = { ...twoStageRoute('cert'), route: [{ name: 'Правовое управление', approvers: [person('c', 'В.В. Власова')] }] };
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-cert', args: [input] });
      expect(await refusal(handle.executeUpdate(retryUpdate, { args: [{ userId: 'operator' }] }))).toMatch(/Повторять нечего/);
      await handle.executeUpdate(decideUpdate, { args: [{ userId: 'c', decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ userId: 'kalinina' }] });

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
      const retried = await handle.executeUpdate(retryUpdate, { args: [{ userId: 'operator' }] });
      expect(retried.failure).toBeNull();
      const signed = await waitForState(handle, 'its signed PDF', (s) => s.orderDocumentId !== null);
      expect(signed).toMatchObject({ orderDocumentId: 'order-pdf', failure: null });
      expect(attempts).toBe(2);
      expect(await workflowTaskFailures(handle)).toBe(0);
      await endIfRunning(handle);
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
      await handle.executeUpdate(decideUpdate, { args: [{ userId: 'c', decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ userId: 'kalinina' }] });
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
        return [{ ...q, expected: centers.map((organizationId) => ({ organizationId, eventIds: ['event'] })) }];
      },
      async periodProgress() {
        submitted = counts++ === 0 ? 0 : centers.length;
        return { expected: centers.length, submitted };
      },
      async closeReportingPeriod(periodId) {
        closedAt.push(Context.current().info.currentAttemptScheduledTimestampMs);
        const expected = centers.map((organizationId, i) => ({ organizationId, eventIds: ['event'], submitted: i < submitted }));
        return { period: { id: periodId, expected } } as PeriodSummaryDto;
      },
    };
    await withWorker(activities, async (taskQueue) => {
      const handle = await server.env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-count', args: [twoStageRoute('count')] });
      for (const userId of ['a', 'b', 'c']) await handle.executeUpdate(decideUpdate, { args: [{ userId, decision: 'approve', version: 1 }] });
      await waitForStatus(handle, 'signing');
      await handle.executeUpdate(signUpdate, { args: [{ userId: 'kalinina' }] });
      const final: OrderWorkflowState = await handle.result();
      expect(final.periods[0]).toMatchObject({ status: 'closed', expectedCount: 50, submittedCount: 50 });
      const deadlineAt = Date.parse(`${final.periods[0].deadline}T00:00:00.000Z`);
      expect(closedAt[0]).toBeLessThan(deadlineAt - 7 * 86_400_000);
    });
  });
});
