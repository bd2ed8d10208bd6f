import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browsers here; it drives Debian's Chromium instead.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'e2e', testMatch: 'e2e/**/*.spec.ts', use: { browserName: 'chromium' } },
    // The desktop shell's logic over Chromium pages and a forked host process (tests/shell/playwright-platform.ts).
    // Its own folder, not a glob: a checkout under a folder named "shell" would match every spec.
    { name: 'shell', testDir: 'tests/shell', testMatch: '*.spec.ts', use: { browserName: 'chromium' } },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
    // The packed app.asar, read back and run (it packs the Linux dir target: about a minute).
    { name: 'packaging', testMatch: 'packaging/**/*.spec.ts', use: { browserName: 'chromium' } },
  ],
});
