import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOn } from '../../src/host/listen';
import { tempDir } from './support';

const run = promisify(execFile);
const blocker = createServer();
afterEach(() => new Promise((r) => blocker.close(r)));

describe('serve mode with a port in use', () => {
  // A process of its own, started through tsx: seconds on a busy machine.
  it('says which port and how to choose another, before it creates any file', { timeout: 30_000 }, async () => {
    const taken = await listenOn(blocker, '127.0.0.1', 0);
    const dir = await tempDir();
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/host/cli.ts', '--port', String(taken), '--meeting', join(dir, 'new', 'meeting.rostrum.jsonl')]).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`port ${taken} is already in use`);
    expect(failed?.stderr).toContain(`--port ${taken + 1}`);
    expect(await readdir(dir)).toEqual([]);
  });
});
