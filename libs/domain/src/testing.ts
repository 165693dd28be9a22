// Test helpers for other projects' tests: `import … from '@eduplan/domain/testing'`. Never used by production code.
export * from './import/docx-from-text.testing';
export * from './import/plan-fixtures.testing';
export * from './import/hostile-files.testing';
export { FIXTURE_REGIONS, fixtureRegion, type SeedOrganization } from './responsible/region-fixtures.testing';
