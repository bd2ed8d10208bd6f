import type { MeetingState } from './state';
import { checkedView, phoneOwnProblem, phoneSharedProblem, reviewerParts, samePhoneViews } from './views';
import type { Audience, OwnSources, PhoneOwn, ViewState } from './views';

/** One connected view, as the feed knows it: who is looking, and what a phone was sent last. */
export interface Viewer {
  readonly audience: Audience;
  /** Owned by the feed: a phone's view as last sent, to send nothing when it did not change. */
  phone?: { shared: string; ownFrom: OwnSources; own: string };
  /**
   * Owned by the feed: any other view as last sent, without its seq. A view that changed in its
   * seq alone shows nothing new: the big screen is not sent (and does not redraw) a state for
   * each ballot, lock or pause it does not show.
   */
  screen?: string;
}

/** A view as JSON without its seq (what a screen shows), and the state message that carries it. */
function screenText(view: ViewState): { body: string; text: string } {
  const { seq, ...shown } = view;
  const body = JSON.stringify(shown);
  return { body, text: `{"type":"state","state":{"seq":${seq},${body.slice(1)}}` };
}

/**
 * A state message for a phone in two pieces: `head`, the same string for every phone of one
 * state (the transport encodes it once), then the phone's own part. The message is
 * `head + own + "}}"`.
 */
export interface PhoneText {
  head: string;
  own: string;
}

/** What to send one viewer of a new state: a message, a phone's two pieces, or nothing. */
export type StateText = string | PhoneText | null;

/** Every phone's view of one state: what they share is serialised once, each phone's own part on demand. */
interface PhoneRound {
  shared: string;
  /** Why the shared part may not go to phones, or null. */
  problem: string | null;
  head: string;
  ownFrom(reviewerId: string): OwnSources;
  ownStill(reviewerId: string, sources: OwnSources): boolean;
  own(reviewerId: string): PhoneOwn;
}

function phoneRound(state: MeetingState): PhoneRound {
  const parts = reviewerParts(state);
  const { seq, ...unsequenced } = parts.shared;
  const shared = JSON.stringify(unsequenced).slice(1, -1);
  return {
    shared,
    problem: phoneSharedProblem(parts.shared),
    head: `{"type":"state","state":{"seq":${seq},${shared},`,
    ownFrom: parts.ownFrom,
    ownStill: parts.ownStill,
    own: parts.own,
  };
}

/** A phone's own part as JSON members, or null when it may not go to that phone. */
function ownText(round: PhoneRound, reviewerId: string, refused: (problem: string) => void): string | null {
  const own = round.own(reviewerId);
  const problem = phoneOwnProblem(reviewerId, own);
  if (problem !== null) return void refused(problem), null;
  return JSON.stringify(own).slice(1, -1);
}

/**
 * Turns each state into what every connected view is sent: one view per role, built and checked
 * against the role's schema once, whatever the number of screens; a phone's view assembled from
 * a part all phones share and its own part; nothing at all to a view whose view did not change.
 * A view that fails its role's schema is never sent: `refused` hears why.
 */
export class ViewFeed {
  /** The state sent last: when a change leaves every phone's view as it was, phones are not even looked at. */
  private last: MeetingState | null = null;

  constructor(private readonly refused: (audience: Audience, problem: string) => void) {}

  /**
   * Some phones were never sent the last state (a newer one came first): the next state is
   * compared with what each phone was sent, not with the last state.
   */
  forgetLast(): void {
    this.last = null;
  }

  /** The view a newly connected viewer starts from, or null when it may not have it. */
  welcome(state: MeetingState, viewer: Viewer): ViewState | null {
    const checked = checkedView(state, viewer.audience);
    if (!checked.ok) return this.refused(viewer.audience, checked.problem), null;
    if (viewer.audience.role === 'reviewer') {
      const round = phoneRound(state);
      const { reviewerId } = viewer.audience;
      viewer.phone = { shared: round.shared, ownFrom: round.ownFrom(reviewerId), own: JSON.stringify(round.own(reviewerId)).slice(1, -1) };
    } else viewer.screen = screenText(checked.view).body;
    return checked.view;
  }

  /** What each viewer is to be sent of this state (call it once per state sent, for every viewer). */
  round(state: MeetingState): (viewer: Viewer) => StateText {
    const byRole = new Map<Audience['role'], { body: string; text: string } | null>();
    let phones: PhoneRound | null = null;
    const phonesUnchanged = this.last !== null && samePhoneViews(this.last, state);
    this.last = state;
    const refused = (audience: Audience) => (problem: string) => this.refused(audience, problem);

    return (viewer) => {
      const { audience } = viewer;
      if (audience.role !== 'reviewer') {
        let made = byRole.get(audience.role);
        if (made === undefined) {
          const checked = checkedView(state, audience);
          if (!checked.ok) refused(audience)(checked.problem);
          made = checked.ok ? screenText(checked.view) : null;
          byRole.set(audience.role, made);
        }
        if (made === null || viewer.screen === made.body) return null;
        viewer.screen = made.body;
        return made.text;
      }
      if (phonesUnchanged) return null;
      phones ??= phoneRound(state);
      if (phones.problem !== null) return refused(audience)(phones.problem), null;
      const { reviewerId } = audience;
      const sameShared = viewer.phone?.shared === phones.shared;
      const last = viewer.phone;
      const kept = last && phones.ownStill(reviewerId, last.ownFrom) ? last : null;
      if (sameShared && kept !== null) return null;
      const own = kept?.own ?? ownText(phones, reviewerId, refused(audience));
      if (own === null) return null;
      const sameOwn = last?.own === own;
      viewer.phone = { shared: phones.shared, ownFrom: kept?.ownFrom ?? phones.ownFrom(reviewerId), own };
      if (sameShared && sameOwn) return null;
      return { head: phones.head, own };
    };
  }
}
