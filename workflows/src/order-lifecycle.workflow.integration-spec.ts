import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  decideUpdate,
  orderStateQuery,
  resubmitUpdate,
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
function recordingActivities(period: { start: string; end: string }) {
  const calls: { name: string; at: number; args: unknown[] }[] = [];
  const statuses: OrderStatus[] = [];
  let now = () => Date.now();
  const record = (name: string, args: unknown[]) => calls.push({ name, at: now(), args });
  const activities: OrderActivities = {
    async setOrderStatus(_orderId, status) {
      statuses.push(status);
    },
    async registerOrder() {
      return { registrationNumber: '1083/ПК', registeredOn: '2030-01-10' };
    },
    async renderSignedOrder() {
      return { documentId: 'order-pdf', sha256: 'x' };
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
      return { period: { id: periodId } } as PeriodSummaryDto;
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

async function waitForStatus(handle: WorkflowHandle, status: OrderStatus): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await handle.query(orderStateQuery)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the order never reached «${status}»`);
}

describe('order lifecycle workflow on the Temporal time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
    });
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: { warn() {}, info() {}, debug() {}, error() {}, trace() {}, log() {} } as never });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: OrderActivities, run: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `orders-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    return worker.runUntil(run(taskQueue));
  }

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
      const handle = await env.client.workflow.start('orderLifecycle', { taskQueue, workflowId: 'order-o1', args: [input] });
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
      const handle = await env.client.workflow.start('orderLifecycle', {
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
      const startedAt = await env.currentTimeMs();
      const final: OrderWorkflowState = await handle.result();
      const skippedDays = (Number(await env.currentTimeMs()) - Number(startedAt)) / 86_400_000;

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
      'open:2030/1', 'close:2030-1', 'open:2030/2', 'close:2030-2', 'open:2030/3', 'close:2030-3', 'open:2030/4', 'close:2030-4', 'final:4',
    ]);
  });
});
