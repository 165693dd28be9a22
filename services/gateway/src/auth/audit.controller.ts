import { Controller, Get, Query } from '@nestjs/common';
import {
  AUDIT_MERGE_DEPTH,
  AUDITED_SERVICES,
  auditListRequest,
  auditQuery,
  AuditRoutes,
  strictRequest,
  type Actor,
  type AuditedService,
  type Page,
  type ServiceAuditEntryDto,
} from '@eduplan/contracts';
import { BusClient, DomainException } from '@eduplan/platform';
import type { z } from 'zod';
import { CurrentActor } from './current-actor.decorator';

type Filters = Omit<z.output<typeof auditListRequest>, 'limit' | 'offset'>;

/** The most one service is asked for at a time (its route's page limit). */
const SERVICE_PAGE = 200;
const query = strictRequest(auditQuery);

/**
 * The administrators' audit log across services: each service that keeps one answers its own page (and checks
 * that the caller is an administrator); the gateway merges them newest first.
 */
@Controller('api/audit')
export class AuditController {
  constructor(private readonly bus: BusClient) {}

  /** `?objectType=&objectId=&person=&from=&to=&service=&limit=&offset=`: the entries, newest first. */
  @Get()
  async list(@Query() raw: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<ServiceAuditEntryDto>> {
    const { service, limit, offset, ...filters } = query.parse(raw);
    const depth = offset + limit;
    if (depth > AUDIT_MERGE_DEPTH) {
      throw new DomainException('VALIDATION', `Журнал листается не дальше ${AUDIT_MERGE_DEPTH} записей (offset + limit): сузьте отбор датами (from, to) или объектом`);
    }
    const pages = await Promise.all((service ? [service] : AUDITED_SERVICES).map((s) => this.newest(s, filters, depth, actor)));
    const merged = pages.flatMap((page) => page.items).sort(newestFirst);
    return { items: merged.slice(offset, depth), total: pages.reduce((sum, page) => sum + page.total, 0) };
  }

  /** A service's newest `depth` entries matching the filters, asked a page at a time. */
  private async newest(service: AuditedService, filters: Filters, depth: number, actor: Actor): Promise<Page<ServiceAuditEntryDto>> {
    const items: ServiceAuditEntryDto[] = [];
    let total = 0;
    for (let offset = 0; offset < depth; offset += SERVICE_PAGE) {
      const page = await this.bus.request(AuditRoutes[service], { ...filters, offset, limit: Math.min(SERVICE_PAGE, depth - offset), actor });
      total = page.total;
      items.push(...page.items.map((entry) => ({ ...entry, service })));
      if (offset + page.items.length >= page.total) break;
    }
    return { items, total };
  }
}

/** Newest first across services; within one instant, by service and then by the service's own order. */
function newestFirst(a: ServiceAuditEntryDto, b: ServiceAuditEntryDto): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.service !== b.service) return a.service < b.service ? -1 : 1;
  return b.seq - a.seq;
}
