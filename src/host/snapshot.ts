import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { dictOf } from '../core/dict';
import type { MeetingState } from '../core/state';
import type { Mono, Wall } from '../core/time';
import { writeAll, writeFileAtomic } from './atomic-file';
import type { LogPosition } from './event-log';
import { jsonSlices } from './json-slices';

const SNAPSHOT_FORMAT = 'rostrum-snapshot';
/**
 * 3: the snapshot checks itself and the log it stands on; 4: the state holds the cards' claims;
 * 5: the state holds the meeting's outputs.
 * Older versions (2: the state gained the speaker message, blackout and presets) are set aside and
 * the log replayed.
 */
const SNAPSHOT_VERSION = 5;

/**
 * The file begins with these bytes and then its own SHA-256, computed with those 64 digits as
 * zeros: any byte changed anywhere in it (a score, a name) is noticed before it is believed.
 */
const PREFIX = Buffer.from(`{"format":"${SNAPSHOT_FORMAT}","version":${SNAPSHOT_VERSION},"sha256":"`);
const ZEROS = Buffer.from('0'.repeat(64));

const HeaderSchema = z.object({
  seq: z.number().int().positive(),
  bytes: z.number().int().positive(),
  logSha256: z.string().regex(/^[0-9a-f]{64}$/),
  last: z.object({ at: z.number(), wall: z.number() }),
});

const record = dictOf(z.unknown());
/**
 * What the host reads of a state before anything else: every part there, of the right kind. The
 * checksum already says the host wrote it; this says this version of the host can use it.
 */
const StateShapeSchema = z.looseObject({
  title: z.string(),
  sittings: z.array(z.looseObject({ id: z.string() })),
  slots: z.array(z.looseObject({ id: z.string(), phases: z.array(z.unknown()) })),
  status: record,
  records: record,
  live: z.looseObject({ slotId: z.string(), phaseIndex: z.number() }).nullable(),
  windows: record,
  openedAt: record,
  reveal: z.unknown(),
  audio: z.looseObject({ volume: z.number(), muted: z.boolean(), outputs: z.array(z.string()) }),
  scoring: z.looseObject({ reviewers: z.array(z.looseObject({ id: z.string() })), groups: z.array(z.looseObject({ id: z.string() })) }),
  ballots: dictOf(record),
  paper: dictOf(record),
  outputs: z.array(z.looseObject({ id: z.string() })),
  history: z.array(z.looseObject({ seq: z.number(), action: z.string() })),
  seq: z.number().int().positive(),
});

export interface Snapshot {
  at: LogPosition;
  /** The instants of event `at.seq`: a restart after a reboot rebases anchors from them. */
  last: { at: Mono; wall: Wall };
  state: MeetingState;
}

/**
 * What was found beside the meeting: nothing; a snapshot to start from; one that cannot be used
 * but says nothing against the log (an earlier version's), so the whole log is read; or one that
 * is damaged, which means something changed the meeting's files: that is damage, not a cache miss.
 */
export type SavedSnapshot = { kind: 'none' } | { kind: 'ok'; snapshot: Snapshot } | { kind: 'unusable'; reason: string } | { kind: 'damaged'; reason: string };

export const snapshotFile = (meetingFile: string): string => `${meetingFile}.snapshot.json`;

const sha256 = (...parts: Uint8Array[]): string => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');

/** About a millisecond of serialising: how much of the snapshot is written between turns of the loop. */
const SLICE_BYTES = 64 * 1024;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The text of the state's parts as the last snapshots wrote them (jsonSlices): states are never changed in place. */
const written = new WeakMap<object, string>();

/**
 * The buffer each slice is encoded into and written from, kept for the host's life. A buffer made
 * per slice (30 of 64 KiB a snapshot, every 500 events), all alive until the file was written,
 * left the C allocator's heap fragmented: the host ended a full meeting 4 to 10 MB larger
 * (docs/performance.md). Three times a slice's length, the most its UTF-8 can take; a slice that
 * is more (a part a snapshot kept, larger still) is encoded on its own.
 */
const CHUNK_BYTES = 3 * SLICE_BYTES + 8 * 1024;
let spare: Buffer | null = null;

/**
 * The meeting's state after event `at.seq`, whose line ends at byte `at.bytes` of the log.
 *
 * A full hall's state is megabytes of JSON: serialised and hashed in one go it would hold the
 * event loop for tens of milliseconds every few hundred events, and a boundary falling due then
 * would fire late. It is written a slice at a time instead, with a turn of the loop between (the
 * state is never changed in place, so slices taken across turns are one consistent state).
 */
export async function writeSnapshot(meetingFile: string, snapshot: Snapshot, turn: () => Promise<void> = nextTurn): Promise<void> {
  const { at, last, state } = snapshot;
  const hash = createHash('sha256').update(PREFIX).update(ZEROS);
  const slices = jsonSlices({ seq: at.seq, bytes: at.bytes, logSha256: at.sha256, last, state }, 4, written);
  slices.next(); // its opening brace: the header's object is already open
  const chunk = spare ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
  spare = null;
  try {
    await writeFileAtomic(snapshotFile(meetingFile), async (fh) => {
      await writeAll(fh, PREFIX);
      await writeAll(fh, ZEROS);
      let text = '",';
      const flush = async () => {
        const bytes = Buffer.byteLength(text) <= chunk.length ? chunk.subarray(0, chunk.write(text)) : Buffer.from(text);
        hash.update(bytes);
        await writeAll(fh, bytes);
        text = '';
      };
      for (const slice of slices) {
        text += slice;
        if (text.length >= SLICE_BYTES) {
          await flush();
          await turn();
        }
      }
      await flush();
      // The checksum takes the place of the zeros it was computed over.
      await writeAll(fh, Buffer.from(hash.digest('hex'), 'latin1'), PREFIX.length);
    });
  } finally {
    spare = chunk;
  }
}

export async function readSnapshot(meetingFile: string): Promise<SavedSnapshot> {
  const file = snapshotFile(meetingFile);
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'damaged', reason: `${file} cannot be read (${(err as Error).message})` };
  }
  const end = PREFIX.length + 64;
  if (raw.length < end + 2 || !raw.subarray(0, PREFIX.length).equals(PREFIX)) {
    if (/^\{"format":"rostrum-snapshot","version":[12],/.test(raw.toString('latin1', 0, 64))) return { kind: 'unusable', reason: `${file} was written by an earlier version of Rostrum; the whole log was read instead` };
    return { kind: 'damaged', reason: `${file} is not a Rostrum snapshot` };
  }
  if (sha256(raw.subarray(0, PREFIX.length), ZEROS, raw.subarray(end)) !== raw.toString('latin1', PREFIX.length, end)) {
    return { kind: 'damaged', reason: `${file} does not match its checksum: it was changed after it was written` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return { kind: 'damaged', reason: `${file} is not valid JSON` };
  }
  const header = HeaderSchema.safeParse(parsed);
  const state = StateShapeSchema.safeParse((parsed as { state?: unknown }).state);
  if (!header.success || !state.success || state.data.seq !== header.data.seq) {
    return { kind: 'unusable', reason: `${file} holds a state this version of Rostrum cannot use; the whole log was read instead` };
  }
  const { seq, bytes, logSha256, last } = header.data;
  // The state as it was written, not the schema's copy of it.
  const written = (parsed as { state: MeetingState }).state;
  return { kind: 'ok', snapshot: { at: { seq, bytes, sha256: logSha256 }, last: { at: last.at as Mono, wall: last.wall as Wall }, state: written } };
}
