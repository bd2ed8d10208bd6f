import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { MeetingState } from '../core/state';
import type { Mono, Wall } from '../core/time';
import { writeFileAtomic } from './atomic-file';
import type { LogPosition } from './event-log';

const SNAPSHOT_FORMAT = 'rostrum-snapshot';
// 2: the state gained the speaker message, blackout and presets; a version-1 snapshot is ignored and the log replayed.
const SNAPSHOT_VERSION = 2;

/**
 * The state is not schema-checked field by field: the snapshot is only ever written by the host
 * from a state it applied, and a snapshot that does not fit its log is ignored (the log is the
 * record; the snapshot only spares replaying it).
 */
const SnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  seq: z.number().int().positive(),
  bytes: z.number().int().positive(),
  last: z.object({ at: z.number(), wall: z.number() }),
  state: z.looseObject({ seq: z.number().int().positive() }),
});

export interface Snapshot {
  at: LogPosition;
  /** The instants of event `at.seq`: a restart after a reboot rebases anchors from them. */
  last: { at: Mono; wall: Wall };
  state: MeetingState;
}

export const snapshotFile = (meetingFile: string): string => `${meetingFile}.snapshot.json`;

/** The meeting's state after event `at.seq`, whose line ends at byte `at.bytes` of the log. */
export function writeSnapshot(meetingFile: string, snapshot: Snapshot): Promise<void> {
  const { at, last, state } = snapshot;
  return writeFileAtomic(snapshotFile(meetingFile), JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, seq: at.seq, bytes: at.bytes, last, state }));
}

/** The saved snapshot, or null with the reason when there is none that can be used. */
export async function readSnapshot(meetingFile: string): Promise<{ snapshot: Snapshot | null; problem: string | null }> {
  let raw: string;
  try {
    raw = await readFile(snapshotFile(meetingFile), 'utf8');
  } catch {
    return { snapshot: null, problem: null };
  }
  let parsed;
  try {
    parsed = SnapshotSchema.safeParse(JSON.parse(raw));
  } catch {
    return { snapshot: null, problem: `${snapshotFile(meetingFile)} is not valid JSON; the whole log was read instead` };
  }
  if (!parsed.success || parsed.data.state.seq !== parsed.data.seq) {
    return { snapshot: null, problem: `${snapshotFile(meetingFile)} is not a Rostrum snapshot; the whole log was read instead` };
  }
  const { seq, bytes, last, state } = parsed.data;
  return { snapshot: { at: { seq, bytes }, last: { at: last.at as Mono, wall: last.wall as Wall }, state: state as unknown as MeetingState }, problem: null };
}
