import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Live } from '../src/core/state';
import { launchChromium, shownSeconds } from './browser';
import { BenchClient } from './clients';
import { chromiumEngine, ENGINES } from './engines';
import type { Engine, EnginePage } from './engines';
import { judged, judgedAtLeast, reported } from './figure';
import type { Figure } from './figure';
import { HostProcess } from './host-process';
import { benchMeeting } from './meetings';
import { epochNow, max, percentile, round } from './stats';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The clock the pages stamp with (their timeOrigin + now): the machine's epoch. */
const SIZE = { width: 1920, height: 1080 };
/** The goal for every engine: the flip, and the stage, in the first frame after the instant, plus 5 ms. */
const FRAME_PLUS_5 = round(1000 / 60 + 5, 1);
const WARNING_MS = 10_000;
const DANGER_MS = 5_000;

/**
 * Installed in the open page (after load, so it works through any driver): stamps every animation
 * frame, and every change of the digits or the stage with the machine's real clock, right after
 * the frame callback that made it, before that frame is painted.
 */
const INSTRUMENT = `(() => {
  const origin = performance.timeOrigin;
  const b = (window.__bench = { frames: [], vsyncs: [], changes: [] });
  const loop = (ts) => { b.frames.push(origin + performance.now()); b.vsyncs.push(origin + ts); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  let last = '';
  new MutationObserver(() => {
    const text = document.querySelector('[data-testid="digits"]')?.textContent ?? null;
    const stage = document.querySelector('[data-stage]')?.getAttribute('data-stage') ?? null;
    if (text + '|' + stage === last) return;
    last = text + '|' + stage;
    b.changes.push({ at: origin + performance.now(), text, stage });
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-stage'] });
  return true;
})()`;
const TAKE = `(() => { const b = window.__bench; return { frames: b.frames.splice(0), vsyncs: b.vsyncs.splice(0), changes: b.changes.splice(0), size: [innerWidth, innerHeight] }; })()`;

interface Taken {
  frames: number[];
  /** Each frame's own timestamp (the frame's start, as the engine gives it to the callbacks). */
  vsyncs: number[];
  changes: { at: number; text: string | null; stage: string | null }[];
  size: [number, number];
}

/** When the live phase's remaining time crosses `msLeft`, on the machine's epoch clock. */
const dueOf = (live: Live, durationMs: number, monoToEpoch: number) => (msLeft: number) =>
  monoToEpoch + (live.startedAt ?? NaN) + durationMs + live.adjustMs - live.elapsedBefore - msLeft;

function flipErrors(changes: Taken['changes'], due: (msLeft: number) => number): { text: string; error: number }[] {
  const errors: { text: string; error: number }[] = [];
  let previous: number | null = null;
  for (const c of changes) {
    const s = c.text === null ? null : shownSeconds(c.text);
    if (s !== null && previous !== null && s === previous - 1) errors.push({ text: c.text ?? '', error: c.at - due(s * 1000) });
    previous = s;
  }
  return errors;
}

/**
 * BENCH_FLIP_TRACE=FILE: one JSON line per flip, for finding out why a flip was late: when the
 * change was seen, and the frames (callback time, and the frame's own timestamp) on either side of
 * the instant, all relative to the instant.
 */
async function traceFlips(engine: string, part: string, taken: Taken, due: (msLeft: number) => number): Promise<void> {
  const file = process.env.BENCH_FLIP_TRACE;
  if (!file) return;
  const lines = flipErrors(taken.changes, due).map((f, n) => {
    const at = (taken.changes.find((c) => c.text === f.text)?.at ?? NaN);
    const instant = at - f.error;
    const i = taken.frames.findIndex((t) => t >= instant);
    const around = [i - 2, i - 1, i, i + 1].filter((k) => k >= 0 && k < taken.frames.length);
    return JSON.stringify({
      engine, part, n, text: f.text, error: round(f.error, 2),
      frames: around.map((k) => round((taken.frames[k] as number) - instant, 2)),
      vsyncs: around.map((k) => round((taken.vsyncs[k] as number) - instant, 2)),
    });
  });
  await appendFile(file, lines.join('\n') + '\n');
}

function framesPerSecond(frames: number[]): { fps: number; worstGap: number } {
  if (frames.length < 2) return { fps: 0, worstGap: NaN };
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
  return { fps: ((frames.length - 1) * 1000) / ((frames.at(-1) as number) - (frames[0] as number)), worstGap: max(gaps) };
}

/**
 * One engine counting down the display page at 1920×1080: an eight-minute speech for
 * `countSeconds` (frames a second, each flip against the truth), then brought by a −time
 * adjustment to 12 s before 0:00 so that the warning (10 s left), danger (5 s) and the cut-off
 * come by the clock: each stage change against its instant, and the digits it appeared with.
 */
async function runEngine(engine: Engine, host: HostProcess, control: BenchClient, countSeconds: number, durationMs: number): Promise<Figure[]> {
  const page = await engine.open(host.ready.displayUrl, SIZE);
  let figures: Figure[];
  let fontPx: number;
  let displayCpu: number;
  try {
    await page.evaluate(`new Promise((ok) => { const t = setInterval(() => document.querySelector('[data-testid="idle"], [data-testid="digits"]') && (clearInterval(t), ok(true)), 50); })`);
    // Clock sync settles in the first seconds after connecting.
    await wait(3000);
    await page.evaluate(INSTRUMENT);
    await control.command({ type: 'timer.start' });
    const running = await control.until((v) => v.live?.mode === 'running');
    const due1 = dueOf(running.live as Live, durationMs, host.ready.monoToEpochMs);
    const cpu = cpuMeter(page);
    await wait(countSeconds * 1000 + 500);
    displayCpu = cpu();
    const counting = await page.evaluate<Taken>(TAKE);
    fontPx = await page.evaluate<number>(`parseFloat(getComputedStyle(document.querySelector('[data-testid="digits"]')).fontSize)`);

    await control.command({ type: 'timer.adjust', deltaMs: -Math.round(due1(0) - epochNow() - 12_000) });
    const adjusted = await control.until((v) => v.live?.adjustMs !== (running.live as Live).adjustMs);
    const adjustedAt = epochNow();
    const due2 = dueOf(adjusted.live as Live, durationMs, host.ready.monoToEpochMs);
    await wait(Math.max(0, due2(0) - epochNow()) + 1500);
    const ending = await page.evaluate<Taken>(TAKE);

    const start = due1(durationMs);
    const inWindow = counting.frames.filter((t) => t >= start + 1000 && t <= start + countSeconds * 1000);
    const { fps, worstGap } = framesPerSecond(inWindow);
    await traceFlips(engine.name, 'counting', counting, due1);
    await traceFlips(engine.name, 'ending', { ...ending, changes: ending.changes.filter((c) => c.at > adjustedAt + 300) }, due2);
    const flipped = [...flipErrors(counting.changes, due1), ...flipErrors(ending.changes.filter((c) => c.at > adjustedAt + 300), due2)];
    const flips = flipped.map((f) => f.error);
    const absFlips = flips.map(Math.abs);
    const worst = flipped.reduce<{ text: string; error: number } | null>((w, f) => (w === null || Math.abs(f.error) > Math.abs(w.error) ? f : w), null);
    const stageAt = (stage: string) => ending.changes.find((c) => c.stage === stage && c.at > adjustedAt + 300);
    const stages = [
      ['warning', WARNING_MS],
      ['danger', DANGER_MS],
      ['cutoff', 0],
    ] as const;
    const lags = stages.map(([stage, msLeft]) => {
      const seen = stageAt(stage);
      return { stage, lag: seen ? seen.at - due2(msLeft) : NaN, text: seen?.text ?? '—' };
    });
    const name = engine.name;
    figures = [
      judgedAtLeast(`${name}: frames a second while counting`, 'fps', round(fps, 1), 55, `page ${counting.size.join('×')}, ${inWindow.length} frames over ${countSeconds - 1} s of an 8-minute speech; longest gap ${round(worstGap, 1)} ms`),
      judged(`${name}: seconds flip vs truth, worst`, 'ms', round(max(absFlips), 1), FRAME_PLUS_5, `${flips.length} flips; p50 ${round(percentile(flips, 50), 1)} ms, p99 ${round(percentile(absFlips, 99), 1)} ms, earliest ${round(Math.min(...flips), 1)} ms; worst at "${worst?.text ?? '—'}"`),
      judged(
        `${name}: stage change vs its instant, worst`,
        'ms',
        round(max(lags.map((l) => Math.abs(l.lag))), 1),
        FRAME_PLUS_5,
        lags.map((l) => `${l.stage} ${round(l.lag, 1)} ms with "${l.text}"`).join(', '),
      ),
    ];
  } finally {
    await page.close();
  }
  // After the display page is closed: the bare page has the engine to itself.
  return [...figures, ...(await bareFlips(engine, fontPx, countSeconds, displayCpu))];
}

/** A page that draws the same digits, in the same font and size, from the same kind of anchor, and nothing else. */
const barePage = (fontPx: number, deadline: number) => `<!doctype html><body style="margin:0;background:#0b1020;color:#f4f6fb;font-family:'Noto Sans CJK SC',sans-serif">
<div style="height:100vh;display:grid;place-items:center"><span id=d data-testid=digits style="font-size:${fontPx}px;font-weight:800;font-variant-numeric:tabular-nums;letter-spacing:-0.02em;line-height:0.9"></span></div>
<script>
const el = document.getElementById('d');
const deadline = ${deadline} - performance.timeOrigin;
const frame = () => {
  const s = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
  const t = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  if (el.textContent !== t) el.textContent = t;
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
</script>`;

/** Starts counting the engine's CPU time: the function gives ms of CPU per second since, or NaN where it cannot be read. */
function cpuMeter(page: EnginePage): () => number {
  const cpu0 = page.cpuMs?.() ?? NaN;
  const t0 = epochNow();
  return () => (((page.cpuMs?.() ?? NaN) - cpu0) * 1000) / (epochNow() - t0);
}

/**
 * The control for the flips: in the same engine, right after the display page, a bare page that
 * draws the same digits at the same size from the same kind of anchor (a deadline eight minutes
 * ahead), counted and judged as the display page is. What the bare page misses too is the
 * engine's and the machine's, not the display page's.
 */
async function bareFlips(engine: Engine, fontPx: number, countSeconds: number, displayCpu: number): Promise<Figure[]> {
  const deadline = epochNow() + 480_000;
  const page = await engine.open(`data:text/html,${encodeURIComponent(barePage(fontPx, deadline))}`, SIZE);
  try {
    await wait(1000);
    await page.evaluate(INSTRUMENT);
    const cpu = cpuMeter(page);
    await wait(countSeconds * 1000 + 500);
    const bareCpu = cpu();
    const taken = await page.evaluate<Taken>(TAKE);
    const due = (msLeft: number) => deadline - msLeft;
    await traceFlips(`${engine.name} bare`, 'counting', taken, due);
    const flips = flipErrors(taken.changes, due).map((f) => f.error);
    const absFlips = flips.map(Math.abs);
    const { fps, worstGap } = framesPerSecond(taken.frames.slice(60));
    return [
      reported(
        `${engine.name}: bare page drawing the same digits, flip vs truth, worst`,
        'ms',
        round(max(absFlips), 1),
        `the control: ${flips.length} flips; p50 ${round(percentile(flips, 50), 1)} ms, p99 ${round(percentile(absFlips, 99), 1)} ms; ${round(fps, 1)} fps, longest gap ${round(worstGap, 1)} ms; digits ${round(fontPx)} px`,
      ),
      ...(Number.isNaN(displayCpu)
        ? []
        : [
            reported(
              `${engine.name}: the browser's CPU while counting, display page vs bare page`,
              '×',
              round(displayCpu / bareCpu, 2),
              `${round(displayCpu)} vs ${round(bareCpu)} ms a second, every process of the browser${engine.name === 'WebKitGTK' ? ' and its Xvfb' : ''}`,
            ),
          ]),
    ];
  } finally {
    await page.close();
  }
}

/**
 * Chromium only (the cost is read over the DevTools protocol): the renderer main thread's busy
 * time per second (Performance.getMetrics TaskDuration) of the display page counting, against the
 * bare page drawing the same digits at the same size.
 */
async function mainThreadCost(host: HostProcess, control: BenchClient, seconds: number, durationMs: number): Promise<Figure[]> {
  const browser = await launchChromium();
  try {
    const measure = async (url: string, route?: string) => {
      const page = await (await browser.newContext({ viewport: SIZE })).newPage();
      if (route) await page.route(url, (r) => r.fulfill({ contentType: 'text/html', body: route }));
      await page.goto(url);
      await wait(3000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const KINDS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
      const busy = async () => {
        const metrics = (await cdp.send('Performance.getMetrics')).metrics;
        return KINDS.map((k) => metrics.find((m) => m.name === k)?.value ?? NaN);
      };
      const before = await busy();
      const t0 = Date.now();
      await wait(seconds * 1000);
      const secondsRun = (Date.now() - t0) / 1000;
      const [task = NaN, script = NaN, layout = NaN, style = NaN] = (await busy()).map((v, i) => ((v - (before[i] ?? NaN)) * 1000) / secondsRun);
      const perSecond = task;
      const parts = `script ${round(script, 1)}, layout ${round(layout, 1)}, style ${round(style, 1)} ms/s`;
      const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-testid="digits"], #d') as Element).fontSize));
      await page.context().close();
      return { perSecond, fontPx, parts };
    };
    await control.command({ type: 'slot.next' });
    await control.command({ type: 'timer.start' });
    const running = await control.until((v) => v.live?.mode === 'running');
    const display = await measure(host.ready.displayUrl);
    const deadline = dueOf(running.live as Live, durationMs, host.ready.monoToEpochMs)(0);
    const bare = await measure('http://bare.invalid/', barePage(display.fontPx, deadline));
    const ratio = display.perSecond / bare.perSecond;
    return [
      reported('Chromium: display page, renderer main thread', 'ms/s', round(display.perSecond, 1), `counting an 8-minute speech at 1920×1080 for ${seconds} s; digits ${round(display.fontPx)} px; ${display.parts}`),
      reported('Chromium: bare page drawing the same digits, main thread', 'ms/s', round(bare.perSecond, 1), bare.parts),
      judged('Chromium: display page cost vs the bare page', '×', round(ratio, 2), 1.2),
    ];
  } finally {
    await browser.close();
  }
}

/**
 * The display page in every engine installed here (Chromium, WebKitGTK, Firefox ESR), one after
 * another on one host; an engine that is not installed is reported as skipped, with the reason.
 */
export async function displayEngines(o: { countSeconds: number; costSeconds: number; only?: string[] }): Promise<Figure[]> {
  const engines = ENGINES.filter((e) => !o.only || o.only.some((n) => e.name.toLowerCase().startsWith(n.toLowerCase())));
  const durationMs = 480_000;
  const setup = benchMeeting(engines.length + 1, 0);
  setup.slots = setup.slots.map((s) => ({ ...s, phases: [{ ...(s.phases[0] as (typeof s.phases)[0]), durationMs, warningMs: WARNING_MS, dangerMs: DANGER_MS }] }));
  const host = await HostProcess.start({ meetingPath: join(await mkdtemp(join(tmpdir(), 'rostrum-bench-')), 'bench.rostrum.jsonl'), setup });
  const figures: Figure[] = [];
  try {
    const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control', true);
    let first = true;
    for (const engine of engines) {
      const missing = engine.missing();
      if (missing) {
        process.stderr.write(`  ${engine.name}: skipped, ${missing}\n`);
        figures.push(reported(`${engine.name}: skipped`, '', NaN, missing));
        continue;
      }
      if (!first) await control.command({ type: 'slot.next' });
      first = false;
      try {
        figures.push(...(await runEngine(engine, host, control, o.countSeconds, durationMs)));
      } catch (e) {
        process.stderr.write(`  ${engine.name}: failed, ${(e as Error).message}\n`);
        figures.push({ figure: `${engine.name}: could not run`, unit: '', value: NaN, target: 'runs', pass: false, note: (e as Error).message });
      }
    }
    // The cost is read in Chromium whichever engines ran (BENCH_ENGINES=none: the cost alone).
    if (chromiumEngine.missing() === null) figures.push(...(await mainThreadCost(host, control, o.costSeconds, durationMs)));
    control.close();
    return figures;
  } finally {
    await host.close();
  }
}
