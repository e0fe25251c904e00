// Three suites: unit specs beside the code, integration specs under each project's test/
// (real Kafka, PostgreSQL, Redis), and the end-to-end journey with the apps as processes.
const preset = require('./jest.preset');

const project = (displayName, testMatch, extra = {}) => ({ ...preset, displayName, testMatch, ...extra });
const infra = {
  globalSetup: '<rootDir>/libs/platform/testing/src/global-setup.ts',
  setupFiles: ['<rootDir>/libs/platform/testing/src/test-env.ts'],
};

module.exports = {
  // infrastructure tests start apps that join Kafka groups; testTimeout is a global option in Jest
  testTimeout: 30000,
  projects: [
    project('unit', ['<rootDir>/{apps,libs}/**/src/**/*.spec.ts']),
    project('integration', ['<rootDir>/{apps,libs}/**/test/**/*.int-spec.ts'], infra),
    project('e2e', ['<rootDir>/e2e/**/*.e2e-spec.ts'], infra),
  ],
};
