// Test helpers for other projects' tests: `import … from '@eduplan/signing/testing'`. Never used by production code.
export * from './testing/external-tools';
export * from './testing/sample-pdf';
export * from './testing/sign-claiming-time';
export * from './testing/test-certificates';
