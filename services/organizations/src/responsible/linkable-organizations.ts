import { CENTER_TYPE_VALUES, ORGANIZATION_KIND_VALUES, type CenterTypeValue, type MatchableOrganization, type OrganizationKindValue } from '@eduplan/domain';
import type { DataSource } from 'typeorm';

/** The registry's kinds the matcher names otherwise: a ministry issues plans; any other kind is «other» to it. */
const REGISTRY_KINDS: Record<string, OrganizationKindValue> = { ministry: 'issuer' };

interface Row {
  id: string;
  name: string;
  short_name: string | null;
  kind: string;
  center_type: string | null;
  active: boolean;
  issuer_id: string | null;
  since: string;
}

/**
 * The issuer and every organization answering to it, as the matcher needs them. Read with this service's
 * own query so linking depends only on the columns it names. An organization answers to the issuer named in
 * `issuer_id`, or else to its parent.
 */
export async function linkableOrganizations(db: DataSource, issuerId: string): Promise<MatchableOrganization[]> {
  const rows: Row[] = await db.query(
    `SELECT id, name, short_name, kind, center_type, active,
            CASE WHEN id = $1 THEN id ELSE COALESCE(issuer_id, parent_id) END AS issuer_id,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS since
       FROM organizations.organizations
      WHERE id = $1 OR issuer_id = $1 OR (issuer_id IS NULL AND parent_id = $1)`,
    [issuerId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    kind: asKind(row.kind),
    centerType: (CENTER_TYPE_VALUES as readonly string[]).includes(row.center_type ?? '') ? (row.center_type as CenterTypeValue) : null,
    issuerId: row.issuer_id,
    active: row.active,
    since: row.since,
  }));
}

function asKind(kind: string): OrganizationKindValue {
  if ((ORGANIZATION_KIND_VALUES as readonly string[]).includes(kind)) return kind as OrganizationKindValue;
  return REGISTRY_KINDS[kind] ?? 'other';
}
