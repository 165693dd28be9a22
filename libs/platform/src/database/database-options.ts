import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { loadConfig } from '../config/config';

export interface ServiceDatabase {
  /** The Postgres schema the service owns. */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
}

/** Postgres options for one service: its own schema, migrations only (never synchronize). */
export function databaseOptions(db: ServiceDatabase, url = loadConfig().DATABASE_URL): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: db.schema,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10, connectionTimeoutMillis: 3000 },
  };
}
