// The repo's tests, told apart by file name:
//   *.spec.ts              pure unit tests beside the code
//   *.integration-spec.ts  against the real PostgreSQL / NATS / Temporal
//   test/**/*.e2e-spec.ts  across running service processes
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@eduplan/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@eduplan/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  setupFiles: ['reflect-metadata'],
};

// Two projects so scripts/test.sh can run the end-to-end suites one at a time (each starts the whole system).
module.exports = {
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'units', testMatch: ['**/*.spec.ts', '**/*.integration-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
