import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import type { MeetingSetup } from '../src/core/meeting';
import { HOST_V8_FLAGS } from '../src/host/process-flags';

export interface Ready {
  origin: string;
  hostToken: string;
  displayToken: string;
  reviewerTokens: Record<string, string>;
  displayUrl: string;
  /** startHost(): state loaded and listening. */
  startMs: number;
  importMs: number;
  sinceProcessStartMs: number;
  monoToEpochMs: number;
}

export interface HostStats {
  lateness: number[];
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Since the last stats: the host's main thread on a core, and runnable but waiting for one. */
  mainCpuMs: number;
  mainWaitMs: number;
}

const BUILD_DIR = 'bench/.build';

/**
 * Node flags for the host under measurement, for finding out why a figure is what it is:
 * BENCH_HOST_FLAGS="--trace-gc" (its output is shown), BENCH_HOST_PROFILE=DIR (a CPU profile);
 * BENCH_HOST_ALLOCATIONS=FILE (host.child.ts: an allocation profile).
 */
const hostFlags = (): string[] => [
  ...(process.env.BENCH_HOST_FLAGS ?? '').split(' ').filter(Boolean),
  ...(process.env.BENCH_HOST_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HOST_PROFILE}`] : []),
];

/** The host in a child process, as in the hall; the bench's clients and browser run outside it. */
export class HostProcess {
  private constructor(
    private readonly proc: ChildProcess,
    readonly ready: Ready,
  ) {}

  /**
   * Bundles the host as plain JavaScript first (as the desktop app ships it), so start-up and
   * memory are the host's own, not a TypeScript loader's.
   */
  static async build(): Promise<void> {
    await build({
      configFile: false,
      logLevel: 'warn',
      ssr: { target: 'node' },
      // The import thread's script is built beside the host, as in the desktop app (electron.vite.config.ts).
      build: {
        ssr: true,
        outDir: BUILD_DIR,
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: { input: { 'host.child': 'bench/host.child.ts', 'import-worker': 'src/host/import.worker.ts' }, output: { format: 'es', entryFileNames: '[name].mjs' } },
      },
    });
  }

  static start(config: { meetingPath: string; setup?: MeetingSetup }): Promise<HostProcess> {
    const proc = fork(resolve(BUILD_DIR, 'host.child.mjs'), [JSON.stringify({ ...config, uiDir: resolve('dist/ui') })], {
      // The V8 flags the app gives its host process; BENCH_HOST_FLAGS come after, so they can override them.
      execArgv: ['--expose-gc', ...HOST_V8_FLAGS, ...hostFlags()],
      stdio: ['ignore', process.env.BENCH_HOST_FLAGS ? 'inherit' : 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      proc.once('message', (msg: Ready & { type: string }) => resolve(new HostProcess(proc, msg)));
      proc.once('exit', (code) => reject(new Error(`the host exited (${code}) before it was ready`)));
    });
  }

  /** The host's figures since the last call, its memory read after a full collection (with reduce, a memory-reducing one). */
  stats(o: { reduce?: boolean } = {}): Promise<HostStats> {
    return new Promise((resolve) => {
      this.proc.once('message', (msg: HostStats) => resolve(msg));
      this.proc.send({ type: 'stats', ...o });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.send({ type: 'close' });
    });
  }
}
