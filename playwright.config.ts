import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium';

const reportDir = process.env.CONCORDAT_REPORT_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: reportDir ? [['list'], ['json', { outputFile: `${reportDir}/playwright.json` }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    viewport: { width: 1280, height: 820 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    launchOptions: chromiumLaunchOptions,
  },
});
