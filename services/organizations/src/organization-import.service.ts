import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ORGANIZATION_IMPORT_PREVIEW_ROWS,
  type OrganizationImportPreview,
  type OrganizationImportResult,
  type OrganizationImportRoutes,
  type OrganizationImportRow,
} from '@eduplan/contracts';
import { auditActorOf, DomainException, notFound, type AuditActor } from '@eduplan/platform';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { checkImportRows, type CheckedImport, type ImportContext, type KnownOrganization } from './check-import-rows';
import { OrganizationEntity } from './organization.entity';
import { organizationsAudit } from './organizations-audit';
import { typeKey } from './organization-type-names';

type StartRequest = z.output<typeof OrganizationImportRoutes.start.request>;
type AddRowsRequest = z.output<typeof OrganizationImportRoutes.addRows.request>;
type BatchRequest = z.output<typeof OrganizationImportRoutes.confirm.request>;

interface Batch {
  id: string;
  regionId: string | null;
  issuerId: string | null;
  fileName: string | null;
  status: 'staged' | 'imported';
}

/** Staged tables are kept a day for their preview to be confirmed, then dropped when the next import starts. */
const STAGED_FOR = '1 day';

/** Upload (staged in chunks) → preview with a row-by-row report → confirm: every row created in one transaction, or none. */
@Injectable()
export class OrganizationImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start({ regionId, issuerId, fileName, actor }: StartRequest): Promise<{ batchId: string }> {
    if (regionId && !(await this.exists('regions', regionId))) throw notFound('Регион', regionId);
    if (issuerId) {
      const [issuer] = await this.dataSource.query(`SELECT kind, name FROM organizations.organizations WHERE id = $1`, [issuerId]);
      if (!issuer) throw notFound('Организация', issuerId);
      if (issuer.kind !== 'ministry') throw new DomainException('VALIDATION', `«${issuer.name}» не министерство (комитет): выберите орган, перед которым отвечают центры`);
    }
    return this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM organizations.import_batches WHERE status = 'staged' AND created_at < now() - interval '${STAGED_FOR}'`);
      const [{ id }] = await m.query(
        `INSERT INTO organizations.import_batches (region_id, issuer_id, file_name) VALUES ($1, $2, $3) RETURNING id`,
        [regionId ?? null, issuerId ?? null, fileName ?? null],
      );
      const after = { regionId: regionId ?? null, issuerId: issuerId ?? null, fileName: fileName ?? null };
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action: 'organization_import.start', objectType: 'organization_import', objectId: id, after });
      return { batchId: id };
    });
  }

  async addRows({ batchId, rows }: AddRowsRequest): Promise<{ staged: number }> {
    const batch = await this.batch(this.dataSource.manager, batchId);
    if (batch.status !== 'staged') throw alreadyImported();
    try {
      await this.dataSource.query(
        `INSERT INTO organizations.import_rows (batch_id, line, cells)
         SELECT $1, (r->>'line')::int, r FROM jsonb_array_elements($2::jsonb) r`,
        [batchId, JSON.stringify(rows)],
      );
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new DomainException('CONFLICT', 'эти строки таблицы уже загружены: начните импорт заново');
      }
      throw error;
    }
    const [{ staged }] = await this.dataSource.query(`SELECT count(*)::int AS staged FROM organizations.import_rows WHERE batch_id = $1`, [batchId]);
    return { staged };
  }

  async preview(batchId: string): Promise<OrganizationImportPreview> {
    const batch = await this.batch(this.dataSource.manager, batchId);
    const { checked } = await this.check(this.dataSource.manager, batch);
    const rows = checked.rows.map((c) => ({
      line: c.row.line,
      name: c.row.name,
      shortName: c.row.shortName,
      kind: c.type?.kind ?? null,
      centerType: c.type?.centerType ?? null,
      inn: c.row.inn,
      municipality: c.row.municipality,
      parent: c.row.parent,
      problems: c.problems,
    }));
    return {
      batchId,
      fileName: batch.fileName,
      rowCount: rows.length,
      validCount: rows.filter((r) => r.problems.length === 0).length,
      newMunicipalities: [...checked.newMunicipalities.values()],
      rows: [...rows.filter((r) => r.problems.length), ...rows.filter((r) => !r.problems.length)].slice(0, ORGANIZATION_IMPORT_PREVIEW_ROWS),
    };
  }

  /** Checked again inside the transaction (the registry may have changed since the preview), then inserted set-based. */
  async confirm({ batchId, actor }: BatchRequest): Promise<OrganizationImportResult> {
    try {
      return await this.insert(batchId, auditActorOf(actor));
    } catch (error) {
      // An organization with one of the table's ИНН created meanwhile: the unique index refuses the whole insert.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new DomainException('CONFLICT', 'Ничего не импортировано: пока шёл импорт, в реестре появилась организация с тем же ИНН или ОГРН; проверьте таблицу заново');
      }
      throw error;
    }
  }

  /** Every created organization and municipality gets its own audit entry, so its history starts with the import. */
  private insert(batchId: string, actor: AuditActor): Promise<OrganizationImportResult> {
    return this.dataSource.transaction(async (m) => {
      const batch = await this.batch(m, batchId, true);
      if (batch.status !== 'staged') throw alreadyImported();
      const { checked, context } = await this.check(m, batch);
      const wrong = checked.rows.filter((c) => c.problems.length);
      if (checked.rows.length === 0) throw new DomainException('VALIDATION', 'в таблице нет строк с организациями');
      if (wrong.length) {
        const first = wrong.slice(0, 5).map((c) => `строка ${c.row.line}: ${c.problems.join('; ')}`);
        throw new DomainException('VALIDATION', `Ничего не импортировано: ошибки в ${wrong.length} строках из ${checked.rows.length}. ${first.join('. ')}`, {
          lines: wrong.map((c) => c.row.line),
        });
      }
      const { ids: municipalityIds, created: municipalities } = await this.createMunicipalities(m, context, checked);
      await m.query(
        `INSERT INTO organizations.organizations
           (id, name, short_name, kind, center_type, region_id, municipality_id, parent_id, issuer_id, inn, ogrn, address, time_zone)
         SELECT id, name, short_name, kind, center_type, region_id, municipality_id, parent_id, issuer_id, inn, ogrn, address, time_zone
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, short_name text, kind text, center_type text, region_id uuid,
           municipality_id uuid, parent_id uuid, issuer_id uuid, inn text, ogrn text, address text, time_zone text)`,
        [
          JSON.stringify(
            checked.rows.map((c) => ({
              id: c.id,
              name: c.row.name,
              short_name: c.row.shortName || null,
              kind: c.type!.kind,
              center_type: c.type!.centerType,
              region_id: context.regionId,
              municipality_id: c.municipalityKey ? municipalityIds.get(c.municipalityKey) : null,
              parent_id: c.parentId,
              issuer_id: c.issuerId,
              inn: c.row.inn || null,
              ogrn: c.row.ogrn || null,
              address: c.row.address || null,
              time_zone: c.timeZone,
            })),
          ),
        ],
      );
      await m.query(`UPDATE organizations.import_batches SET status = 'imported' WHERE id = $1`, [batchId]);
      await m.query(`DELETE FROM organizations.import_rows WHERE batch_id = $1`, [batchId]);
      const result = { batchId, created: checked.rows.length, municipalitiesCreated: checked.newMunicipalities.size };
      const organizations = await m
        .createQueryBuilder(OrganizationEntity, 'o')
        .where('o.id = ANY(:ids)', { ids: checked.rows.map((c) => c.id) })
        .orderBy('o.name')
        .getMany();
      await organizationsAudit.appendAll(m, [
        ...municipalities.map((after) => ({ actor, action: 'municipality.create', objectType: 'municipality', objectId: after.id, after })),
        ...organizations.map((o) => ({ actor, action: 'organization.create', objectType: 'organization', objectId: o.id, after: { ...o.toDto(), importBatchId: batchId } })),
        { actor, action: 'organization_import.confirm', objectType: 'organization_import', objectId: batchId, after: { fileName: batch.fileName, ...result } },
      ]);
      return result;
    });
  }

  private async createMunicipalities(
    m: EntityManager,
    context: ImportContext,
    checked: CheckedImport,
  ): Promise<{ ids: Map<string, string>; created: { id: string; regionId: string; name: string }[] }> {
    const ids = new Map([...context.municipalities].map(([key, municipality]) => [key, municipality.id]));
    if (checked.newMunicipalities.size === 0) return { ids, created: [] };
    const created: { id: string; regionId: string; name: string }[] = await m.query(
      `INSERT INTO organizations.municipalities (region_id, name) SELECT $1, unnest($2::text[]) RETURNING id, region_id AS "regionId", name`,
      [context.regionId, [...checked.newMunicipalities.values()]],
    );
    for (const municipality of created) ids.set(typeKey(municipality.name), municipality.id);
    return { ids, created };
  }

  private async check(m: EntityManager, batch: Batch): Promise<{ checked: CheckedImport; context: ImportContext }> {
    const rows: OrganizationImportRow[] = (
      await m.query(`SELECT cells FROM organizations.import_rows WHERE batch_id = $1 ORDER BY line`, [batch.id])
    ).map((r: { cells: OrganizationImportRow }) => r.cells);
    const context = await this.context(m, batch, rows);
    return { checked: checkImportRows(rows, context), context };
  }

  /** The registry as far as the rows refer to it: a handful of queries however many rows there are. */
  private async context(m: EntityManager, batch: Batch, rows: OrganizationImportRow[]): Promise<ImportContext> {
    const columns = `id, name, short_name AS "shortName", inn, ogrn, kind, time_zone AS "timeZone"`;
    // A region holds at most some thousands of organizations: loading them all lets a reference be compared the way
    // the table's own names are (ignoring quotes, spaces and case), which SQL equality cannot.
    const known: KnownOrganization[] = await m.query(
      `SELECT ${columns} FROM organizations.organizations
       WHERE inn = ANY($1) OR ogrn = ANY($2) OR (active AND ($3::uuid IS NULL OR region_id = $3 OR kind = 'ministry'))`,
      [rows.map((r) => r.inn).filter(Boolean), rows.map((r) => r.ogrn).filter(Boolean), batch.regionId],
    );
    const [issuer]: KnownOrganization[] = batch.issuerId ? await m.query(`SELECT ${columns} FROM organizations.organizations WHERE id = $1`, [batch.issuerId]) : [];
    const municipalities: { id: string; name: string }[] = batch.regionId
      ? await m.query(`SELECT id, name FROM organizations.municipalities WHERE region_id = $1`, [batch.regionId])
      : [];
    return {
      regionId: batch.regionId,
      issuer: issuer ?? null,
      known,
      municipalities: new Map(municipalities.map((municipality) => [typeKey(municipality.name), municipality])),
    };
  }

  private async batch(m: EntityManager, id: string, lock = false): Promise<Batch> {
    const [batch] = await m.query(
      `SELECT id, region_id AS "regionId", issuer_id AS "issuerId", file_name AS "fileName", status
       FROM organizations.import_batches WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!batch) throw new DomainException('NOT_FOUND', `Загрузка ${id} не найдена: загрузите таблицу заново`);
    return batch;
  }

  private async exists(table: 'regions', id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM organizations.${table} WHERE id = $1`, [id])).length > 0;
  }
}

const alreadyImported = () => new DomainException('CONFLICT', 'эта таблица уже импортирована');
