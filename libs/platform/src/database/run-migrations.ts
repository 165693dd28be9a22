import { DataSource, type DataSourceOptions } from 'typeorm';

/** Creates the service's schema (the migrations table lives in it) and runs pending migrations. */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const schema = (options as { schema?: string }).schema;
    if (schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
