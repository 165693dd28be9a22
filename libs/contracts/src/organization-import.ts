import { z } from 'zod';
import { actedRoute } from './bus/route';
import { uuid } from './common';
import type { CenterType, OrganizationKind } from './organization-names';

const cell = z.string().max(2000, 'ячейка длиннее 2000 символов');

/** One row of an uploaded table as the person typed it; the organizations service checks every value. */
export const organizationImportRow = z.object({
  line: z.number().int().min(1),
  name: cell,
  shortName: cell,
  type: cell,
  inn: cell,
  ogrn: cell,
  address: cell,
  timeZone: cell,
  municipality: cell,
  parent: cell,
  issuer: cell,
});
export type OrganizationImportRow = z.infer<typeof organizationImportRow>;

/** Rows per bus message: a table of 20,000 rows is staged a chunk at a time, well under the bus's 1 MB. */
export const ORGANIZATION_IMPORT_CHUNK_ROWS = 500;

export const startOrganizationImportRequest = z.object({
  /** Where municipalities named in the table are looked up (and created) and parents are sought. */
  regionId: uuid.nullish(),
  /** The ministry the imported centers and schools answer to, unless a row names another in «Учредитель». */
  issuerId: uuid.nullish(),
  fileName: z.string().trim().max(300).nullish(),
});

export const addOrganizationImportRowsRequest = z.object({
  batchId: uuid,
  rows: z.array(organizationImportRow).min(1).max(ORGANIZATION_IMPORT_CHUNK_ROWS),
});

export const organizationImportBatch = z.object({ batchId: uuid });

export interface OrganizationImportPreviewRow {
  line: number;
  name: string;
  shortName: string;
  kind: OrganizationKind | null;
  centerType: CenterType | null;
  inn: string;
  municipality: string;
  parent: string;
  /** What to fix in this row, in Russian; empty when the row can be imported. */
  problems: string[];
}

export interface OrganizationImportPreview {
  batchId: string;
  fileName: string | null;
  rowCount: number;
  /** Rows with no problem; the import is confirmed only when every row has none. */
  validCount: number;
  /** Municipalities the table names that the region lacks; confirming creates them. */
  newMunicipalities: string[];
  /** Rows with problems first, then the rest, at most `PREVIEW_ROWS` of them. */
  rows: OrganizationImportPreviewRow[];
}

/** Rows a preview carries back; a report of 20,000 rows would not fit a bus message. */
export const ORGANIZATION_IMPORT_PREVIEW_ROWS = 300;

export interface OrganizationImportResult {
  batchId: string;
  created: number;
  municipalitiesCreated: number;
}

/** The administrator's bulk import: each step carries who imports, and the service refuses anyone else. */
export const OrganizationImportRoutes = {
  start: actedRoute<typeof startOrganizationImportRequest, { batchId: string }>('organizations.import.start', startOrganizationImportRequest, ['admin']),
  addRows: actedRoute<typeof addOrganizationImportRowsRequest, { staged: number }>('organizations.import.add-rows', addOrganizationImportRowsRequest, ['admin']),
  preview: actedRoute<typeof organizationImportBatch, OrganizationImportPreview>('organizations.import.preview', organizationImportBatch, ['admin']),
  /** Checks the staged rows again and creates them all in one transaction, or nothing. */
  confirm: actedRoute<typeof organizationImportBatch, OrganizationImportResult>('organizations.import.confirm', organizationImportBatch, ['admin']),
};
