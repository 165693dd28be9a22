import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { orderWorkflowId, ReportingRoutes, reportSubmittedSignal } from '@eduplan/contracts';
import { BusClient, TEMPORAL_CLIENT } from '@eduplan/platform';
import { setTimeout as delay } from 'node:timers/promises';

const RESYNC_ATTEMPTS = 30;
const RESYNC_PAUSE_MS = 2000;

/**
 * Tells order workflows that it is worth counting their reports again. A hint may be lost (the «report
 * submitted» event is plain NATS and nobody hears it while this worker is down): the workflow counts the
 * stored reports itself and re-counts on a timer, and at start this worker hints every open period, so
 * reports submitted while it was down are counted at once rather than at the next timer.
 */
@Injectable()
export class ReportHints implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportHints');
  private stopping = false;
  private resync: Promise<void> | null = null;

  constructor(
    private readonly bus: BusClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  onApplicationBootstrap(): void {
    this.resync = this.hintOpenPeriods();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.resync;
  }

  async hint(orderId: string, periodId: string): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(orderWorkflowId(orderId)).signal(reportSubmittedSignal, { periodId });
    } catch (error) {
      // The workflow re-counts on its timer; a lost hint only delays closing the period.
      this.logger.warn(`could not hint order ${orderId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async hintOpenPeriods(): Promise<void> {
    for (let attempt = 1; attempt <= RESYNC_ATTEMPTS && !this.stopping; attempt++) {
      try {
        const open = await this.bus.request(ReportingRoutes.listOpenPeriods, {});
        await Promise.all(open.map((p) => this.hint(p.orderId, p.id)));
        if (open.length) this.logger.log(`hinted ${open.length} open reporting period(s) after start`);
        return;
      } catch (error) {
        if (attempt === RESYNC_ATTEMPTS) {
          this.logger.warn(`open periods not re-checked at start: ${error instanceof Error ? error.message : String(error)}`);
        }
        await delay(RESYNC_PAUSE_MS);
      }
    }
  }
}
