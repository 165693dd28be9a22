import { importPlanText, ImportedPlanFile } from '@eduplan/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The real published orders (DESIGN.md §1), read through the project's importer as the CLI would. */
export const FIXTURES_DIR = process.env.EDUPLAN_FIXTURES_DIR ?? '/work/shared/fixtures/plans';

export const FIXTURE_FILES = ['tver-2024-prikaz-1083-pk.txt', 'kaliningrad-2023-prikaz-1278-1.txt', 'samara-2021-plan.txt'];

export function loadFixtureOrder(file: string): ImportedPlanFile {
  return importPlanText(readFileSync(join(FIXTURES_DIR, file), 'utf8'));
}
