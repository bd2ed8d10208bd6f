// The import thread: reads one uploaded file and posts back its preview. Off the host's event loop,
// so a large or hostile file never delays a boundary; stopped from outside when it takes too long.
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportLimits } from './import-limits';
import { previewImport, refused } from './import-preview';
import type { ImportRequest } from './import-preview';

const { request, limits } = workerData as { request: ImportRequest; limits: ImportLimits };
previewImport(request, limits).then(
  (preview) => parentPort?.postMessage(preview),
  (err: unknown) => parentPort?.postMessage(refused(`the file could not be read: ${(err as Error).message}`)),
);
