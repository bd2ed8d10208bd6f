import fc from 'fast-check';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/core/apply';
import type { MeetingEvent } from '../../src/core/events';
import { systemClock } from '../../src/host/clock';
import { readLog } from '../../src/host/event-log';
import { MeetingEngine } from '../../src/host/meeting-engine';
import { readSnapshot, snapshotFile } from '../../src/host/snapshot';
import { scoredMeeting, shortMeeting } from '../fixtures/meetings';
import { tempDir } from './support';

/** A scored meeting's log (about 40 events) with its snapshots: one behind the end (a host that died), one at the end. */
interface Original {
  log: Buffer;
  events: MeetingEvent[];
  /** Where each event's line ends (after its newline), by event number − 1. */
  lineEnds: number[];
  behind: { bytes: number; snapshot: Buffer };
  end: Buffer;
  /** Another meeting's snapshot, well formed. */
  foreign: Buffer;
}

let original: Original;
let dir: string;

async function record(engine: MeetingEngine, commands: { command: Parameters<MeetingEngine['execute']>[0]; by: Parameters<MeetingEngine['execute']>[1] }[]): Promise<void> {
  for (const { command, by } of commands) expect(await engine.execute(command, by)).toMatchObject({ ok: true });
}

const host = { role: 'host' } as const;
const reviewer = (reviewerId: string) => ({ role: 'reviewer', reviewerId }) as const;
const ballot = (n: number) => ({ type: 'ballot.submit' as const, slotId: 'a', submissionId: `fuzz-${n}-000000`, scores: [String(60 + n)], comment: `评语 ${n}` });

beforeAll(async () => {
  dir = await tempDir();
  const file = join(dir, 'base.rostrum.jsonl');
  const first = await MeetingEngine.open(file, systemClock, scoredMeeting());
  await record(first, [
    { command: { type: 'scoring.open', slotId: 'a' }, by: host },
    { command: { type: 'timer.start' }, by: host },
    ...['l1', 'l2', 'p2'].map((id, i) => ({ command: ballot(i), by: reviewer(id) })),
    ...Array.from({ length: 12 }, (_, n) => ({ command: { type: 'timer.adjust', deltaMs: n % 2 ? -30_000 : 30_000 } as const, by: host })),
    { command: { type: 'timer.pause' }, by: host },
  ]);
  await first.close();
  const behind = { bytes: (await readFile(file)).length, snapshot: await readFile(snapshotFile(file)) };
  const second = await MeetingEngine.open(file, systemClock);
  await record(second, [
    { command: { type: 'timer.resume' }, by: host },
    { command: ballot(3), by: reviewer('u1') },
    ...Array.from({ length: 6 }, (_, n) => ({ command: { type: n % 2 ? 'timer.resume' : 'timer.pause' } as const, by: host })),
    ...Array.from({ length: 6 }, (_, n) => ({ command: { type: 'audio.set', volume: n / 10 } as const, by: host })),
    { command: { type: 'scoring.lock', slotId: 'a' }, by: host },
  ]);
  await second.close();
  const log = await readFile(file);
  const other = join(dir, 'other.rostrum.jsonl');
  const foreign = await MeetingEngine.open(other, systemClock, shortMeeting());
  await record(foreign, [{ command: { type: 'timer.start' }, by: host }]);
  await foreign.close();
  const lineEnds: number[] = [];
  for (let at = log.indexOf(0x0a) + 1; at < log.length; at = log.indexOf(0x0a, at) + 1) lineEnds.push(log.indexOf(0x0a, at) + 1);
  original = { log, events: (await readLog(file)).events, lineEnds, behind, end: await readFile(snapshotFile(file)), foreign: await readFile(snapshotFile(other)) };
  expect(original.events).toHaveLength(lineEnds.length);
  expect(original.events.length).toBeGreaterThan(30);
});

const flip = (bytes: Buffer, at: number, mask: number): Buffer => {
  const out = Buffer.from(bytes);
  const i = at % out.length;
  out[i] = (out[i] ?? 0) ^ mask;
  return out;
};
const linesOf = (log: Buffer): Buffer[] => {
  const lines: Buffer[] = [];
  for (let at = 0; at < log.length; ) {
    const end = log.indexOf(0x0a, at);
    lines.push(log.subarray(at, end < 0 ? log.length : end + 1));
    at = end < 0 ? log.length : end + 1;
  }
  return lines;
};

type LogChange = { kind: 'none' } | { kind: 'flip'; at: number; mask: number } | { kind: 'digit'; at: number } | { kind: 'cut'; at: number } | { kind: 'duplicate'; line: number } | { kind: 'swap'; a: number; b: number };
type SnapshotChoice = 'behind' | 'end' | 'none' | 'foreign' | { kind: 'flip'; at: number; mask: number } | { kind: 'cut'; at: number };

const logChange: fc.Arbitrary<LogChange> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }) },
  // A digit changed to another: a score, an instant, a sequence number still valid JSON, the worst kind of change.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('digit' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }) },
);
const snapshotChoice: fc.Arbitrary<SnapshotChoice> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('behind' as const, 'end' as const, 'none' as const) },
  { weight: 1, arbitrary: fc.constant('foreign' as const) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
);

function changedLog(change: LogChange): Buffer {
  const { log } = original;
  switch (change.kind) {
    case 'none':
      return log;
    case 'flip':
      return flip(log, change.at, change.mask);
    case 'digit': {
      const out = Buffer.from(log);
      const from = change.at % out.length;
      const at = [...out.keys()].find((i) => i >= from && (out[i] ?? 0) >= 0x30 && (out[i] ?? 0) <= 0x39) ?? out.indexOf(0x31);
      out[at] = 0x30 + (((out[at] ?? 0x30) - 0x30 + 1 + (change.at % 9)) % 10);
      return out;
    }
    case 'cut':
      return log.subarray(0, change.at % log.length);
    case 'duplicate': {
      const lines = linesOf(log);
      const i = change.line % lines.length;
      return Buffer.concat([...lines.slice(0, i + 1), lines[i] as Buffer, ...lines.slice(i + 1)]);
    }
    case 'swap': {
      const lines = linesOf(log);
      const [a, b] = [change.a % lines.length, change.b % lines.length];
      if (a === b) return Buffer.concat([...lines.slice(0, a), ...lines.slice(a + 1)]);
      [lines[a], lines[b]] = [lines[b] as Buffer, lines[a] as Buffer];
      return Buffer.concat(lines);
    }
    default:
      return change satisfies never;
  }
}

function chosenSnapshot(choice: SnapshotChoice): Buffer | null {
  if (choice === 'behind') return original.behind.snapshot;
  if (choice === 'end') return original.end;
  if (choice === 'none') return null;
  if (choice === 'foreign') return original.foreign;
  if (choice.kind === 'flip') return flip(original.end, choice.at, choice.mask);
  return original.end.subarray(0, choice.at % original.end.length);
}

/**
 * What the host may do with a changed file, judged from the original alone. It may go on writing
 * only when the file is what a crash leaves (the original cut anywhere, an unterminated tail
 * dropped) and any snapshot is this log's own, standing on bytes still there. Anything else it
 * must open read-only, or refuse when not even the first event is intact.
 */
function expected(log: Buffer, choice: SnapshotChoice) {
  let intact = 0;
  while (intact < log.length && intact < original.log.length && log[intact] === original.log[intact]) intact++;
  const eventsWithin = (bytes: number) => original.lineEnds.filter((end) => end <= bytes).length;
  const complete = log.lastIndexOf(0x0a) + 1;
  const crashLike = complete <= intact && (complete === 0 || original.log[complete - 1] === 0x0a);
  const ownSnapshotBytes = choice === 'behind' ? original.behind.bytes : choice === 'end' ? original.log.length : null;
  const mayWrite = crashLike && complete > 0 && (choice === 'none' || (ownSnapshotBytes !== null && ownSnapshotBytes <= complete));
  return { intactEvents: eventsWithin(intact), mayWrite, lastGood: eventsWithin(complete) };
}

let run = 0;

describe('fuzzing meeting files: a log and snapshot changed in a few hundred ways', () => {
  it('every case opens at the last good event (read-only when anything may be lost) or is refused clearly; no event before the damage is lost; nothing is written to a damaged file', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(logChange, snapshotChoice, async (change, choice) => {
        const caseDir = join(dir, `case-${run++}`);
        await mkdir(caseDir);
        const file = join(caseDir, 'm.rostrum.jsonl');
        const log = changedLog(change);
        const snapshot = chosenSnapshot(choice);
        await writeFile(file, log);
        if (snapshot) await writeFile(snapshotFile(file), snapshot);
        const want = expected(log, choice);
        const unchanged = async () => {
          expect(await readFile(file)).toEqual(log);
          if (snapshot) expect(await readFile(snapshotFile(file))).toEqual(snapshot);
        };

        let engine: MeetingEngine;
        try {
          engine = await MeetingEngine.open(file, systemClock);
        } catch (err) {
          // Refused: only when not even the meeting's creation is intact, clearly, naming the file.
          expect(want.intactEvents, `refused: ${(err as Error).message}`).toBe(0);
          expect((err as Error).message).toContain(file);
          await unchanged();
          return;
        }
        const shown = engine.current();
        expect(shown.seq).toBeGreaterThanOrEqual(want.intactEvents);
        // Nothing invented: what is shown is exactly the original meeting up to some event.
        expect(shown).toEqual(replay(original.events.slice(0, shown.seq)));
        if (want.mayWrite) {
          expect(engine.readOnly).toBeNull();
          expect(shown.seq).toBe(want.lastGood);
          expect(await engine.execute({ type: 'meeting.rename', title: 'Goes on' }, host)).toMatchObject({ ok: true, seq: shown.seq + 1 });
          await engine.close();
          // Left as the next start can read and check it: whole, and with a snapshot that fits it.
          const saved = await readSnapshot(file);
          expect(saved.kind === 'ok' && (await readLog(file, saved.snapshot.at))).toMatchObject({ damage: null, warnings: [], events: [] });
          expect((await readLog(file)).events).toHaveLength(shown.seq + 1);
        } else {
          expect(engine.readOnly).toMatch(/^read-only: /);
          expect(await engine.execute({ type: 'meeting.rename', title: 'Must not land' }, host)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
          await engine.close();
          await unchanged();
        }
        await rm(caseDir, { recursive: true });
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 200) },
    );
  });
});
