/** What the fan-out needs of a socket. */
export interface Sink {
  /** isState: a state, which a socket that is behind may replace by a newer one (socket-outbox.ts). */
  send(message: Wire, isState: boolean): void;
}

/** A message as it goes on the wire: text, or text already encoded as UTF-8. */
export type Wire = string | Buffer;

/** Views sent to before the loop gets a turn: about a millisecond of socket writes. */
const VIEWS_PER_TURN = 32;

/**
 * Sends each change to hundreds of sockets without holding the event loop: messages queue per
 * view, in order, and go out a few dozen views at a time with a turn of the loop between, so a
 * boundary falling due meanwhile is not kept waiting behind a hall of phones. A newer state
 * replaces a state still queued for the same view (it carries everything the older one did), so a
 * slow moment never piles states up. A reply queued behind a state keeps its place after it: a
 * view never hears "done" before it can see what was done.
 */
export class Fanout<V extends Sink> {
  /** Views that go first (the hall's screens, the laptop's views: a handful), then the rest (the phones). */
  private queues = { first: new Map<V, { state: boolean; text: Wire }[]>(), rest: new Map<V, { state: boolean; text: Wire }[]>() };
  private scheduled = false;

  constructor(
    private readonly nextTurn: (fn: () => void) => void = setImmediate,
    /**
     * Whether a view goes before all others queued. A screen's new state queued while hundreds of
     * phones are still being sent the last change (a slot just locked, then its score revealed)
     * would otherwise wait behind all of them.
     */
    private readonly goesFirst: (view: V) => boolean = () => false,
  ) {}

  private queueOf(view: V): Map<V, { state: boolean; text: Wire }[]> {
    return this.goesFirst(view) ? this.queues.first : this.queues.rest;
  }

  state(view: V, text: Wire): void {
    const queue = this.queueOf(view).get(view);
    const queued = queue?.find((m) => m.state);
    if (queued) queued.text = text;
    else this.enqueue(view, { state: true, text });
  }

  /** A reply (ack, error): at once when nothing is queued for the view, else after what is. */
  reply(view: V, text: string): void {
    if (this.queueOf(view).has(view)) this.enqueue(view, { state: false, text });
    else view.send(text, false);
  }

  forget(view: V): void {
    this.queueOf(view).delete(view);
  }

  private enqueue(view: V, message: { state: boolean; text: Wire }): void {
    const queues = this.queueOf(view);
    const queue = queues.get(view);
    if (queue) queue.push(message);
    else queues.set(view, [message]);
    if (!this.scheduled) {
      this.scheduled = true;
      this.nextTurn(this.drain);
    }
  }

  private drain = (): void => {
    let sent = 0;
    for (const queues of [this.queues.first, this.queues.rest]) {
      for (const [view, queue] of queues) {
        queues.delete(view);
        queue.forEach((m) => view.send(m.text, m.state));
        if (++sent === VIEWS_PER_TURN) break;
      }
      if (sent === VIEWS_PER_TURN) break;
    }
    if (this.queues.first.size + this.queues.rest.size > 0) this.nextTurn(this.drain);
    else this.scheduled = false;
  };
}
