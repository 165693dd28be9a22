import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseOptions, ensureDatabase, runMigrations, type ServiceDatabase } from '@eduplan/platform';

const servicesDir = join(__dirname, '..', 'services');

/** Every service that owns a schema declares it in `src/database.ts`. */
export function serviceDatabases(): { service: string; database: ServiceDatabase }[] {
  return readdirSync(servicesDir)
    .filter((service) => existsSync(join(servicesDir, service, 'src', 'database.ts')))
    .map((service) => ({
      service,
      database: (require(join(servicesDir, service, 'src', 'database.ts')) as { database: ServiceDatabase }).database,
    }));
}

export async function migrateAll(url: string, log: (line: string) => void = () => undefined): Promise<void> {
  await ensureDatabase(url);
  for (const { service, database } of serviceDatabases()) {
    const applied = await runMigrations(databaseOptions(database, url));
    log(`${service}: ${applied.length ? applied.join(', ') : 'up to date'}`);
  }
}
