// One jest run for the whole repo; tiers are told apart by file name:
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

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@eduplan/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@eduplan/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing.ts',
  },
  testMatch: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
