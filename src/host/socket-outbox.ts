/** A message as it goes on the wire: text, or text already encoded as UTF-8 (a phone's state). */
export type Wire = string | Buffer;

/** What the outbox needs of a WebSocket: how much it has not yet handed to the network, and a way out. */
export interface Pipe {
  readonly bufferedAmount: number;
  send(message: Wire): void;
  /** Ends the connection without a closing handshake: a peer that does not read would never see one. */
  terminate(): void;
}

/**
 * Past this many bytes waiting to go out, the view is behind: it is sent nothing new until the
 * socket drains, and then only the newest state (which carries everything the skipped ones did).
 */
export const BEHIND_BYTES = 256 * 1024;
/**
 * Past this many bytes waiting (what is buffered plus replies held back), the view is closed: a
 * peer that stopped reading would otherwise hold the host's memory for as long as it likes. Well
 * above the largest state a view receives (the clerk's, every ballot of a long day: a few MB).
 */
export const CLOSE_BYTES = 16 * 1024 * 1024;

/**
 * One view's way out: back-pressure for a socket whose peer reads slowly or not at all (a phone
 * in a pocket, a hostile client). While the socket is behind, states are not queued but replaced,
 * replies wait after the newest state (an ack never precedes what it acknowledges), and messages
 * worth nothing late (a chime, a clock-sync reply) are dropped.
 */
export class SocketOutbox {
  private held: Wire | null = null;
  private replies: string[] = [];
  private repliesBytes = 0;
  private closed = false;

  constructor(private readonly pipe: Pipe) {}

  /** The socket emptied its buffer: what was held goes out, the newest state first. */
  drained(): void {
    if (this.closed || this.pipe.bufferedAmount > BEHIND_BYTES) return;
    const state = this.held;
    const replies = this.replies;
    this.held = null;
    this.replies = [];
    this.repliesBytes = 0;
    if (state !== null) this.pipe.send(state);
    replies.forEach((r) => this.pipe.send(r));
  }

  state(message: Wire): void {
    if (this.overLimit()) return;
    if (this.behind()) this.held = message;
    else this.pipe.send(message);
  }

  reply(message: string): void {
    if (this.overLimit()) return;
    if (!this.behind()) return this.pipe.send(message);
    this.replies.push(message);
    this.repliesBytes += message.length;
  }

  /** A cue or a pong: on time or not at all. */
  timely(message: string): void {
    if (!this.overLimit() && !this.behind()) this.pipe.send(message);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private behind(): boolean {
    return this.held !== null || this.replies.length > 0 || this.pipe.bufferedAmount > BEHIND_BYTES;
  }

  private overLimit(): boolean {
    if (this.closed) return true;
    if (this.pipe.bufferedAmount + this.repliesBytes <= CLOSE_BYTES) return false;
    this.closed = true;
    this.held = null;
    this.replies = [];
    this.pipe.terminate();
    return true;
  }
}
