import type { z } from 'zod';
import type { Ballot, ScoringWindow } from './ballots';
import type { RevealSchema } from './reveal';
import type { Id, MeetingSetup, Sitting, Slot } from './meeting';
import type { PaperEntry } from './paper';
import { defaultScoring } from './scoring.setup';
import type { ScoringSetup, SetupPart } from './scoring.setup';
import type { Role } from './events';
import { defaultPresets } from './speaker-message';
import type { SpeakerMessage } from './speaker-message';
import type { LocalText } from './meeting';
import type { Output } from './outputs';
import type { Mono, Wall } from './time';

/** waiting, done, skipped and absent are stored; "live" and "on deck" are derived (queue.ts). */
export type StoredStatus = 'waiting' | 'done' | 'skipped' | 'absent';

export type Boundary = 'warning' | 'danger' | 'zero';

/**
 * The phase at the lectern. Time is two anchors, never a counter: while running,
 * elapsed = elapsedBefore + (now − startedAt). Pause folds the run into elapsedBefore.
 */
export interface Live {
  slotId: Id;
  phaseIndex: number;
  /** ready: called up, not started; cutoff: a hard phase reached 0:00 and stopped there. */
  mode: 'ready' | 'running' | 'paused' | 'cutoff';
  startedAt: Mono | null;
  elapsedBefore: number;
  /** The sum of the host's ±30 s; granted time = planned + adjustMs. */
  adjustMs: number;
  /** The host let a cut-off speaker finish: time now counts on as overtime from the 0:00 instant. */
  letFinish: boolean;
  cutoffAt: Mono | null;
  fired: Boundary[];
}

/** What happened to one phase of a slot: what the report and overtime penalties read. */
export interface PhaseRecord {
  phaseIndex: number;
  startedWall: Wall;
  endedWall: Wall | null;
  plannedMs: number;
  grantedMs: number;
  usedMs: number;
  overtimeMs: number;
  cutoff: boolean;
}

export interface AudioSettings {
  volume: number;
  muted: boolean;
  /** Which kinds of view ring: the projector by default, so ten phones do not all chime. */
  outputs: AudioOutput[];
}
export type AudioOutput = 'display' | 'stage' | 'control';

/** The state before an undoable host action, so undo restores it exactly. */
export interface UndoEntry {
  seq: number;
  action: string;
  before: Undoable;
}

export interface Undoable {
  title: string;
  sittings: Sitting[];
  slots: Slot[];
  status: Record<Id, StoredStatus>;
  records: Record<Id, PhaseRecord[]>;
  live: Live | null;
  /** Whether each slot is open for scoring or locked; absent: not opened yet. */
  windows: Record<Id, ScoringWindow>;
  /** When each slot last opened for scoring: the auto-lock counts from here. */
  openedAt: Record<Id, Mono>;
  reveal: Reveal | null;
  /** The message to the speaker now up (or timed out: screens work out expiry from its anchor). */
  message: SpeakerMessage | null;
  /** The projector is black for a break. */
  blackout: boolean;
}

/** What the big screen may show of the results: one slot's score, or the ranking from the bottom up. */
export type Reveal = z.infer<typeof RevealSchema>;

/**
 * A final decision taken back once scoring had begun: the rules changed after the first ballot,
 * or a locked slot reopened. Each says who, when and why; the report prints them all.
 */
export type ScoringChange = { seq: number; wall: Wall; role: Role; reason: string } & (
  | { kind: 'rules'; changed: SetupPart[] }
  | { kind: 'reopened'; slotId: Id }
);

/** Which phone holds a reviewer's card: the hash of its device key, and since when. */
export interface Claim {
  device: string;
  wall: Wall;
}

export interface MeetingState extends Undoable {
  audio: AudioSettings;
  /** The messages the host sends with one key (1, 2, 3…), editable per meeting. */
  messagePresets: LocalText[];
  scoring: ScoringSetup;
  /** Signals out to the room's equipment (OSC, webhooks): the host's alone, never undone. */
  outputs: Output[];
  /** Ballots by slot, then by reviewer. Never undone: a reviewer's submission is theirs, not the host's. */
  ballots: Record<Id, Record<Id, Ballot>>;
  /** Paper ballots as the clerk typed them, by slot, then reviewer: each typing-in is kept (paper.ts). */
  paper: Record<Id, Record<Id, PaperEntry[]>>;
  /** Rules changes and reopenings after scoring began, oldest first. Never undone. */
  scoringChanges: ScoringChange[];
  history: UndoEntry[];
  /** Cards held by phones, by reviewer: never undone, released only by the clerk. */
  claims: Record<Id, Claim>;
  /** seq of the last applied event; views use it to notice gaps. */
  seq: number;
}

/**
 * What rules, actions and views need of a meeting: everything but the undo snapshots' bodies.
 * A MeetingState is one; so is the ViewState a view receives.
 */
export type MeetingView = Omit<MeetingState, 'history'> & { history: Pick<UndoEntry, 'seq' | 'action'>[] };

export const UNDO_DEPTH = 50;

export const defaultAudio = (): AudioSettings => ({ volume: 0.8, muted: false, outputs: ['display'] });

export function initialState(setup: MeetingSetup): MeetingState {
  return {
    title: setup.title,
    sittings: setup.sittings,
    slots: setup.slots,
    status: Object.fromEntries(setup.slots.map((s) => [s.id, 'waiting' as const])),
    records: {},
    live: null,
    windows: {},
    openedAt: {},
    reveal: null,
    message: null,
    blackout: false,
    audio: defaultAudio(),
    messagePresets: defaultPresets(),
    scoring: setup.scoring ?? defaultScoring(),
    outputs: [],
    ballots: {},
    paper: {},
    scoringChanges: [],
    history: [],
    claims: {},
    seq: 0,
  };
}
