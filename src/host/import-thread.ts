import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS, over } from './import-limits';
import type { ImportLimits } from './import-limits';
import { refused } from './import-preview';
import type { ImportPreview, ImportRequest } from './import-preview';

/**
 * The import thread's script. Built (the desktop app's out/main, the bench's bundle) it is
 * `import-worker.js` beside the host's code. From the sources (serve mode, tests) it is the
 * TypeScript file: a thread does not inherit the host's TypeScript loader, so a two-line module
 * registers it in the thread first (tsx, which only running from the sources needs).
 */
export const WORKER_FILE = 'import-worker.js';

/** Where the built script may be, from the module holding this code: beside it, or one folder up from a shared chunk. */
export function builtWorker(base: string | URL = import.meta.url): URL | null {
  for (const place of ['./', '../']) {
    for (const name of [WORKER_FILE, 'import-worker.mjs']) {
      const url = new URL(`${place}${name}`, base);
      if (existsSync(fileURLToPath(url))) return url;
    }
  }
  return null;
}

function workerScript(fileName: string): URL {
  const built = builtWorker();
  if (built) return built;
  const require = createRequire(import.meta.url);
  // The package's ES module entry, beside the CommonJS one require() finds.
  const loader = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL('./import.worker.ts', import.meta.url).href;
  // The libraries are loaded before the loader is registered: through it, exceljs took seconds
  // (and a CSV does not need it at all).
  const needed = fileName.toLowerCase().endsWith('.xlsx') ? ['exceljs', 'papaparse'] : ['papaparse'];
  const libraries = needed.map((name) => JSON.stringify(pathToFileURL(require.resolve(name)).href));
  const boot = `${libraries.map((l) => `await import(${l});`).join(' ')} const { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/**
 * Reads uploaded files in a thread of their own, one at a time, within limits of size, memory and
 * time (import-limits.ts): the host's event loop, where the boundaries fire, never parses a file.
 */
export class ImportThread {
  private busy = false;

  constructor(private readonly limits: ImportLimits = IMPORT_LIMITS) {}

  async preview(request: ImportRequest): Promise<ImportPreview> {
    if (request.bytes.byteLength > this.limits.fileBytes) return refused(over.fileBytes(request.bytes.byteLength, this.limits));
    if (this.busy) return refused('another file is being read now; try again in a moment');
    this.busy = true;
    try {
      return await this.run(request);
    } finally {
      this.busy = false;
    }
  }

  private run(request: ImportRequest): Promise<ImportPreview> {
    const worker = new Worker(workerScript(request.fileName), {
      workerData: { request, limits: this.limits },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    return new Promise((resolve) => {
      let settled = false;
      const settle = (preview: ImportPreview) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(preview);
      };
      const timer = setTimeout(() => settle(refused(over.timeMs(this.limits))), this.limits.timeMs);
      worker.once('message', (preview: ImportPreview) => settle(preview));
      worker.once('error', (err: Error & { code?: string }) => settle(refused(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? over.heapMb(this.limits) : `the file could not be read: ${err.message}`)));
      worker.once('exit', (code) => settle(refused(`the file could not be read (the import thread ended with code ${code})`)));
    });
  }
}
