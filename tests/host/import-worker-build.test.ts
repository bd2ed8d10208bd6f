import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../src/host/import-limits';
import { builtWorker, WORKER_FILE } from '../../src/host/import-thread';
import { agendaXlsx } from '../fixtures/hostile-files';
import { tempDir } from './support';

describe('the import thread in the built app', () => {
  it('is found beside the host’s bundle or one folder up from a shared chunk', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'chunks'));
    expect(builtWorker(pathToFileURL(join(dir, 'chunks', 'host-port.js')))).toBeNull();
    await writeFile(join(dir, WORKER_FILE), '');
    expect(builtWorker(pathToFileURL(join(dir, 'chunks', 'host-port.js')))?.pathname).toBe(join(dir, WORKER_FILE));
    expect(builtWorker(pathToFileURL(join(dir, 'host.js')))?.pathname).toBe(join(dir, WORKER_FILE));
  });

  it('reads a workbook when built as electron-vite builds it (out/main/import-worker.js)', async () => {
    const { build } = await import('electron-vite');
    await build({ configFile: 'electron.vite.config.ts', logLevel: 'silent' } as never);
    const worker = new Worker(join(process.cwd(), 'out/main', WORKER_FILE), { workerData: { request: { kind: 'agenda', bytes: new Uint8Array(agendaXlsx()), fileName: 'a.xlsx' }, limits: IMPORT_LIMITS } });
    const preview = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(preview).toMatchObject({ ok: true, slots: [{ unit: '科技局' }, { unit: '财政局' }] });
  }, 120_000);
});
