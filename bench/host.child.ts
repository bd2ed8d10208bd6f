// The host under measurement, in its own process (as in the hall: the views are elsewhere), with
// one instrument: how late each boundary fires after its due instant. Driven over IPC by
// host-process.ts, which bundles this file to plain JavaScript first.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { MeetingSetup } from '../src/core/meeting';

interface Config {
  meetingPath: string;
  setup?: MeetingSetup;
  uiDir?: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const beforeImport = performance.now();
const { startHost } = await import('../src/host/index');
const { systemClock } = await import('../src/host/clock');
const beforeStart = performance.now();
const host = await startHost({ meetingPath: config.meetingPath, port: 0, ...(config.setup ? { newMeeting: config.setup } : {}), ...(config.uiDir ? { uiDir: config.uiDir } : {}) });
const ready = performance.now();

const lateness: number[] = [];
// How long the loop itself was held: tells a busy host from a descheduled one.
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
const record = host.engine.recordSystem.bind(host.engine);
host.engine.recordSystem = (body, at) => {
  if (body.type === 'boundary.reached') lateness.push(systemClock.now() - at);
  return record(body, at);
};

const reviewers = Object.fromEntries(host.engine.current().scoring.reviewers.map((r) => [r.id, host.reviewerUrl(r.id) ?? '']));
process.send?.({
  type: 'ready',
  origin: host.origin,
  hostToken: host.tokens.host,
  displayToken: host.tokens.display,
  reviewerTokens: Object.fromEntries(Object.entries(reviewers).map(([id, url]) => [id, new URL(url).hash.replace('#token=', '')])),
  displayUrl: host.displayUrl,
  startMs: ready - beforeStart,
  importMs: beforeStart - beforeImport,
  sinceProcessStartMs: ready,
  // Host instants as epoch milliseconds, to set them beside a browser's performance.timeOrigin + now().
  monoToEpochMs: performance.timeOrigin + performance.now() - systemClock.now(),
});

// BENCH_HOST_ALLOCATIONS=FILE: every allocation sampled, collected or not (a .heapprofile for
// Chromium's DevTools): what makes the garbage, where a heap snapshot shows only what is kept.
const allocations = process.env.BENCH_HOST_ALLOCATIONS ? await sampleAllocations(process.env.BENCH_HOST_ALLOCATIONS) : null;

async function sampleAllocations(file: string): Promise<() => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async () => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    await writeFile(file, JSON.stringify(profile));
  };
}

/**
 * The main thread's CPU time and its time spent runnable but waiting for a core, in ms (Linux's
 * schedstat; zeros elsewhere): tells a host that was busy from one that was not given a core.
 */
function mainThread(): { cpuMs: number; waitMs: number } {
  try {
    const [cpu = 0, wait = 0] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { cpuMs: cpu / 1e6, waitMs: wait / 1e6 };
  } catch {
    return { cpuMs: 0, waitMs: 0 };
  }
}
let sinceStats = mainThread();

/** V8's collector as --expose-gc gives it; the options exist since V8 11 (Node 22 here). */
type Collect = (options?: { type: 'major'; execution: 'sync'; flavor: 'regular' | 'last-resort' }) => void;

process.on('message', (msg: { type: string; reduce?: boolean }) => {
  if (msg.type === 'stats') {
    // A plain full collection frees objects but V8 keeps their pages for reuse, fragmented; the
    // memory-reducing one compacts and returns them, as V8's memory reducer does by itself once
    // a host goes quiet (seconds after the allocation rate falls).
    (global.gc as Collect | undefined)?.({ type: 'major', execution: 'sync', flavor: msg.reduce ? 'last-resort' : 'regular' });
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    const now = mainThread();
    process.send?.({ type: 'stats', lateness: lateness.splice(0), rss, heapUsed, heapTotal, external, loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6, mainCpuMs: now.cpuMs - sinceStats.cpuMs, mainWaitMs: now.waitMs - sinceStats.waitMs });
    sinceStats = now;
    // Each reading covers the stretch since the last one, as the boundaries' lateness does.
    loopDelay.reset();
  }
  if (msg.type === 'close') void host.close().then(() => allocations?.()).then(() => process.exit(0));
});
