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
  private queues = new Map<V, { state: boolean; text: Wire }[]>();
  private scheduled = false;

  constructor(private readonly nextTurn: (fn: () => void) => void = setImmediate) {}

  state(view: V, text: Wire): void {
    const queue = this.queues.get(view);
    const queued = queue?.find((m) => m.state);
    if (queued) queued.text = text;
    else this.enqueue(view, { state: true, text });
  }

  /** A reply (ack, error): at once when nothing is queued for the view, else after what is. */
  reply(view: V, text: string): void {
    if (this.queues.has(view)) this.enqueue(view, { state: false, text });
    else view.send(text, false);
  }

  forget(view: V): void {
    this.queues.delete(view);
  }

  private enqueue(view: V, message: { state: boolean; text: Wire }): void {
    const queue = this.queues.get(view);
    if (queue) queue.push(message);
    else this.queues.set(view, [message]);
    if (!this.scheduled) {
      this.scheduled = true;
      this.nextTurn(this.drain);
    }
  }

  private drain = (): void => {
    let sent = 0;
    for (const [view, queue] of this.queues) {
      this.queues.delete(view);
      queue.forEach((m) => view.send(m.text, m.state));
      if (++sent === VIEWS_PER_TURN) break;
    }
    if (this.queues.size > 0) this.nextTurn(this.drain);
    else this.scheduled = false;
  };
}
