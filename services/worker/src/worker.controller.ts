import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { Client } from '@temporalio/client';
import {
  healthRoute,
  orderWorkflowId,
  ReportingEvents,
  reportSubmittedSignal,
  type ReportSubmittedEvent,
  type ServiceHealth,
} from '@eduplan/contracts';
import { hostname } from 'node:os';
import { TEMPORAL_CLIENT } from '@eduplan/platform';
import { TemporalWorkerRunner } from './temporal-worker.runner';

@Controller()
export class WorkerController {
  private readonly logger = new Logger('WorkerEvents');

  constructor(
    private readonly runner: TemporalWorkerRunner,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @MessagePattern(healthRoute('worker').subject)
  health(): ServiceHealth {
    const temporal = this.runner.status;
    return { service: 'worker', status: temporal, dependencies: { temporal }, instance: `${hostname()}:${process.pid}` };
  }

  /** Lets the order's workflow stop waiting as soon as the last center has reported. */
  @EventPattern(ReportingEvents.reportSubmitted)
  async reportSubmitted(@Payload() event: ReportSubmittedEvent): Promise<void> {
    try {
      await this.temporal.workflow
        .getHandle(orderWorkflowId(event.orderId))
        .signal(reportSubmittedSignal, { periodId: event.periodId, organizationId: event.organizationId });
    } catch (error) {
      // The workflow still closes the period at its deadline and reads the reports from the reporting service.
      this.logger.warn(`could not signal order ${event.orderId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
