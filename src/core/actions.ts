import type { Command } from './commands';
import type { Id } from './meeting';
import { onDeckSlot } from './queue';
import * as rules from './rules';
import { computeResults } from './results';
import type { SlotResult } from './results';
import type { MeetingState, MeetingView } from './state';
import { own } from './dict';

/** A physical key (KeyboardEvent.code, so it works whatever the layout or IME) and its modifiers. */
export interface KeyBinding {
  code: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean;
  alt?: boolean;
}

export type ActionName =
  | 'start'
  | 'pause'
  | 'resume'
  | 'addTime'
  | 'removeTime'
  | 'letFinish'
  | 'nextPhase'
  | 'nextSpeaker'
  | 'prevSpeaker'
  | 'callUp'
  | 'skip'
  | 'absent'
  | 'restore'
  | 'moveUp'
  | 'moveDown'
  | 'mute'
  | 'undo'
  | 'openScoring'
  | 'lockScoring'
  | 'revealSlot'
  | 'revealNext'
  | 'revealAll'
  | 'hideResults'
  | 'message1'
  | 'message2'
  | 'message3'
  | 'hideMessage'
  | 'blackout';

/**
 * What actions read: the meeting as the host's own view has it, results included (the host
 * computes them; individual ballots stay with the clerk).
 */
export type ActionState = MeetingView & { results: readonly Pick<SlotResult, 'slotId' | 'final' | 'rank' | 'provisional'>[] };

/** The host's full state as actions see it. */
export const actionState = (s: MeetingState): ActionState => ({ ...s, results: computeResults(s) });

/**
 * A host action, declared once and used by the control view's buttons, its keyboard shortcuts,
 * its shortcut list and the HTTP API. `target` is the slot selected in the queue, if any.
 */
export interface HostAction {
  name: ActionName;
  keys: KeyBinding[];
  /**
   * Set on the timer and queue actions only: a control surface with the integration key may run
   * this one, over HTTP by its name and over OSC at this address. Scoring, results, messages,
   * audio and undo have none: the integration key never reaches them.
   */
  osc?: `/rostrum/${string}`;
  allowed(state: ActionState, target: Id | null): boolean;
  command(state: ActionState, target: Id | null): Command;
}

export const ADJUST_STEP_MS = 30_000;

/** Skip and absent act on the selected slot, else the one on deck (the next to be heard). */
const markTarget = (s: MeetingView, target: Id | null): Id | null => target ?? onDeckSlot(s);

function neighbourMove(s: MeetingView, target: Id | null, step: -1 | 1): Command | null {
  const slot = s.slots.find((x) => x.id === target);
  if (!slot) return null;
  const siblings = s.slots.filter((x) => x.sittingId === slot.sittingId);
  const i = siblings.findIndex((x) => x.id === slot.id);
  if (i + step >= 0 && i + step < siblings.length) return { type: 'slot.move', slotId: slot.id, sittingId: slot.sittingId, index: i + step };
  // Past the end of its sitting, a slot moves into the neighbouring sitting.
  const sIdx = s.sittings.findIndex((x) => x.id === slot.sittingId);
  const neighbour = s.sittings[sIdx + step];
  if (!neighbour) return null;
  const count = s.slots.filter((x) => x.sittingId === neighbour.id).length;
  return { type: 'slot.move', slotId: slot.id, sittingId: neighbour.id, index: step === 1 ? 0 : count };
}

/** The slot whose ballots are still coming in: of the open slots, the one opened last. */
export function collectingSlot(s: MeetingView): Id | null {
  const open = Object.entries(s.openedAt).filter(([id]) => own(s.windows, id) === 'open');
  return open.sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
}

/** The slot opened last, open or locked: the one whose result came in most recently. */
const lastOpened = (s: MeetingView): Id | null => Object.entries(s.openedAt).sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;

/**
 * The slot each scoring action acts on when nothing is selected. Lock (L): the slot still
 * collecting ballots. Open (O): the speaker at the lectern, to open early. Show the score (V): the
 * slot opened last. The scoring panel shows the selected slot, else the one collecting ballots,
 * else the one at the lectern, else the last opened.
 */
export const lockTarget = (s: MeetingView, target: Id | null): Id | null => target ?? collectingSlot(s);
export const openTarget = (s: MeetingView, target: Id | null): Id | null => target ?? s.live?.slotId ?? null;
export const revealTarget = (s: MeetingView, target: Id | null): Id | null => target ?? lastOpened(s);
export const scoringTarget = (s: MeetingView, target: Id | null): Id | null =>
  target ?? collectingSlot(s) ?? s.live?.slotId ?? lastOpened(s);

const rankedCount = (s: ActionState): number => s.results.filter((r) => r.rank !== null).length;

/** Places revealed so far when the ranking is on screen. */
const shownPlaces = (s: MeetingView): number => (s.reveal?.kind === 'ranking' ? s.reveal.shown : 0);

/** Callers check `allowed` first; reaching this means a caller did not. */
function must<T>(value: T | null | undefined, action: ActionName): T {
  if (value === null || value === undefined) throw new Error(`action "${action}" used while not allowed`);
  return value;
}

/**
 * Preset n on one key (1, 2, 3), on both screens until hidden: under stress the host needs one
 * press; the message panel offers the other targets, flashing and a duration.
 */
function presetMessage(name: ActionName, index: number): HostAction {
  return {
    name,
    keys: [{ code: `Digit${index + 1}` }],
    allowed: (s) => s.messagePresets[index] !== undefined,
    command: (s) => ({ type: 'message.show', text: must(s.messagePresets[index], name), target: 'both', flash: false, durationMs: null }),
  };
}

export const ACTIONS: readonly HostAction[] = [
  { name: 'start', osc: '/rostrum/start', keys: [{ code: 'Space' }], allowed: rules.canStart, command: () => ({ type: 'timer.start' }) },
  { name: 'pause', osc: '/rostrum/pause', keys: [{ code: 'Space' }], allowed: rules.canPause, command: () => ({ type: 'timer.pause' }) },
  { name: 'resume', osc: '/rostrum/resume', keys: [{ code: 'Space' }], allowed: rules.canResume, command: () => ({ type: 'timer.resume' }) },
  {
    name: 'addTime',
    osc: '/rostrum/add-time',
    keys: [{ code: 'BracketRight' }, { code: 'Equal' }],
    allowed: rules.canAdjust,
    command: () => ({ type: 'timer.adjust', deltaMs: ADJUST_STEP_MS }),
  },
  {
    name: 'removeTime',
    osc: '/rostrum/remove-time',
    keys: [{ code: 'BracketLeft' }, { code: 'Minus' }],
    allowed: rules.canAdjust,
    command: () => ({ type: 'timer.adjust', deltaMs: -ADJUST_STEP_MS }),
  },
  { name: 'letFinish', osc: '/rostrum/let-finish', keys: [{ code: 'KeyF' }], allowed: rules.canLetFinish, command: () => ({ type: 'timer.letFinish' }) },
  { name: 'nextPhase', osc: '/rostrum/next-phase', keys: [{ code: 'KeyN' }], allowed: rules.canNextPhase, command: () => ({ type: 'phase.next' }) },
  { name: 'nextSpeaker', osc: '/rostrum/next', keys: [{ code: 'ArrowRight' }], allowed: rules.canNextSlot, command: () => ({ type: 'slot.next' }) },
  { name: 'prevSpeaker', osc: '/rostrum/prev', keys: [{ code: 'ArrowLeft' }], allowed: rules.canPrevSlot, command: () => ({ type: 'slot.prev' }) },
  {
    name: 'callUp',
    osc: '/rostrum/call-up',
    keys: [{ code: 'Enter' }],
    allowed: rules.canGoto,
    command: (_s, t) => ({ type: 'slot.goto', slotId: must(t, 'callUp') }),
  },
  {
    name: 'skip',
    osc: '/rostrum/skip',
    keys: [{ code: 'KeyS' }],
    allowed: (s, t) => rules.canMark(s, markTarget(s, t)),
    command: (s, t) => ({ type: 'slot.mark', slotId: must(markTarget(s, t), 'skip'), status: 'skipped' }),
  },
  {
    name: 'absent',
    osc: '/rostrum/absent',
    keys: [{ code: 'KeyA' }],
    allowed: (s, t) => rules.canMark(s, markTarget(s, t)),
    command: (s, t) => ({ type: 'slot.mark', slotId: must(markTarget(s, t), 'absent'), status: 'absent' }),
  },
  {
    name: 'restore',
    osc: '/rostrum/restore',
    keys: [{ code: 'KeyR' }],
    allowed: rules.canRestore,
    command: (_s, t) => ({ type: 'slot.mark', slotId: must(t, 'restore'), status: 'waiting' }),
  },
  {
    name: 'moveUp',
    osc: '/rostrum/move-up',
    keys: [{ code: 'ArrowUp', alt: true }],
    allowed: (s, t) => neighbourMove(s, t, -1) !== null,
    command: (s, t) => must(neighbourMove(s, t, -1), 'moveUp'),
  },
  {
    name: 'moveDown',
    osc: '/rostrum/move-down',
    keys: [{ code: 'ArrowDown', alt: true }],
    allowed: (s, t) => neighbourMove(s, t, 1) !== null,
    command: (s, t) => must(neighbourMove(s, t, 1), 'moveDown'),
  },
  { name: 'mute', keys: [{ code: 'KeyM' }], allowed: () => true, command: (s) => ({ type: 'audio.set', muted: !s.audio.muted }) },
  { name: 'undo', keys: [{ code: 'KeyZ', mod: true }], allowed: rules.canUndo, command: () => ({ type: 'undo' }) },
  {
    name: 'openScoring',
    keys: [{ code: 'KeyO' }],
    allowed: (s, t) => {
      const id = openTarget(s, t);
      // A locked slot is reopened only with a reason (scoring.reopen), never by a key.
      return id !== null && own(s.windows, id) === undefined;
    },
    command: (s, t) => ({ type: 'scoring.open', slotId: must(openTarget(s, t), 'openScoring') }),
  },
  {
    name: 'lockScoring',
    keys: [{ code: 'KeyL' }],
    allowed: (s, t) => {
      const id = lockTarget(s, t);
      return id !== null && own(s.windows, id) === 'open';
    },
    command: (s, t) => ({ type: 'scoring.lock', slotId: must(lockTarget(s, t), 'lockScoring') }),
  },
  {
    name: 'revealSlot',
    keys: [{ code: 'KeyV' }],
    allowed: (s, t) => {
      const id = revealTarget(s, t);
      return rules.canReveal(s) && s.results.some((r) => r.slotId === id && r.final !== null && !r.provisional) && !(s.reveal?.kind === 'slot' && s.reveal.slotId === id);
    },
    command: (s, t) => ({ type: 'results.reveal', reveal: { kind: 'slot', slotId: must(revealTarget(s, t), 'revealSlot') } }),
  },
  {
    name: 'revealNext',
    keys: [{ code: 'KeyB' }],
    allowed: (s) => rules.canReveal(s) && shownPlaces(s) < rankedCount(s),
    command: (s) => ({ type: 'results.reveal', reveal: { kind: 'ranking', shown: shownPlaces(s) + 1 } }),
  },
  {
    name: 'revealAll',
    keys: [{ code: 'KeyB', alt: true }],
    allowed: (s) => rules.canReveal(s) && shownPlaces(s) < rankedCount(s),
    // The host clamps this to the number of ranked slots.
    command: () => ({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 1000 } }),
  },
  { name: 'hideResults', keys: [{ code: 'KeyH' }], allowed: (s) => s.reveal !== null, command: () => ({ type: 'results.hide' }) },
  presetMessage('message1', 0),
  presetMessage('message2', 1),
  presetMessage('message3', 2),
  { name: 'hideMessage', keys: [{ code: 'Digit0' }], allowed: (s) => s.message !== null, command: () => ({ type: 'message.hide' }) },
  { name: 'blackout', keys: [{ code: 'Period' }], allowed: () => true, command: (s) => ({ type: 'screen.blackout', on: !s.blackout }) },
];

export const actionByName = (name: string): HostAction | undefined => ACTIONS.find((a) => a.name === name);

/** The actions a control surface may run with the integration key: the timer and the queue. */
export const INTEGRATION_ACTIONS: readonly HostAction[] = ACTIONS.filter((a) => a.osc !== undefined);

/** The integration's action at an OSC address, if there is one. */
export const actionByOsc = (address: string): HostAction | undefined => INTEGRATION_ACTIONS.find((a) => a.osc === address);

/** The first allowed action bound to this key press; several share Space (start, pause, resume). */
export function actionForKey(state: ActionState, target: Id | null, key: Required<KeyBinding>): HostAction | undefined {
  return ACTIONS.find(
    (a) =>
      a.keys.some((k) => k.code === key.code && !!k.mod === key.mod && !!k.alt === key.alt) && a.allowed(state, target),
  );
}
