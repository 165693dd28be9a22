import { importPlanText, type ImportedPlanFile } from '@eduplan/domain';
import { FIXTURE_FILES, readFixture } from '@eduplan/domain/testing';

export type FixtureName = keyof typeof FIXTURE_FILES;

/** The three real published orders (DESIGN.md §1). */
export const FIXTURE_NAMES = Object.keys(FIXTURE_FILES) as FixtureName[];

/** A real order read through the project's importer, as the CLI would. */
export function loadFixtureOrder(name: FixtureName): ImportedPlanFile {
  return importPlanText(readFixture(name));
}
