import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const shared = { env: { CONCORDAT_LOG_LEVEL: 'silent' }, testTimeout: 30_000 };

export default defineConfig({
  test: {
    reporters: process.env.CONCORDAT_REPORT_DIR
      ? ['default', ['json', { outputFile: `${process.env.CONCORDAT_REPORT_DIR}/vitest.json` }]]
      : ['default'],
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          exclude: ['tests/unit/ui/**'],
          environment: 'node',
        },
      },
      {
        // The interface kit, rendered in jsdom and driven by role and name with Testing Library.
        plugins: [react()],
        test: {
          ...shared,
          name: 'ui',
          include: ['tests/unit/ui/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/ui/setup.ts'],
        },
      },
    ],
  },
});
