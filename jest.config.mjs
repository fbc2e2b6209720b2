import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

const shared = {
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  // ESM-only packages that must go through SWC as well.
  transformIgnorePatterns: ['/node_modules/(?!(@date-fns/tz)/)'],
};

const project = (name, env, match, extra = {}) =>
  createJestConfig({ ...shared, displayName: name, testEnvironment: env, testMatch: match, ...extra })();

export default {
  projects: await Promise.all([
    project('unit', 'node', ['<rootDir>/tests/unit/**/*.test.ts']),
    project('components', 'jsdom', ['<rootDir>/tests/components/**/*.test.tsx'], {
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-dom.ts'],
    }),
    project('integration', 'node', ['<rootDir>/tests/integration/**/*.test.ts']),
  ]),
};
