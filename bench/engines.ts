import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { firefoxEngine, webkitEngine } from '../tests/fixtures/engines';
import type { Engine } from '../tests/fixtures/engines';
import { launchChromium } from './browser';

export type { Engine, EnginePage } from '../tests/fixtures/engines';

/** Chromium as the bench launches it (bench/browser.ts), behind the same interface as the other engines. */
export const chromiumEngine: Engine = {
  name: 'Chromium',
  missing: () => (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') ? null : 'no /usr/bin/chromium (apt-get install chromium)'),
  async open(url, size) {
    const browser: Browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: size })).newPage();
    await page.goto(url);
    return {
      goto: async (to) => void (await page.goto(to)),
      evaluate: (script) => page.evaluate(script),
      close: () => browser.close(),
    };
  },
};

export const ENGINES: readonly Engine[] = [chromiumEngine, webkitEngine, firefoxEngine];
