import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

const shared = {
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    // lib/ and db/ server modules import 'server-only', which throws outside React's server
    // condition (as in jest): tests get its empty server build, as Next.js server code does.
    '^server-only$': '<rootDir>/node_modules/server-only/empty.js',
  },
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
    // Jest 30 "soft-deletes" globals between files by wrapping them in accessors; on the database
    // clients, pg-boss and the live hub that integration files leave on globalThis that wrapping
    // recursed until "Maximum call stack size exceeded" (seen in full runs). Each file gets a fresh
    // context anyway, so the clean-up only saved memory.
    project('integration', 'node', ['<rootDir>/tests/integration/**/*.test.ts'], {
      testEnvironmentOptions: { globalsCleanup: 'off' },
    }),
  ]),
};
