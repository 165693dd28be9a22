import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { healthRoute, ReportingEvents, type ReportSubmittedEvent, type ServiceHealth } from '@eduplan/contracts';
import { hostname } from 'node:os';
import { ReportHints } from './report-hints';
import { TemporalWorkerRunner } from './temporal-worker.runner';

@Controller()
export class WorkerController {
  constructor(
    private readonly runner: TemporalWorkerRunner,
    private readonly hints: ReportHints,
  ) {}

  @MessagePattern(healthRoute('worker').subject)
  health(): ServiceHealth {
    const temporal = this.runner.status;
    return { service: 'worker', status: temporal, dependencies: { temporal }, instance: `${hostname()}:${process.pid}` };
  }

  /** Lets the order's workflow count again as soon as a report arrives instead of at its next timer. */
  @EventPattern(ReportingEvents.reportSubmitted)
  reportSubmitted(@Payload() event: ReportSubmittedEvent): Promise<void> {
    return this.hints.hint(event.orderId, event.periodId);
  }
}
