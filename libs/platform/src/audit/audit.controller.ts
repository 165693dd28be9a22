import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditListRoute, type AuditedService, type AuditEntryDto, type Page } from '@eduplan/contracts';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { RoutePipe } from '../bus/route.pipe';
import { listAuditEntries } from './audit-entries.query';

/**
 * A controller answering `<service>.audit.list` from the service's own `<service>.audit_log` (each service's
 * schema bears its name). The route pipe refuses anyone but an administrator before the log is read.
 */
export function auditController(service: AuditedService): Type<unknown> {
  const route = auditListRoute(service);

  @Controller()
  class AuditController {
    constructor(private readonly dataSource: DataSource) {}

    @MessagePattern(route.subject)
    list(@Payload(new RoutePipe(route)) request: z.output<typeof route.request>): Promise<Page<AuditEntryDto>> {
      return listAuditEntries(this.dataSource, service, request);
    }
  }
  return AuditController;
}
