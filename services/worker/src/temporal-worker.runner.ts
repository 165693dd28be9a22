import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DependencyStatus, OrderActivities } from '@eduplan/contracts';
import { loadConfig } from '@eduplan/platform';
import { setTimeout as delay } from 'node:timers/promises';
import { activityFailureOf } from './activity-failure';
import { OrderActivitiesService } from './order.activities';

const RETRY_MS = 2000;

/**
 * Runs the Temporal worker beside the Nest app. It keeps trying while Temporal is unreachable,
 * so the worker can start before the server and comes back after the server restarts.
 */
@Injectable()
export class TemporalWorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private readonly config = loadConfig();
  private worker: Worker | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly activities: OrderActivitiesService) {}

  onApplicationBootstrap(): void {
    this.loop = this.runUntilStopped();
  }

  get status(): DependencyStatus {
    return this.worker?.getState() === 'RUNNING' ? 'up' : 'down';
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.loop;
  }

  private async runUntilStopped(): Promise<void> {
    while (!this.stopping) {
      try {
        const connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
        this.worker = await Worker.create({
          connection,
          namespace: this.config.TEMPORAL_NAMESPACE,
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          ...workflowSource(),
          activities: this.boundActivities(),
        });
        if (this.stopping) return;
        this.logger.log(`polling task queue «${this.config.TEMPORAL_TASK_QUEUE}» on ${this.config.TEMPORAL_ADDRESS}`);
        await this.worker.run();
        await connection.close();
      } catch (error) {
        this.logger.warn(`Temporal at ${this.config.TEMPORAL_ADDRESS} unavailable: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!this.stopping) await delay(RETRY_MS);
    }
  }

  /** Every activity, with bus failures classified for Temporal (see activity-failure.ts). */
  private boundActivities(): OrderActivities {
    const a = this.activities;
    const names = Object.getOwnPropertyNames(OrderActivitiesService.prototype).filter((n) => n !== 'constructor');
    const bind = (n: string) => {
      const method = (a[n as keyof OrderActivities] as (...args: unknown[]) => Promise<unknown>).bind(a);
      return async (...args: unknown[]) => {
        try {
          return await method(...args);
        } catch (error) {
          throw activityFailureOf(error);
        }
      };
    };
    return Object.fromEntries(names.map((n) => [n, bind(n)])) as unknown as OrderActivities;
  }
}

/** A pre-built bundle when WORKFLOW_BUNDLE names one (production); otherwise bundle the sources at start. */
function workflowSource(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const bundle = process.env.WORKFLOW_BUNDLE;
  return bundle ? { workflowBundle: { codePath: bundle } } : { workflowsPath: require.resolve('@eduplan/workflows') };
}
