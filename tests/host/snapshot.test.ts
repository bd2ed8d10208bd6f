import { readdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { replay } from '../../src/core/apply';
import { systemClock } from '../../src/host/clock';
import { readLog } from '../../src/host/event-log';
import { MeetingEngine } from '../../src/host/meeting-engine';
import { snapshotFile } from '../../src/host/snapshot';
import { shortMeeting } from '../fixtures/meetings';
import { tempDir } from './support';

/** A meeting whose log holds `adjustments` + 2 events: the host giving and taking 30 s, over and over. */
async function longMeeting(adjustments: number, file?: string): Promise<{ file: string; engine: MeetingEngine }> {
  const path = file ?? join(await tempDir(), 'long.rostrum.jsonl');
  const engine = await MeetingEngine.open(path, systemClock, shortMeeting(60_000));
  await engine.execute({ type: 'timer.start' }, { role: 'host' });
  for (let i = 0; i < adjustments; i++) await engine.execute({ type: 'timer.adjust', deltaMs: i % 2 ? -30_000 : 30_000 }, { role: 'host' });
  return { file: path, engine };
}

const fullReplay = async (file: string) => replay((await readLog(file)).events);

describe('snapshots: start-up reads only the log after the last snapshot', () => {
  it('are written as the log grows and on close, and a reopened meeting equals the full replay of its log', async () => {
    const { file, engine } = await longMeeting(1201);
    await engine.settled();
    await engine.close();
    const saved = JSON.parse(await readFile(snapshotFile(file), 'utf8'));
    expect(saved).toMatchObject({ format: 'rostrum-snapshot', seq: 1203 });
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.current()).toEqual(await fullReplay(file));
    expect(reopened.current().live?.adjustMs).toBe(30_000);
    await reopened.close();
  });

  it('after a crash (no close), replays the events written since the last snapshot on top of it', async () => {
    const { file, engine } = await longMeeting(620);
    await engine.settled();
    // The host dies here (it is never closed): the snapshot taken at event 500 is 122 events behind.
    await vi.waitFor(async () => expect(JSON.parse(await readFile(snapshotFile(file), 'utf8')).seq).toBe(500));
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.current().seq).toBe(622);
    expect(reopened.current()).toEqual(await fullReplay(file));
    expect(await reopened.execute({ type: 'timer.pause' }, { role: 'host' })).toMatchObject({ ok: true, seq: 623 });
    await reopened.close();
  });

  it('a snapshot that does not belong to the log (the log replaced by another) is ignored with a warning', async () => {
    const { file, engine } = await longMeeting(600);
    await engine.close();
    const other = await longMeeting(3, join(dirname(file), 'other.rostrum.jsonl'));
    await other.engine.close();
    await copyFile(other.file, file);
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.warnings.join('\n')).toMatch(/snapshot\.json does not fit the log.*whole log was read/);
    expect(reopened.current().seq).toBe(5);
    await reopened.close();
  });

  it('a damaged snapshot only costs a full read of the log, with a warning', async () => {
    const { file, engine } = await longMeeting(10);
    await engine.close();
    await writeFile(snapshotFile(file), '{"format":"rostrum-snapshot","ver');
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.warnings).toEqual([expect.stringMatching(/snapshot\.json is not valid JSON; the whole log was read instead/)]);
    expect(reopened.current()).toEqual(await fullReplay(file));
    await reopened.close();
  });

  it('damage in the log after the snapshot still opens read-only up to the damage', async () => {
    const { file, engine } = await longMeeting(600);
    await engine.close();
    await writeFile(file, (await readFile(file, 'utf8')) + 'garbage\n{"seq":604}\n');
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.readOnly).toMatch(/line 604: not valid JSON\. The meeting is shown up to event 602/);
    await reopened.close();
  });

  it('leaves no temporary files behind', async () => {
    const { file, engine } = await longMeeting(1001);
    await engine.close();
    expect((await readdir(dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
