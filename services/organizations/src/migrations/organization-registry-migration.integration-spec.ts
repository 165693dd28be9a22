import { databaseOptions, dropDatabase, ensureDatabase, runMigrations, testDatabaseUrl } from '@eduplan/platform';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { database } from '../database';
import { CreateOrganizations1763800000000 } from './1763800000000-create-organizations';

jest.setTimeout(60_000);

/** Organizations made before the registry (ministries and centers that plans and orders refer to) keep working after it. */
describe('the registry migrations on a database that already has organizations', () => {
  const databaseUrl = testDatabaseUrl(`org_migration_${randomBytes(4).toString('hex')}`);
  let db: Client;

  beforeAll(async () => {
    await ensureDatabase(databaseUrl, { recreate: true });
    await runMigrations({ ...databaseOptions(database, databaseUrl), migrations: [CreateOrganizations1763800000000] });
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await dropDatabase(databaseUrl);
  });

  it('keeps existing rows active with their kind and type, and reverts without losing them', async () => {
    const { rows } = await db.query(
      `INSERT INTO organizations.organizations (name, kind, center_type, time_zone) VALUES
         ('Министерство образования Тверской области', 'ministry', NULL, 'Europe/Moscow'),
         ('Центр «Точка роста» МОУ СОШ № 1', 'center', 'tochka_rosta', 'Europe/Moscow'),
         ('МОУ СОШ № 1', 'institution', NULL, 'Europe/Moscow')
       RETURNING id`,
    );
    await runMigrations(databaseOptions(database, databaseUrl));
    const after = await db.query(`SELECT kind, center_type, active, inn, region_id FROM organizations.organizations ORDER BY kind`);
    expect(after.rows).toEqual([
      { kind: 'center', center_type: 'tochka_rosta', active: true, inn: null, region_id: null },
      { kind: 'institution', center_type: null, active: true, inn: null, region_id: null },
      { kind: 'ministry', center_type: null, active: true, inn: null, region_id: null },
    ]);
    await db.query(`UPDATE organizations.organizations SET kind = 'school' WHERE id = $1`, [rows[2].id]);

    const dataSource = new DataSource(databaseOptions(database, databaseUrl));
    await dataSource.initialize();
    try {
      // Back to the first migration, whatever came after the registry's.
      for (let i = 1; i < (database.migrations as unknown[]).length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    const reverted = await db.query(`SELECT id, kind FROM organizations.organizations`);
    expect(reverted.rows.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    // A kind the old schema lacks folds into «institution».
    expect(reverted.rows.find((r) => r.id === rows[2].id).kind).toBe('institution');
  });
});
