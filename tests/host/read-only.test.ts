import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../src/host/index';
import { scoredMeeting } from '../fixtures/meetings';
import { kill, startChildHost } from './child-host';
import type { ChildHost } from './child-host';
import { tempDir, TestClient } from './support';

/**
 * Root ignores permission bits, and tests here run as root: the host is then started without the
 * capabilities that let root write anything anyway (setpriv drops CAP_DAC_OVERRIDE and its kin
 * from the bounding set), so a file or folder without write permission is exactly that to it.
 */
const asOwnerOnly = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner', '--inh-caps=-all'] : [];

let host: ChildHost | null = null;
afterEach(async () => {
  if (host) await kill(host);
  host = null;
});

async function meetingIn(): Promise<{ dir: string; file: string; uiDir: string }> {
  const dir = await tempDir();
  const uiDir = join(dir, 'ui');
  await mkdir(uiDir);
  await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>stub</title>');
  const file = join(dir, 'kept.rostrum.jsonl');
  const first = await startHost({ meetingPath: file, port: 0, uiDir, newMeeting: scoredMeeting() });
  await first.engine.execute({ type: 'timer.start' }, { role: 'host' });
  await first.close();
  return { dir, file, uiDir };
}

async function opensForViewing(file: string, uiDir: string, reason: RegExp): Promise<void> {
  const before = await readFile(file);
  host = await startChildHost(file, uiDir, asOwnerOnly);
  const control = await TestClient.open(host.origin, host.hostToken, 'control');
  const welcome = await control.next('welcome');
  expect(welcome.readOnly).toMatch(reason);
  expect(welcome.state.live?.mode).toBe('running');
  expect(await control.command({ type: 'timer.pause' })).toMatchObject({ type: 'error', code: 'unavailable', message: welcome.readOnly });
  control.close();
  expect(await readFile(file)).toEqual(before);
}

describe('a meeting that cannot be written', () => {
  it('a read-only meeting file opens read-only with a notice that says so, not a raw EPERM', { timeout: 60_000 }, async () => {
    const { file, uiDir } = await meetingIn();
    await chmod(file, 0o400);
    await opensForViewing(file, uiDir, /^read-only: .*kept\.rostrum\.jsonl cannot be written \(permission denied \(EACCES\)\)\. The meeting is shown up to event 2; nothing is written to the file\. To go on, make the file writable, or Save as a copy\.$/);
  });

  it('a meeting in a read-only folder opens read-only too, and the host writes nothing there', { timeout: 60_000 }, async () => {
    const { dir, file, uiDir } = await meetingIn();
    await chmod(dir, 0o500);
    try {
      await opensForViewing(file, uiDir, /^read-only: the folder .* cannot be written \(permission denied \(EACCES\)\), so neither can the meeting's snapshot and keys\. .*make the folder writable/);
    } finally {
      await chmod(dir, 0o700);
    }
  });
});
