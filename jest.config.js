/** Three projects: unit (one module, fakes or MockAgent), integration (real HTTP against the
 * emulator), e2e (the built gateway as a child process). `npm test` runs all of them.
 *
 * Around every run (test/support/log-capture.ts): globalSetup creates a capture directory that the
 * test helpers fill with what gateways log and answer; globalTeardown scans it for leaked secrets
 * and for unhandled rejections jest did not pin on a test (leak-environment.ts), and fails the run. */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  transform,
  testEnvironment: '<rootDir>/test/support/leak-environment.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  globalSetup: '<rootDir>/test/support/capture-setup.ts',
  globalTeardown: '<rootDir>/test/support/capture-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'] },
  ],
};
