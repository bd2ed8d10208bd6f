import type { Command } from './commands';
import type { Decision } from './decide';
import type { Actor } from './events';
import type { MeetingState } from './state';
import { own } from './dict';

type CardCommand = Extract<Command, { type: 'card.claim' | 'card.release' }>;

/** What a phone is told when another phone holds its card, in both languages of the room. */
export const CARD_IN_USE = '此评分卡已在另一部手机上使用，请联系计分员 / This card is in use on another phone — ask the clerk';

/** The short id of a phone (of its device key's hash) that ballots, the audit log and the clerk show. */
export const deviceTag = (device: string): string => device.slice(0, 8);

/**
 * Why this reviewer's phone may not act (another phone holds the card), or null. A card no phone
 * holds yet refuses nothing: the host claims it for a phone the moment the phone connects.
 */
export function cardRefusal(state: Pick<MeetingState, 'claims'>, by: Actor): string | null {
  const held = by.reviewerId === undefined ? undefined : own(state.claims, by.reviewerId);
  return held !== undefined && held.device !== by.phone ? CARD_IN_USE : null;
}

/**
 * A reviewer's card belongs to the first phone that opens it: another phone is refused until the
 * clerk releases the card. The host's possession of every key (it prints the cards) thus never
 * lets it read or replace a reviewer's ballot without the clerk's release, which the log records.
 */
export function decideCard(state: MeetingState, cmd: CardCommand, by: Actor): Decision {
  switch (cmd.type) {
    case 'card.claim': {
      if (by.role !== 'reviewer' || by.reviewerId === undefined || by.phone === undefined) {
        return { ok: false, error: { code: 'not_allowed', message: 'only a reviewer’s phone claims a card' } };
      }
      const refusal = cardRefusal(state, by);
      if (refusal !== null) return { ok: false, error: { code: 'card_in_use', message: refusal } };
      // The phone that holds the card, coming back: nothing to record.
      if (own(state.claims, by.reviewerId) !== undefined) return { ok: true, event: null };
      return { ok: true, event: { type: 'card.claimed', reviewerId: by.reviewerId, device: by.phone } };
    }
    case 'card.release':
      if (by.role !== 'clerk') return { ok: false, error: { code: 'not_allowed', message: 'only the clerk releases a card' } };
      if (own(state.claims, cmd.reviewerId) === undefined) return { ok: false, error: { code: 'not_found', message: 'no phone holds this card' } };
      return { ok: true, event: { type: 'card.released', reviewerId: cmd.reviewerId } };
    default:
      return cmd satisfies never;
  }
}
