import type { Ballot } from './ballots';
import type { Id } from './meeting';
import type { Wall } from './time';
import { own } from './dict';

/** One typing-in of a paper ballot by the clerk. Two matching entries make it count. */
export interface PaperEntry {
  entryId: string;
  scores: string[];
  comment: string;
  wall: Wall;
}

/**
 * Why a reviewer's ballot for a slot does not count yet:
 * - unconfirmed: a paper ballot entered once; a second entry must confirm it;
 * - mismatch: entries of the same paper ballot disagree;
 * - conflict: the reviewer has both a phone ballot and a paper ballot; the clerk decides which stands.
 */
export type BallotFlag = 'unconfirmed' | 'mismatch' | 'conflict';

/** One reviewer's say on one slot, as the tally sees it. */
export interface TallyLine {
  reviewerId: Id;
  source: 'phone' | 'paper';
  scores: string[];
  comment: string;
  counted: boolean;
  flag: BallotFlag | null;
  /** The paper entries behind this line (empty for a phone ballot alone). */
  entries: PaperEntry[];
}

const sameScores = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

/** Scores are compared as typed by the clerk; "90" and "90.0" are the same score. */
const canonical = (scores: readonly string[]): string[] => scores.map((s) => String(Number(s)));

function paperLine(reviewerId: Id, entries: PaperEntry[], phone: Ballot | undefined): TallyLine {
  const [first] = entries as [PaperEntry, ...PaperEntry[]];
  const agree = entries.every((e) => sameScores(canonical(e.scores), canonical(first.scores)));
  const flag: BallotFlag | null = phone ? 'conflict' : !agree ? 'mismatch' : entries.length < 2 ? 'unconfirmed' : null;
  return { reviewerId, source: 'paper', scores: first.scores, comment: entries.find((e) => e.comment !== '')?.comment ?? '', counted: flag === null, flag, entries };
}

/**
 * Every reviewer's ballot for one slot, phone and paper, with what counts and why not. Paper and
 * phone ballots of the same reviewer are never merged: both are shown, flagged, and neither counts
 * until the clerk discards one.
 */
export function tallySlot(phone: Record<Id, Ballot> | undefined, paper: Record<Id, PaperEntry[]> | undefined): TallyLine[] {
  const lines: TallyLine[] = [];
  for (const ballot of Object.values(phone ?? {})) {
    const conflict = (own(paper, ballot.reviewerId)?.length ?? 0) > 0;
    lines.push({ reviewerId: ballot.reviewerId, source: 'phone', scores: ballot.scores, comment: ballot.comment, counted: !conflict, flag: conflict ? 'conflict' : null, entries: [] });
  }
  for (const [reviewerId, entries] of Object.entries(paper ?? {})) {
    if (entries.length > 0) lines.push(paperLine(reviewerId, entries, own(phone, reviewerId)));
  }
  return lines;
}
