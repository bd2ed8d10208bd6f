import type { Page } from '@playwright/test';
import type { RunningHost } from '../../src/host/index';
import { scoredMeeting } from '../fixtures/meetings';
import { expect, test } from './host.fixture';

test.use({ meeting: scoredMeeting() });

/** Every view, where it is opened from, what it shows once loaded, and its tab's title in both languages. */
const VIEWS: { path: (h: RunningHost) => string; loaded: (p: Page) => Promise<void>; en: string; zh: string }[] = [
  { path: (h) => h.controlUrl, loaded: (p) => expect(p.locator('[data-action="start"]')).toBeEnabled(), en: 'Control · Rostrum', zh: '控制台 · 讲台' },
  { path: (h) => h.displayUrl, loaded: (p) => expect(p.getByTestId('idle')).toBeVisible(), en: 'Projector · Rostrum', zh: '投影 · 讲台' },
  { path: (h) => h.stageUrl, loaded: (p) => expect(p.getByTestId('idle')).toBeVisible(), en: 'Speaker screen · Rostrum', zh: '发言者屏 · 讲台' },
  { path: (h) => `${h.origin}/mini#token=${h.tokens.display}`, loaded: (p) => expect(p.locator('#root')).not.toBeEmpty(), en: 'Mini timer · Rostrum', zh: '小窗计时 · 讲台' },
  { path: (h) => h.reviewerUrl('l1') ?? '', loaded: (p) => expect(p.getByText(/Nothing to score|暂无可评分/)).toBeVisible(), en: 'Scoring · Rostrum', zh: '评分 · 讲台' },
  { path: (h) => `${h.origin}/review`, loaded: (p) => expect(p.locator('input').first()).toBeVisible(), en: 'Scoring · Rostrum', zh: '评分 · 讲台' },
  { path: (h) => h.clerkUrl, loaded: (p) => expect(p.getByLabel(/^PIN$|^PIN 码$/)).toBeVisible(), en: 'Clerk · Rostrum', zh: '计分 · 讲台' },
  { path: (h) => `${h.origin}/cards#token=${h.tokens.host}`, loaded: (p) => expect(p.getByRole('article').first()).toBeVisible(), en: 'QR cards · Rostrum', zh: '二维码卡片 · 讲台' },
  { path: (h) => `${h.origin}/report#token=${h.tokens.clerk}`, loaded: (p) => expect(p.locator('h1')).toBeVisible(), en: 'Report · Rostrum', zh: '结果报告 · 讲台' },
  { path: (h) => `${h.origin}/audit#token=${h.tokens.host}`, loaded: (p) => expect(p.getByTestId('audit-table')).toBeVisible(), en: 'Audit log · Rostrum', zh: '操作记录 · 讲台' },
];

/** Console errors and CSP violations of one page load, recorded in the page itself from its first script on. */
async function watchErrors(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspSeen: string[] }).cspSeen = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { cspSeen: string[] }).cspSeen))];
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`every view loads without a console error or CSP violation, and its tab says what it is (${lang})`, async ({ host, browser }) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await ctx.addInitScript((l) => localStorage.setItem('rostrum.lang', l), lang);
    for (const view of VIEWS) {
      const page = await ctx.newPage();
      const errors = await watchErrors(page);
      await page.goto(view.path(host));
      await view.loaded(page);
      await expect(page).toHaveTitle(lang === 'en' ? view.en : view.zh);
      expect(await errors(), view.path(host)).toEqual([]);
      await page.close();
    }
    await ctx.close();
  });
}

test('every page has the app’s icon: /favicon.ico is served, and linked', async ({ host, page }) => {
  const res = await page.request.get(`${host.origin}/favicon.ico`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/icon/);
  // An ICO file: reserved 0, type 1.
  expect([...(await res.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  await page.goto(host.displayUrl);
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  for (const href of icons) expect((await page.request.get(href)).status(), href).toBe(200);
  expect(icons).toContain(`${host.origin}/favicon.ico`);
});

test('a phone downloads no sounds; the projector does', async ({ host, browser }) => {
  const sounds = async (url: string, loaded: (p: Page) => Promise<void>) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(url);
    await loaded(page);
    await page.waitForLoadState('networkidle');
    await ctx.close();
    return requested.filter((p) => /\.wav$|\/chimes-[^/]*\.js$|howler/i.test(p));
  };
  expect(await sounds(host.reviewerUrl('l1') ?? '', (p) => expect(p.getByText(/Nothing to score|暂无可评分/)).toBeVisible())).toEqual([]);
  const projector = await sounds(host.displayUrl, (p) => expect(p.getByTestId('idle')).toBeVisible());
  expect(projector.filter((p) => p.endsWith('.wav'))).toHaveLength(3);
  expect(projector.some((p) => /\/chimes-[^/]*\.js$/.test(p))).toBe(true);
});
