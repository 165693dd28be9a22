import { ORGANIZATION_KINDS } from '@eduplan/contracts';
import type { OrganizationKindValue } from '@eduplan/domain';
import { FIXTURE_REGIONS, type FIXTURE_FILES, type SeedOrganization } from '@eduplan/domain/testing';
import type { Client } from 'pg';

/** The registry's spelling of a kind: the matcher's «issuer» is a ministry, its «other» any other organization. */
function registryKind(kind: OrganizationKindValue): string {
  if ((ORGANIZATION_KINDS as readonly string[]).includes(kind)) return kind;
  return ({ issuer: 'ministry', other: 'institution' } as Record<string, string>)[kind] ?? kind;
}

/**
 * Puts one organization of a region straight into the registry's table (the HTTP route does not take every
 * center type yet), answering to `issuerId`; the ministry itself answers to nobody.
 */
export async function insertOrganization(db: Client, o: SeedOrganization, issuerId: string | null, since = '2023-01-01'): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO organizations.organizations (name, short_name, kind, center_type, parent_id, issuer_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id`,
    [o.name, o.shortName, registryKind(o.kind), o.centerType, issuerId, since],
  );
  return rows[0].id as string;
}

/** A fixture plan's region (its ministry, institute and ten centers of each type the plan names); the ministry's id. */
export async function seedFixtureRegion(db: Client, region: keyof typeof FIXTURE_FILES): Promise<string> {
  const [ministry, ...rest] = FIXTURE_REGIONS[region];
  const issuerId = await insertOrganization(db, ministry, null);
  for (const o of rest) await insertOrganization(db, o, issuerId);
  return issuerId;
}
