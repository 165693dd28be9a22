import { Controller, Get, Query } from '@nestjs/common';
import { AccountRoutes, type Actor, type AuditEntryDto, type Page, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from './current-actor.decorator';

@Controller('api/audit')
export class AuditController {
  constructor(private readonly bus: BusClient) {}

  /** `?objectType=&objectId=&person=&from=&to=&limit=&offset=`: the audit log, newest first, for administrators. */
  @Get()
  list(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<AuditEntryDto>> {
    return this.bus.request(AccountRoutes.audit, { ...query, actor } as RequestOf<typeof AccountRoutes.audit>);
  }
}
