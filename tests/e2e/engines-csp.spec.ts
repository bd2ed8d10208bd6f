import { test as base, expect } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultUiDir, startHost } from '../../src/host/index';
import type { RunningHost } from '../../src/host/index';
import { firefoxEngine, webkitEngine } from '../fixtures/engines';
import type { Engine, EnginePage } from '../fixtures/engines';
import { scoredMeeting } from '../fixtures/meetings';

/**
 * The pages break no Content-Security-Policy rule in WebKitGTK, Firefox ESR and Chromium. The
 * drivers of the first two cannot hear a page's violations from its first script on, so the check
 * is the host's: every page's policy reports a violation to the host (`report-uri`), whichever
 * engine it runs in (and in Chromium this shows the reports reach the host, as in the field).
 */

/** A page that breaks the policy on purpose (an inline script), served by the host like any view. */
const BREAKER = '/csp-breaker.html';
const BREAKER_HTML = `<!doctype html><meta charset="utf-8"><title>CSP breaker</title><script>document.title = 'the inline script ran'</script>`;

/** A host serving a copy of the built views with the breaker beside them. */
const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  host: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-csp-'));
    const uiDir = join(dir, 'ui');
    await cp(defaultUiDir(), uiDir, { recursive: true });
    await writeFile(join(uiDir, BREAKER.slice(1)), BREAKER_HTML);
    const host = await startHost({ meetingPath: join(dir, 'meeting.rostrum.jsonl'), port: 0, newMeeting: scoredMeeting(), uiDir });
    await use(host);
    await host.close();
    await rm(dir, { recursive: true, force: true });
  },
});

/** Every view, and what it shows once loaded (its own title too: the app has run). */
const VIEWS: { name: string; url: (h: RunningHost) => string; ready: string }[] = [
  { name: 'control', url: (h) => h.controlUrl, ready: '[data-action="start"]' },
  { name: 'display', url: (h) => h.displayUrl, ready: '[data-testid="idle"]' },
  { name: 'stage', url: (h) => h.stageUrl, ready: '[data-testid="idle"]' },
  { name: 'mini', url: (h) => `${h.origin}/mini#token=${h.tokens.display}`, ready: '#root > *' },
  { name: 'review, with a key', url: (h) => h.reviewerUrl('l1') ?? '', ready: '.review-wait' },
  { name: 'review, without one', url: (h) => `${h.origin}/review`, ready: 'input' },
  { name: 'clerk', url: (h) => h.clerkUrl, ready: 'input' },
  { name: 'cards', url: (h) => `${h.origin}/cards#token=${h.tokens.host}`, ready: 'article' },
  { name: 'report', url: (h) => `${h.origin}/report#token=${h.tokens.clerk}`, ready: 'h1' },
  { name: 'audit', url: (h) => `${h.origin}/audit#token=${h.tokens.host}`, ready: '[data-testid="audit-table"]' },
];

/** Whether `selector` is in the page with the view's own title (`… · Rostrum`), within 20 s. */
const shown = (page: EnginePage, selector: string): Promise<boolean> =>
  page.evaluate<boolean>(`new Promise((ok) => {
    const until = Date.now() + 20000;
    const tick = () => document.querySelector(${JSON.stringify(selector)}) && / · (Rostrum|讲台)$/.test(document.title) ? ok(true) : Date.now() > until ? ok(false) : setTimeout(tick, 50);
    tick();
  })`);

/** The breaker's report, once the host has it (reports are sent after the page loads). */
async function breakerReported(host: RunningHost): Promise<void> {
  await expect.poll(() => host.cspReports.recent().some((r) => r.page === BREAKER), { timeout: 15_000, message: `the host heard no report from ${BREAKER}` }).toBe(true);
}

/** Chromium as Playwright runs it for every e2e (its own page events are checked in page-load.spec.ts). */
const chromiumIn = (browser: Browser): Engine => ({
  name: 'Chromium',
  missing: () => null,
  async open(url, size) {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    await page.goto(url);
    return { goto: async (to) => void (await page.goto(to)), evaluate: (script) => page.evaluate(script), close: () => context.close() };
  },
});

const ENGINES: { name: Engine['name']; missing: () => string | null; engineIn: (browser: Browser) => Engine }[] = [
  { name: webkitEngine.name, missing: webkitEngine.missing, engineIn: () => webkitEngine },
  { name: firefoxEngine.name, missing: firefoxEngine.missing, engineIn: () => firefoxEngine },
  { name: 'Chromium', missing: () => null, engineIn: chromiumIn },
];

for (const { name, missing, engineIn } of ENGINES) {
  test.describe(name, () => {
    test.skip(missing() !== null, `${name}: ${missing() ?? ''}`);
    test.setTimeout(120_000);

    test('a page that breaks the CSP is reported to the host, naming the page and what was blocked', async ({ host, browser }) => {
      const page = await engineIn(browser).open(`${host.origin}${BREAKER}`, { width: 1280, height: 800 });
      try {
        await breakerReported(host);
        expect(host.cspReports.recent()).toMatchObject([{ page: BREAKER, directive: expect.stringMatching(/^script-src/), blocked: 'inline' }]);
        expect(await page.evaluate<string>('document.title'), 'the inline script was blocked').toBe('CSP breaker');
      } finally {
        await page.close();
      }
    });

    test('every view loads without breaking the CSP', async ({ host, browser }) => {
      const page = await engineIn(browser).open('about:blank', { width: 1280, height: 800 });
      try {
        for (const view of VIEWS) {
          await page.goto(view.url(host));
          expect(await shown(page, view.ready), `${view.name}: ${view.ready} shown, with its title`).toBe(true);
        }
        // Reports are sent after the page that made them: the breaker's, opened last, comes when
        // the views' would have come before it.
        await page.goto(`${host.origin}${BREAKER}`);
        await breakerReported(host);
        expect(host.cspReports.recent().filter((r) => r.page !== BREAKER)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
}
