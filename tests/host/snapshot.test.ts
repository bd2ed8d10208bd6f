import { copyFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { replay } from '../../src/core/apply';
import { systemClock } from '../../src/host/clock';
import type { MeetingEvent } from '../../src/core/events';
import type { Mono, Wall } from '../../src/core/time';
import { readLog } from '../../src/host/event-log';
import { eventLine } from '../../src/host/log-line';
import { MeetingEngine, SNAPSHOT_EVERY, SNAPSHOT_LATEST, SNAPSHOT_QUIET_MS } from '../../src/host/meeting-engine';
import type { TimerApi } from '../../src/host/due-timer';
import { readSnapshot, snapshotFile, writeSnapshot } from '../../src/host/snapshot';
import { shortMeeting } from '../fixtures/meetings';
import { FakeTime } from './fake-time';
import { tempDir } from './support';

/** A meeting whose log holds `adjustments` + 2 events: the host giving and taking 30 s, over and over. */
async function longMeeting(adjustments: number, file?: string, timers?: TimerApi): Promise<{ file: string; engine: MeetingEngine }> {
  const path = file ?? join(await tempDir(), 'long.rostrum.jsonl');
  const engine = await MeetingEngine.open(path, systemClock, shortMeeting(60_000), timers);
  await engine.execute({ type: 'timer.start' }, { role: 'host' });
  await adjust(engine, adjustments);
  return { file: path, engine };
}

/** The host gives and takes 30 s, `n` times, each change on disk before the next. */
async function adjust(engine: MeetingEngine, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await engine.execute({ type: 'timer.adjust', deltaMs: i % 2 ? -30_000 : 30_000 }, { role: 'host' });
}

/** The event the snapshot on disk was taken at, or null when there is none. */
const snapshotSeq = async (file: string): Promise<number | null> =>
  readFile(snapshotFile(file), 'utf8').then(
    (text) => (JSON.parse(text) as { seq: number }).seq,
    () => null,
  );

const fullReplay = async (file: string) => replay((await readLog(file)).events);

/** The meeting file and its snapshot, byte for byte: what "nothing is written" is checked against. */
const filesOf = async (file: string) => ({ log: await readFile(file), snapshot: await readFile(snapshotFile(file)) });

// Most of these write hundreds of commands, each fsynced before the next: seconds on a loaded machine.
describe('snapshots: start-up reads only the log after the last snapshot', { timeout: 30_000 }, () => {
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

  it('a meeting opened without its snapshot writes one the next start can check the log against', async () => {
    const { file, engine } = await longMeeting(10);
    await engine.close();
    await rm(snapshotFile(file));
    const second = await MeetingEngine.open(file, systemClock);
    expect(await second.execute({ type: 'timer.pause' }, { role: 'host' })).toMatchObject({ ok: true, seq: 13 });
    await second.close();
    const third = await MeetingEngine.open(file, systemClock);
    expect([third.readOnly, third.warnings]).toEqual([null, []]);
    expect(third.current()).toEqual(await fullReplay(file));
    await third.close();
  });

  it('wait for the meeting to be quiet: none is written among a burst of events, one once no event comes for a moment', async () => {
    const time = new FakeTime();
    const { file, engine } = await longMeeting(SNAPSHOT_EVERY + 10, undefined, time);
    await engine.settled();
    expect(await snapshotSeq(file)).toBeNull();
    time.advance(SNAPSHOT_QUIET_MS - 1);
    expect(await snapshotSeq(file)).toBeNull();
    time.advance(1);
    await vi.waitFor(async () => expect(await snapshotSeq(file)).toBe(SNAPSHOT_EVERY + 12));
    await engine.close();
  });

  it('due when the host closes: written by the close, and nothing is written to the file after it', async () => {
    const time = new FakeTime();
    const { file, engine } = await longMeeting(SNAPSHOT_EVERY + 10, undefined, time);
    await engine.close();
    const closed = await filesOf(file);
    expect(JSON.parse(closed.snapshot.toString()).seq).toBe(SNAPSHOT_EVERY + 12);
    time.advance(SNAPSHOT_QUIET_MS);
    await engine.settled();
    expect(await filesOf(file)).toEqual(closed);
  });

  it('are written all the same in a meeting that is never quiet, every thousand events', async () => {
    const { file, engine } = await longMeeting(SNAPSHOT_LATEST + 10, undefined, new FakeTime());
    await engine.settled();
    await vi.waitFor(async () => expect(await snapshotSeq(file)).toBeGreaterThanOrEqual(SNAPSHOT_LATEST));
    expect(await snapshotSeq(file)).toBeLessThanOrEqual(SNAPSHOT_LATEST + 12);
    await engine.close();
  });

  it('after a crash (no close), replays the events written since the last snapshot on top of it', async () => {
    const time = new FakeTime();
    const { file, engine } = await longMeeting(520, undefined, time);
    await engine.settled();
    time.advance(SNAPSHOT_QUIET_MS);
    await vi.waitFor(async () => expect(await snapshotSeq(file)).toBe(522));
    await adjust(engine, 100);
    await engine.settled();
    // The host dies here (it is never closed): the snapshot is 100 events behind.
    expect(await snapshotSeq(file)).toBe(522);
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.current().seq).toBe(622);
    expect(reopened.current()).toEqual(await fullReplay(file));
    expect(await reopened.execute({ type: 'timer.pause' }, { role: 'host' })).toMatchObject({ ok: true, seq: 623 });
    await reopened.close();
  });

  it('a log replaced by another meeting\'s, its snapshot left in place, is damage: read-only as the log has it, both files left untouched', async () => {
    const { file, engine } = await longMeeting(600);
    await engine.close();
    const other = await longMeeting(3, join(dirname(file), 'other.rostrum.jsonl'));
    await other.engine.close();
    await copyFile(other.file, file);
    const before = await filesOf(file);
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.readOnly).toMatch(/^read-only: .*long\.rostrum\.jsonl does not match its snapshot: the log is shorter than the snapshot says \(\d+ of \d+ bytes; it held events up to 602\)\. The meeting is shown up to event 5; nothing is written to the file\. Once the log is checked, deleting .*snapshot\.json lets the meeting go on\./);
    expect(reopened.current()).toEqual(await fullReplay(file));
    expect(await reopened.execute({ type: 'timer.pause' }, { role: 'host' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await reopened.close();
    expect(await filesOf(file)).toEqual(before);
  });

  it('one event swapped for another valid one of the same length (each line valid, in sequence) is found by the snapshot\'s hash of the log', async () => {
    const { file, engine } = await longMeeting(600);
    await engine.close();
    const lines = (await readFile(file, 'utf8')).split('\n');
    // Same length, so only the hash can tell (a change of length is caught by the length alone,
    // tested below); the line is re-encoded with its own valid checksum, as a forger would.
    const { crc: _crc, ...event } = JSON.parse(lines[3] ?? '') as MeetingEvent & { crc: string };
    expect(event).toMatchObject({ seq: 3, type: 'timer.adjusted', deltaMs: 30_000 });
    const forged = eventLine({ ...event, deltaMs: 40_000 } as MeetingEvent).toString('utf8').trimEnd();
    expect(forged).toHaveLength(lines[3]?.length ?? 0);
    lines[3] = forged;
    await writeFile(file, lines.join('\n'));
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.readOnly).toMatch(/does not match its snapshot: its first \d+ bytes \(up to event 602\) changed after the snapshot was written\. The meeting is shown up to event 602;/);
    await reopened.close();
  });

  it('a log cut short with its snapshot present is damage, never a crash tail: read-only at the log\'s last event, the snapshot kept', async () => {
    const { file, engine } = await longMeeting(40);
    await engine.close();
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, lines.slice(0, 9).join('\n') + '\n');
    const before = await filesOf(file);
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.readOnly).toMatch(/does not match its snapshot: the log is shorter than the snapshot says \(\d+ of \d+ bytes; it held events up to 42\)\. The meeting is shown up to event 8;/);
    expect(reopened.current().seq).toBe(8);
    await reopened.close();
    expect(await filesOf(file)).toEqual(before);
  });

  it('a snapshot changed after it was written (a score, one digit) is damage: its state is never shown, the log\'s is', async () => {
    const { file, engine } = await longMeeting(10);
    await engine.close();
    const saved = await readFile(snapshotFile(file), 'utf8');
    expect(saved).toContain('"adjustMs":0');
    await writeFile(snapshotFile(file), saved.replace('"adjustMs":0', '"adjustMs":9'));
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.readOnly).toMatch(/snapshot\.json does not match its checksum: it was changed after it was written, so the log cannot be checked against it\. The meeting is shown up to event 12;/);
    expect(reopened.current()).toEqual(await fullReplay(file));
    await reopened.close();
  });

  it('a snapshot that is valid JSON of the right format but holds nothing is damage, and the host still opens the meeting', async () => {
    const { file, engine } = await longMeeting(10);
    await engine.close();
    await writeFile(snapshotFile(file), JSON.stringify({ format: 'rostrum-snapshot', version: 5, sha256: '0'.repeat(64), seq: 12, bytes: 10, state: { seq: 12 } }));
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.readOnly).toMatch(/snapshot\.json does not match its checksum/);
    expect(reopened.current()).toEqual(await fullReplay(file));
    await reopened.close();
  });

  it('a snapshot that is not a snapshot at all (cut short, garbage) is damage too', async () => {
    const { file, engine } = await longMeeting(10);
    await engine.close();
    await writeFile(snapshotFile(file), '{"format":"rostrum-snapshot","ver');
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.readOnly).toMatch(/snapshot\.json is not a Rostrum snapshot, so the log cannot be checked against it/);
    expect(reopened.current()).toEqual(await fullReplay(file));
    await reopened.close();
  });

  it('a snapshot an earlier version wrote only costs a full read of the log, with a warning; the meeting goes on', async () => {
    const { file, engine } = await longMeeting(10);
    await engine.close();
    await writeFile(snapshotFile(file), JSON.stringify({ format: 'rostrum-snapshot', version: 2, seq: 12, bytes: 10, last: { at: 0, wall: 0 }, state: { seq: 12 } }));
    const reopened = await MeetingEngine.open(file, systemClock);
    expect(reopened.readOnly).toBeNull();
    expect(reopened.warnings).toEqual([expect.stringMatching(/snapshot\.json was written by an earlier version of Rostrum; the whole log was read instead/)]);
    expect(reopened.current()).toEqual(await fullReplay(file));
    expect(await reopened.execute({ type: 'timer.pause' }, { role: 'host' })).toMatchObject({ ok: true, seq: 13 });
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

  it('leaves no temporary files behind, and removes those a host that died while writing a snapshot left', async () => {
    const { file, engine } = await longMeeting(1001);
    await engine.close();
    expect((await readdir(dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const leftover = join(dirname(file), `.${basename(snapshotFile(file))}.0badc0de.tmp`);
    await writeFile(leftover, '{"format":"rostrum-snapsh');
    const other = join(dirname(file), '.notes.txt.0badc0de.tmp');
    await writeFile(other, 'not ours');
    const reopened = await MeetingEngine.open(file, systemClock);
    await reopened.close();
    expect((await readdir(dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([basename(other)]);
  });
  it('a full hall\'s state is written a slice at a time, the event loop getting turns between, and reads back whole', async () => {
    const { file, engine } = await longMeeting(2);
    await engine.close();
    const before = engine.current();
    const ballot = (i: number) => ({ reviewerId: `r${i}`, scores: ['90.5'], comment: '讲得很好'.repeat(10), source: 'phone' as const, submissions: [`sub-${i}-0000`], wall: 1 as Wall });
    const state = { ...before, ballots: Object.fromEntries(before.slots.map((slot) => [slot.id, Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`r${i}`, ballot(i)]))])) };
    let turns = 0;
    await writeSnapshot(file, { at: { seq: state.seq, bytes: 100, sha256: 'a'.repeat(64) }, last: { at: 5 as Mono, wall: 6 as Wall }, state }, async () => void turns++);
    // Hundreds of kilobytes: a turn of the loop after every 64 KiB or so, not one long hold of it.
    const { size } = await stat(snapshotFile(file));
    expect(size).toBeGreaterThan(4 * 64 * 1024);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(size / (64 * 1024 * 2)));
    const read = await readSnapshot(file);
    expect(read.kind).toBe('ok');
    expect(read.kind === 'ok' && read.snapshot).toEqual({ at: { seq: state.seq, bytes: 100, sha256: 'a'.repeat(64) }, last: { at: 5, wall: 6 }, state });
  });
});
