import { loadConfig } from '@eduplan/platform';
import { migrateAll } from './migrate-all';

migrateAll(loadConfig().DATABASE_URL, (line) => console.log(`  migrations ${line}`)).catch((error: unknown) => {
  console.error(`Migrations failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
