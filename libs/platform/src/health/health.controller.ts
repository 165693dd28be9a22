import { Controller, Optional, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { healthRoute, type BusService, type DependencyStatus, type ServiceHealth } from '@eduplan/contracts';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';

const DB_CHECK_TIMEOUT_MS = 2000;

/** A controller answering `<service>.health` with the state of the service's database. */
export function healthController(service: BusService): Type<unknown> {
  @Controller()
  class HealthController {
    constructor(@Optional() private readonly dataSource?: DataSource) {}

    @MessagePattern(healthRoute(service).subject)
    async health(): Promise<ServiceHealth> {
      const dependencies: Record<string, DependencyStatus> = {};
      if (this.dataSource) dependencies.postgres = await this.checkDatabase(this.dataSource);
      const status = Object.values(dependencies).every((s) => s === 'up') ? 'up' : 'down';
      return { service, status, dependencies, instance: `${hostname()}:${process.pid}` };
    }

    private async checkDatabase(dataSource: DataSource): Promise<DependencyStatus> {
      const probe = dataSource.query('SELECT 1').then(() => 'up' as const, () => 'down' as const);
      const late = new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), DB_CHECK_TIMEOUT_MS).unref());
      return Promise.race([probe, late]);
    }
  }
  return HealthController;
}
