import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** Debian's Chromium with the flags of the e2e tests, and no throttling of pages that are not in front. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

export interface Change {
  /** Epoch milliseconds by the machine's real clock (performance.timeOrigin + now()), whatever the page's clock says. */
  at: number;
  text: string;
}

/**
 * Runs before the page's own scripts: optionally skews the page's clocks (performance.now and
 * Date.now) by `skewMs`, and records, with the real time, every change of the text of elements
 * with a `data-watch` or `data-testid` in `ids`. The record is taken in a MutationObserver: right
 * after the page's frame callback wrote the text, before that frame is painted.
 */
export async function instrument(page: Page, ids: string[], skewMs = 0): Promise<void> {
  await page.addInitScript(
    ({ ids, skewMs }) => {
      const realNow = performance.now.bind(performance);
      const realDate = Date.now.bind(Date);
      const origin = performance.timeOrigin;
      const changes: { id: string; at: number; text: string }[] = [];
      (window as unknown as { __changes: typeof changes }).__changes = changes;
      if (skewMs !== 0) {
        performance.now = () => realNow() + skewMs;
        Date.now = () => realDate() + skewMs;
      }
      const seen = new Map<Element, string>();
      new MutationObserver(() => {
        const at = origin + realNow();
        for (const id of ids) {
          const el = document.querySelector(`[data-testid="${id}"]`);
          const text = el?.textContent ?? null;
          if (el && text !== null && seen.get(el) !== text) {
            seen.set(el, text);
            changes.push({ id, at, text });
          }
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    },
    { ids, skewMs },
  );
}

export async function changes(page: Page, id: string): Promise<Change[]> {
  const all = await page.evaluate(() => (window as unknown as { __changes: { id: string; at: number; text: string }[] }).__changes.splice(0));
  return all.filter((c) => c.id === id).map(({ at, text }) => ({ at, text }));
}

/** "1:05" → 65; "+0:12" (overtime) → null. */
export function shownSeconds(text: string): number | null {
  const m = /^(\d+):(\d\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
