import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { changes, instrument, launchChromium, shownSeconds } from './browser';
import type { Change } from './browser';
import { BenchClient } from './clients';
import { PhoneFleet } from './phone-fleet';
import { judged, reported } from './figure';
import type { Figure } from './figure';
import { HostProcess } from './host-process';
import { benchMeeting } from './meetings';
import { epochNow, max, percentile, round } from './stats';

const tempMeeting = async (): Promise<string> => join(await mkdtemp(join(tmpdir(), 'rostrum-bench-')), 'bench.rostrum.jsonl');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The countdown as it is often written: a counter decremented by setInterval(1000), started when the start message arrives. */
const NAIVE_PAGE = `<!doctype html><div data-testid="digits" style="font: 200px monospace"></div><script>
window.startNaive = (total) => {
  let left = total;
  const el = document.querySelector('[data-testid=digits]');
  const show = () => (el.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0'));
  show();
  setInterval(() => { left--; show(); }, 1000);
};
</script>`;

/** Each flip of the shown second (k → k−1) with its error against the true instant, in ms; early flips are negative. */
function flipErrors(shown: Change[], truth: (seconds: number) => number): Map<number, number> {
  const errors = new Map<number, number>();
  let previous: number | null = null;
  for (const c of shown) {
    const s = shownSeconds(c.text);
    if (s !== null && previous !== null && s === previous - 1) errors.set(s, c.at - truth(s));
    previous = s;
  }
  return errors;
}

async function openDisplay(page: Page, url: string, skewMs = 0): Promise<void> {
  await instrument(page, ['digits'], skewMs);
  await page.goto(url);
  await page.locator('[data-testid="idle"], [data-testid="digits"]').first().waitFor();
}

/**
 * The projector's displayed second against the truth (the host's anchors), flip by flip, beside a
 * naive setInterval countdown; then two displays whose clocks are wrong by +3.7 s and −90 s.
 */
export async function displayTruth(o: { flips: number; skewFlips: number }): Promise<Figure[]> {
  const setup = benchMeeting(2, 0);
  const seconds = Math.max(o.flips, o.skewFlips) + 5;
  setup.slots = setup.slots.map((s) => ({ ...s, phases: [{ ...(s.phases[0] as (typeof s.phases)[0]), durationMs: seconds * 1000, warningMs: 20_000, dangerMs: 10_000 }] }));
  const host = await HostProcess.start({ meetingPath: await tempMeeting(), setup });
  const browser = await launchChromium();
  try {
    const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control', true);
    const truthOf = async () => {
      const s = await control.until((v) => v.live?.mode === 'running');
      const live = s.live;
      if (!live || live.startedAt === null) throw new Error('no running phase');
      const granted = seconds * 1000 + live.adjustMs;
      return (shown: number) => host.ready.monoToEpochMs + (live.startedAt ?? 0) + granted - shown * 1000;
    };

    // 1. The projector at 1920×1080 and the naive page, over `flips` seconds.
    const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await openDisplay(display, host.ready.displayUrl);
    const naive = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await instrument(naive, ['digits']);
    // Served at an address of its own, so the instrument (an init script) runs in it as in any page.
    await naive.route('http://naive.invalid/', (route) => route.fulfill({ contentType: 'text/html', body: NAIVE_PAGE }));
    await naive.goto('http://naive.invalid/');
    // Clock sync settles in the first seconds after connecting.
    await wait(3000);
    await control.command({ type: 'timer.start' });
    await naive.evaluate((n) => (window as unknown as { startNaive(n: number): void }).startNaive(n), seconds);
    const truth = await truthOf();
    await wait((o.flips + 1.5) * 1000);
    const shownErrors = [...flipErrors(await changes(display, 'digits'), truth).values()];
    const naiveErrors = [...flipErrors(await changes(naive, 'digits'), truth).values()];
    await display.context().close();
    await naive.context().close();

    // 2. Two displays with clocks wrong by +3.7 s and −90 s, on the next speaker.
    await control.command({ type: 'slot.next' });
    const ahead = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    const behind = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await openDisplay(ahead, host.ready.displayUrl, 3_700);
    await openDisplay(behind, host.ready.displayUrl, -90_000);
    await wait(3000);
    await control.command({ type: 'timer.start' });
    const truth2 = await truthOf();
    await wait((o.skewFlips + 1.5) * 1000);
    const a = flipErrors(await changes(ahead, 'digits'), truth2);
    const b = flipErrors(await changes(behind, 'digits'), truth2);
    const disagreement = [...a.keys()].filter((k) => b.has(k)).map((k) => Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)));
    const skewedVsTruth = [...a.values(), ...b.values()].map(Math.abs);
    control.close();

    const abs = shownErrors.map(Math.abs);
    return [
      judged('display: shown second vs truth, worst of each flip', 'ms', round(max(abs)), 17, `${shownErrors.length} flips at 1920×1080; earliest ${round(Math.min(...shownErrors))} ms (negative = early), p50 ${round(percentile(shownErrors, 50))} ms`),
      reported('display: shown second vs truth, p99', 'ms', round(percentile(abs, 99))),
      reported('baseline setInterval(1000) countdown: vs truth, worst', 'ms', round(max(naiveErrors.map(Math.abs))), `${naiveErrors.length} flips; p50 ${round(percentile(naiveErrors, 50))} ms, last ${round(naiveErrors.at(-1) ?? NaN)} ms (its error grows as it drifts)`),
      judged('clocks skewed +3.7 s and −90 s: flips agree within', 'ms', round(max(disagreement)), 17, `${disagreement.length} flips compared; worst of either vs truth ${round(max(skewedVsTruth))} ms`),
    ];
  } finally {
    await browser.close();
    await host.close();
  }
}

/**
 * The last ballot of a slot until its score is on the big screen. Only a locked slot may be shown
 * (a score still moving would reveal each new ballot by difference), so the host locks and reveals
 * as soon as the last ballot is acknowledged: the figure is the whole path the hall waits on.
 */
export async function lastBallot(o: { slots: number; reviewers: number }): Promise<Figure[]> {
  const host = await HostProcess.start({ meetingPath: await tempMeeting(), setup: benchMeeting(o.slots, o.reviewers) });
  const browser = await launchChromium();
  try {
    const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control');
    // The phones in a process of their own, as they are devices of their own (phone-fleet.ts).
    const phones = await PhoneFleet.open(host.ready.origin, host.ready.reviewerTokens, o.reviewers, { background: true });
    const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await instrument(display, ['result-final']);
    await display.goto(host.ready.displayUrl);
    await display.getByTestId('idle').waitFor();
    const latencies: number[] = [];
    const last = o.reviewers - 1;
    for (let i = 1; i <= o.slots; i++) {
      const slotId = `s${i}`;
      await control.command({ type: 'scoring.open', slotId });
      await phones.submit(slotId, 'last', Array.from({ length: last }, (_, k) => ({ phone: k, score: String(60 + ((k * 7) % 40)) })));
      await changes(display, 'result-final');
      const sent = epochNow();
      await phones.submit(slotId, 'last', [{ phone: last, score: '100' }]);
      await control.command({ type: 'scoring.lock', slotId });
      await control.command({ type: 'results.reveal', reveal: { kind: 'slot', slotId } });
      let shown: Change | undefined;
      for (let tries = 0; !shown && tries < 200; tries++) {
        shown = (await changes(display, 'result-final')).find((c) => c.at >= sent);
        if (!shown) await wait(10);
      }
      if (!shown) throw new Error(`the display never showed the score of ${slotId}`);
      latencies.push(shown.at - sent);
      await control.command({ type: 'results.hide' });
    }
    control.close();
    await phones.close();
    return [
      judged('last ballot → locked, revealed, on the display, worst', 'ms', round(max(latencies)), 50, `${latencies.length} slots, ${o.reviewers} ballots each, 1920×1080; p50 ${round(percentile(latencies, 50))} ms`),
    ];
  } finally {
    await browser.close();
    await host.close();
  }
}
