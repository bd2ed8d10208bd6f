/** Phones whose message is made and sent per turn of the loop: about a millisecond of work. */
export const PHONES_PER_TURN = 32;

/** What the rounds need of the gateway: its views, and how to make and send one view's message. */
export interface RoundsDeps<V, S> {
  /** The views connected now. */
  views(): Iterable<V>;
  isPhone(view: V): boolean;
  /** Whether the view is still connected (a phone may leave while a round is on its way). */
  connected(view: V): boolean;
  /** A state's round begins: what makes one view's message of it and sends it (or nothing). */
  begin(state: S): (view: V) => void;
  /**
   * A newer state took over from one some phones were never sent: each phone's next message is
   * to be worked out from what that phone was sent, not from the last state (ViewFeed.forgetLast).
   */
  tookOver(): void;
  /** Sends a reply (an ack, an error) on the view's socket now. */
  reply(view: V, text: string): void;
  nextTurn(fn: () => void): void;
}

/** One state on its way to the phones, a few dozen a turn. */
interface PhoneRound<V> {
  phones: V[];
  next: number;
  /** Each phone's replies, to go right after its state. */
  replies: Map<V, string[]>;
  send(view: V): void;
}

/**
 * Each durable change on its way to every view, in the order a view must see it:
 *
 * - Changes that land together (200 ballots sharing one fsync) go out as one state: each view
 *   needs the latest state, not every step to it.
 * - A reply follows the state that shows what it acknowledges, never precedes it.
 * - The laptop's views and the hall's screens (a handful) are sent at once; the phones follow, a
 *   few dozen a turn of the loop, so a boundary or a command arriving meanwhile (a score revealed
 *   right after its slot is locked) waits for none of them. The phones awaiting a reply go first.
 * - A newer state before every phone had the last: the phones left get the newer one instead
 *   (it carries everything the older one did), with their replies after it.
 *
 * Each phone's message is made and sent in the same turn, and is garbage once written: no
 * message waits for the next turn, where the collector would move it to the old generation (as
 * it did when a second queue sent them a turn later: a full collection every 40 changes or so
 * with 500 phones, docs/performance.md).
 * Back-pressure for a socket that reads slowly is the socket's own (socket-outbox.ts).
 */
export class StateRounds<V, S> {
  /** The newest durable state not yet sent. */
  private unsent: S | null = null;
  /** Replies to commands whose change is still unsent: they follow it. */
  private readonly repliesAfter: { view: V; text: string }[] = [];
  /** The phones still to be sent the last state, and the replies to follow each one's. */
  private phonesLeft: PhoneRound<V> | null = null;

  constructor(private readonly deps: RoundsDeps<V, S>) {}

  /** A durable change: sent on the next turn, with every change that lands before then. */
  changed(state: S): void {
    if (this.unsent === null) this.deps.nextTurn(() => this.broadcast());
    this.unsent = state;
  }

  /** A reply to a view: at once, or after the change still to be sent. */
  reply(view: V, text: string): void {
    if (this.unsent === null) this.deps.reply(view, text);
    else this.repliesAfter.push({ view, text });
  }

  private broadcast(): void {
    const state = this.unsent;
    this.unsent = null;
    if (state !== null) this.sendAll(state);
  }

  private sendAll(state: S): void {
    const { deps } = this;
    const carried = this.phonesLeft === null ? [] : [...this.phonesLeft.replies].flatMap(([view, texts]) => texts.map((text) => ({ view, text })));
    if (this.phonesLeft !== null) deps.tookOver();
    this.phonesLeft = null;
    const send = deps.begin(state);
    const replies = [...carried, ...this.repliesAfter.splice(0)];
    const views = [...deps.views()];
    views.filter((v) => !deps.isPhone(v)).forEach(send);
    replies.filter((r) => !deps.isPhone(r.view)).forEach(({ view, text }) => deps.reply(view, text));
    const byPhone = new Map<V, string[]>();
    replies.filter((r) => deps.isPhone(r.view)).forEach(({ view, text }) => byPhone.set(view, [...(byPhone.get(view) ?? []), text]));
    const phones = views.filter((v) => deps.isPhone(v) && byPhone.has(v)).concat(views.filter((v) => deps.isPhone(v) && !byPhone.has(v)));
    if (phones.length === 0) return;
    const round: PhoneRound<V> = { phones, next: 0, replies: byPhone, send };
    this.phonesLeft = round;
    deps.nextTurn(() => this.sendToPhones(round));
  }

  private sendToPhones(round: PhoneRound<V>): void {
    // A newer state took over the phones left (sendAll).
    if (this.phonesLeft !== round) return;
    const end = Math.min(round.next + PHONES_PER_TURN, round.phones.length);
    for (; round.next < end; round.next++) {
      const phone = round.phones[round.next] as V;
      if (this.deps.connected(phone)) {
        round.send(phone);
        round.replies.get(phone)?.forEach((text) => this.deps.reply(phone, text));
      }
      round.replies.delete(phone);
    }
    if (round.next < round.phones.length) this.deps.nextTurn(() => this.sendToPhones(round));
    else this.phonesLeft = null;
  }
}
