// Dates in tests must not depend on the machine's zone; the library itself works on calendar dates only.
process.env.TZ = 'UTC';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/*.test.ts'],
  // The package's own name, as a user of the library imports it (package.json "exports").
  moduleNameMapper: { '^da06$': '<rootDir>/lib/index.ts' },
};
