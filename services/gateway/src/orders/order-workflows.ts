import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  closePeriodSignal,
  healthRoute,
  decideUpdate,
  ORDER_WORKFLOW_TYPE,
  orderStateQuery,
  orderWorkflowId,
  resubmitUpdate,
  retryUpdate,
  signUpdate,
  type DecideUpdateInput,
  type OrderLifecycleInput,
  type OrderWorkflowState,
  type ResubmitUpdateInput,
  type RetryUpdateInput,
  type SignUpdateInput,
} from '@eduplan/contracts';
import { BusClient, loadConfig, TEMPORAL_CLIENT } from '@eduplan/platform';
import { WorkflowUnavailableError } from './workflow-unavailable.error';

/**
 * The gateway's window on order workflows; every call is bounded, so a missing worker is a 503, not a hang.
 * Updates carry the person the session names; the workflow decides whether they may.
 */
@Injectable()
export class OrderWorkflows {
  private readonly config = loadConfig();

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly bus: BusClient,
  ) {}

  /** Idempotent: submitting an order whose workflow already runs returns that workflow's state. */
  async start(input: OrderLifecycleInput): Promise<void> {
    try {
      await this.bounded(
        this.client.workflow.start(ORDER_WORKFLOW_TYPE, {
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          workflowId: orderWorkflowId(input.orderId),
          args: [input],
        }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  state(orderId: string): Promise<OrderWorkflowState> {
    return this.bounded(this.handle(orderId).query(orderStateQuery));
  }

  async decide(orderId: string, request: DecideUpdateInput): Promise<OrderWorkflowState> {
    await this.requireWorker();
    return this.updated(this.handle(orderId).executeUpdate(decideUpdate, { args: [request] }));
  }

  async resubmit(orderId: string, request: ResubmitUpdateInput): Promise<OrderWorkflowState> {
    await this.requireWorker();
    return this.updated(this.handle(orderId).executeUpdate(resubmitUpdate, { args: [request] }));
  }

  async sign(orderId: string, request: SignUpdateInput): Promise<OrderWorkflowState> {
    await this.requireWorker();
    return this.updated(this.handle(orderId).executeUpdate(signUpdate, { args: [request] }));
  }

  /** Runs again the step the order shows as failed, once a person has fixed its cause. */
  async retry(orderId: string, request: RetryUpdateInput): Promise<OrderWorkflowState> {
    await this.requireWorker();
    return this.updated(this.handle(orderId).executeUpdate(retryUpdate, { args: [request] }));
  }

  closePeriod(orderId: string, periodId: string): Promise<void> {
    return this.bounded(this.handle(orderId).signal(closePeriodSignal, { periodId }));
  }

  /**
   * Temporal keeps an update that no worker has taken and applies it when one returns, long after the
   * person was told it failed. Asking the worker first turns that into a plain «try again».
   */
  private async requireWorker(): Promise<void> {
    const health = await this.bus.request(healthRoute('worker'), {}).catch(() => null);
    if (health?.status !== 'up') {
      throw new WorkflowUnavailableError('Сервис процессов (worker) недоступен; решение не принято, повторите позже');
    }
  }

  private handle(orderId: string) {
    return this.client.workflow.getHandle(orderWorkflowId(orderId));
  }

  /**
   * An update Temporal has accepted stays queued past our deadline and may still be applied, so its timeout
   * must not read as «not done»: the person is told to look at the order before trying again.
   */
  private updated<T>(call: Promise<T>): Promise<T> {
    return this.bounded(
      call,
      `Действие передано процессу приказа, но он не подтвердил его за ${this.config.BUS_TIMEOUT_MS} мс; обновите состояние приказа, прежде чем повторять`,
    );
  }

  private async bounded<T>(
    call: Promise<T>,
    message = `Процесс приказа не ответил за ${this.config.BUS_TIMEOUT_MS} мс: проверьте, что запущены Temporal и сервис worker`,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WorkflowUnavailableError(message)), this.config.BUS_TIMEOUT_MS);
    });
    try {
      return await Promise.race([call, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
