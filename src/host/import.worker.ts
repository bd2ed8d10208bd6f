// The import thread: reads one uploaded file and posts back its preview. Off the host's event loop,
// so a large or hostile file never delays a boundary; stopped from outside when it takes too long.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportLimits } from './import-limits';
import { previewImport, refused } from './import-preview';
import type { ImportRequest } from './import-preview';

// The lowest priority for this thread alone: on a machine with few cores the host's main thread
// (boundaries, acks) is then given a core first whenever it wakes, and the import gets the rest.
// Measured on two shared cores, the host's main thread did no more work while a file was read: its
// boundaries were late only by waiting for a core (docs/performance.md). On Linux a thread's id
// names it for setpriority; elsewhere the thread keeps its priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {
  // No /proc (Windows, macOS): the import still runs off the host's event loop, only not niced.
}
const { request, limits } = workerData as { request: ImportRequest; limits: ImportLimits };
previewImport(request, limits).then(
  (preview) => parentPort?.postMessage(preview),
  (err: unknown) => parentPort?.postMessage(refused(`the file could not be read: ${(err as Error).message}`)),
);
