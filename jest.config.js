// Three suites: unit specs beside the code, integration specs under each project's test/
// (real Kafka, PostgreSQL, Redis), and the end-to-end journey with the apps as processes.
const preset = require('./jest.preset');

const project = (displayName, testMatch, extra = {}) => ({ ...preset, displayName, testMatch, ...extra });
const infra = {
  testTimeout: 30000,
  globalSetup: '<rootDir>/libs/platform/testing/src/global-setup.ts',
  setupFiles: ['<rootDir>/libs/platform/testing/src/test-env.ts'],
};

module.exports = {
  projects: [
    project('unit', ['<rootDir>/{apps,libs}/**/src/**/*.spec.ts']),
    project('integration', ['<rootDir>/{apps,libs}/**/test/**/*.int-spec.ts'], infra),
    project('e2e', ['<rootDir>/e2e/**/*.e2e-spec.ts'], infra),
  ],
};
