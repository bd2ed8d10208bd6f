import { chmod, readdir, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MeetingLibrary } from '../../src/host/meeting-library';
import { snapshotFile } from '../../src/host/snapshot';
import { keysFile, reviewerKeysFile } from '../../src/host/tokens';
import { scoredMeeting } from '../fixtures/meetings';
import { startTestHost } from './support';

const modeOf = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);

describe('the files that hold ballots and keys', () => {
  it('are readable and writable by their owner only, from the moment they are created, copies included', async () => {
    const host = await startTestHost({ newMeeting: scoredMeeting() });
    const file = host.engine.file;
    await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
    await host.close();
    for (const f of [file, snapshotFile(file), keysFile(file), reviewerKeysFile(file)]) expect([f, await modeOf(f)]).toEqual([f, '600']);
    const copy = await MeetingLibrary.of(file).copyMeeting(file, 'copy');
    for (const f of [copy, reviewerKeysFile(copy)]) expect([f, await modeOf(f)]).toEqual([f, '600']);
    expect((await readdir(host.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a meeting an earlier version left readable by everyone is made owner-only when it is opened for writing', async () => {
    const host = await startTestHost({ newMeeting: scoredMeeting() });
    const file = host.engine.file;
    await host.close();
    await chmod(file, 0o644);
    const again = await startTestHost({ meetingPath: file });
    await again.close();
    expect(await modeOf(file)).toBe('600');
  });
});
