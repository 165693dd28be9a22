import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { BUS_SERVICES, healthRoute, type DependencyStatus } from '@eduplan/contracts';
import { BusClient, loadConfig, readSupervisorStatus, TEMPORAL_CLIENT, type SupervisedProcessStatus } from '@eduplan/platform';
import type { Response } from 'express';
import { Client as PgClient } from 'pg';

const PROBE_TIMEOUT_MS = 2000;

export interface HealthReport {
  status: DependencyStatus;
  services: Record<string, { status: DependencyStatus; message: string | null; dependencies: Record<string, DependencyStatus> }>;
  postgres: DependencyStatus;
  temporal: DependencyStatus;
  /** Under `npm start`: every child process with its restarts and last exit code; absent otherwise. */
  processes?: Record<string, SupervisedProcessStatus>;
}

/**
 * One line per service (asked over NATS), PostgreSQL and Temporal; 503 when any is down. Under the
 * supervisor of `npm start` it also shows each process's restarts.
 */
@Controller()
export class HealthController {
  private readonly config = loadConfig();

  constructor(
    private readonly bus: BusClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get('health')
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [services, postgres, temporal, supervisor] = await Promise.all([
      this.services(),
      this.postgres(),
      this.temporalStatus(),
      readSupervisorStatus(),
    ]);
    const all = [...Object.values(services).map((s) => s.status), postgres, temporal];
    const report: HealthReport = { status: all.every((s) => s === 'up') ? 'up' : 'down', services, postgres, temporal };
    if (supervisor) report.processes = supervisor.processes;
    response.status(report.status === 'up' ? 200 : 503);
    return report;
  }

  private async services(): Promise<HealthReport['services']> {
    const entries = await Promise.all(
      BUS_SERVICES.map(async (service) => {
        try {
          const reply = await this.bus.request(healthRoute(service), {});
          return [service, { status: reply.status, message: null, dependencies: reply.dependencies }] as const;
        } catch (error) {
          return [service, { status: 'down' as const, message: error instanceof Error ? error.message : String(error), dependencies: {} }] as const;
        }
      }),
    );
    return Object.fromEntries(entries);
  }

  private async postgres(): Promise<DependencyStatus> {
    const client = new PgClient({ connectionString: this.config.DATABASE_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async temporalStatus(): Promise<DependencyStatus> {
    try {
      await this.temporal.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.temporal.workflowService.getSystemInfo({}),
      );
      return 'up';
    } catch {
      return 'down';
    }
  }
}
