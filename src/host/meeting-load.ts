import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import { replay } from '../core/apply';
import type { MeetingState } from '../core/state';
import { readLog, SnapshotMismatch } from './event-log';
import type { LoadedLog } from './event-log';
import { readSnapshot, snapshotFile } from './snapshot';
import type { Snapshot } from './snapshot';
import { describeFsError } from './write-error';

export interface LoadedMeeting {
  state: MeetingState;
  /** The snapshot the state was replayed from, or null when the whole log was read. */
  base: Snapshot | null;
  /** The log as read: from the snapshot on, or all of it. */
  loaded: LoadedLog;
  warnings: string[];
  /** Why the meeting may only be looked at (damage in the log, or a snapshot that gives it away), or null. */
  damage: Damage | null;
}

/** What is wrong, and what a person can do about it. */
export interface Damage {
  what: string;
  repair: string | null;
}

/**
 * Reads a meeting: from its snapshot when the log's bytes before it are exactly those the snapshot
 * was taken on, else the whole log. A snapshot that is damaged, or that the log does not match
 * (cut short, changed), is damage: something altered the meeting's files, and the meeting opens
 * read-only as its log has it, never quietly from whichever of the two looks better.
 */
export async function loadMeeting(file: string): Promise<LoadedMeeting> {
  const saved = await readSnapshot(file);
  const warnings: string[] = [];
  const repair = `Once the log is checked, deleting ${snapshotFile(file)} lets the meeting go on.`;
  let damage: Damage | null = null;
  let base: Snapshot | null = null;
  let loaded: LoadedLog | null = null;
  if (saved.kind === 'unusable') warnings.push(saved.reason);
  if (saved.kind === 'damaged') damage = { what: `${saved.reason}, so the log cannot be checked against it`, repair };
  if (saved.kind === 'ok') {
    const read = await readLog(file, saved.snapshot.at);
    if (read instanceof SnapshotMismatch) damage = { what: `${file} does not match its snapshot: ${read.reason}`, repair };
    else [loaded, base] = [read, saved.snapshot];
  }
  let state: MeetingState | null = null;
  if (loaded && base) {
    try {
      state = replay(loaded.events, base.state);
    } catch {
      // Written by the host, matching its log, yet not a state the events apply to: another version's.
      warnings.push(`${snapshotFile(file)} holds a state this version of Rostrum cannot use; the whole log was read instead`);
      [loaded, base] = [null, null];
    }
  }
  if (!loaded) {
    loaded = await readLog(file);
    state = replay(loaded.events);
  }
  if (state === null) throw new Error(loaded.damage ? loaded.damage.message : `${file}: the log holds no meeting`);
  warnings.push(...loaded.warnings);
  // Damage in the log itself is named first: it is where a person has to look.
  if (loaded.damage) damage = { what: `${loaded.damage.message}${damage ? ' (and the log does not match its snapshot)' : ''}`, repair: null };
  return { state, base, loaded, warnings, damage };
}

/**
 * Why a meeting cannot be written, or null when it can: the file itself, and its folder, where its
 * snapshot and keys are kept (a meeting that could not keep its reviewers' keys would lock their
 * phones out at the next start).
 */
export async function notWritable(file: string): Promise<Damage | null> {
  try {
    await access(file, constants.W_OK);
  } catch (err) {
    return { what: `${file} cannot be written (${describeFsError(err)})`, repair: 'To go on, make the file writable, or Save as a copy.' };
  }
  try {
    await access(dirname(file), constants.W_OK);
  } catch (err) {
    return { what: `the folder ${dirname(file)} cannot be written (${describeFsError(err)}), so neither can the meeting's snapshot and keys`, repair: 'To go on, make the folder writable, or copy the meeting to one that is.' };
  }
  return null;
}
