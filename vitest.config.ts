import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    env: { CONCORDAT_LOG_LEVEL: 'silent' },
    testTimeout: 30_000,
    reporters: process.env.CONCORDAT_REPORT_DIR
      ? ['default', ['json', { outputFile: `${process.env.CONCORDAT_REPORT_DIR}/vitest.json` }]]
      : ['default'],
  },
});
