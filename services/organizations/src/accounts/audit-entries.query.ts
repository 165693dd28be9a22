import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountRoutes, AuditEntryDto, Page, RequestOf } from '@eduplan/contracts';
import { AccountRoutes as Routes } from '@eduplan/contracts';
import { auditRowFromDatabase, DomainException } from '@eduplan/platform';
import { DataSource } from 'typeorm';

/** The organizations service's audit log for an administrator: filtered by object, person and dates (inclusive, UTC), newest first. */
@Injectable()
export class AuditEntriesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(input: RequestOf<typeof AccountRoutes.audit>): Promise<Page<AuditEntryDto>> {
    const request = Routes.audit.parse(input);
    if (!request.actor.roles.includes('admin')) throw new DomainException('FORBIDDEN', 'Журнал аудита доступен только администратору');
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (request.objectType) add((n) => `object_type = ${n}`, request.objectType);
    if (request.objectId) add((n) => `object_id = ${n}`, request.objectId);
    if (request.person) add((n) => `(actor_account_id::text = ${n} OR lower(actor_login) = lower(${n}) OR acting_for = ${n})`, request.person);
    if (request.from) add((n) => `at >= ${n}::date`, request.from);
    if (request.to) add((n) => `at < ${n}::date + 1`, request.to);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM organizations.audit_log ${filter}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT *
         FROM organizations.audit_log ${filter} ORDER BY seq DESC LIMIT ${request.limit} OFFSET ${request.offset}`,
      params,
    )) as Record<string, unknown>[];
    return {
      total,
      items: rows.map(auditRowFromDatabase).map(({ prevHash: _prevHash, hash: _hash, ...entry }) => ({ ...entry, at: entry.at.toISOString() })),
    };
  }
}
