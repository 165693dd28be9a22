// Test helpers for other projects' tests: `import … from '@eduplan/pdf/testing'`. Never used by production code.
export * from './test-support/fixture-plans';
export * from './test-support/sample-figures';
