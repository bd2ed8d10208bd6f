import type { Command } from '../../core/commands';
import { HostMessageSchema } from '../../core/protocol';
import type { NetworkStatus } from '../../core/network';
import type { OutputResults } from '../../core/outputs';
import type { Presence } from '../../core/presence';
import type { ErrorCode, HostMessage, Sound, ViewRole, ViewState } from '../../core/protocol';
import { ClockSync } from './clock-sync';

/** Every page of the app; cards (QR sheet) and report are printable pages of the control and clerk roles, audit the host's log. */
export type ViewKind = 'control' | 'display' | 'stage' | 'mini' | 'review' | 'clerk' | 'cards' | 'report' | 'audit';
/** in-use: another phone holds this reviewer's card; the clerk can release it. */
export type LinkStatus = 'connecting' | 'online' | 'offline' | 'refused' | 'in-use';

/** A refusal from the host, with its code so the view can say it in the person's language. */
export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** rate_limited: when the host will take the same request. */
    readonly retryInMs?: number,
  ) {
    super(message);
  }
}

export interface ClientEvents {
  status(status: LinkStatus): void;
  welcome(role: ViewRole, state: ViewState, displayUrl: string | null, readOnly: string | null): void;
  state(state: ViewState): void;
  cue(sound: Sound, volume: number): void;
  /** Who is connected (host role only). */
  presence(presence: Presence): void;
  /** The host's network setting and addresses (host role only). */
  network(network: NetworkStatus): void;
  /** The last result of each output (host role only). */
  outputs(results: OutputResults): void;
  /** The host listens on another port now: the page reopens itself there. */
  moved(port: number): void;
}

export interface ConnectOptions {
  /** The control view's silent preview of the big screen: it neither rings nor counts as a screen. */
  preview?: boolean;
  /** This tab or window's own id, so the host lists each screen once across reloads and reconnects. */
  screen?: string;
  /** A reviewer's phone key: a card stays with the phone that first opened it. */
  phone?: string;
}

export interface Connection {
  /** Host clock now, estimated from this view's clock and the measured offset. */
  hostNow(): number;
  send(command: Command): Promise<number>;
  testCue(): Promise<void>;
  /** Sends one output now; its result arrives with the others (`outputs`). */
  testOutput(outputId: string): Promise<void>;
  /** Tells the host whether this screen's sound can play; said again after every reconnect. */
  reportAudio(state: 'ready' | 'blocked'): void;
  close(): void;
}

const PING_EVERY_MS = 5000;
const BURST = 5;

/**
 * The one connection a view has to the host. Reconnects by itself with backoff, re-measures the
 * clock offset, and validates everything it receives: a view trusts the host's data only after
 * parsing it.
 */
export function connect(token: string, kind: ViewKind, on: ClientEvents, options: ConnectOptions = {}, location: Location = window.location): Connection {
  const sync = new ClockSync();
  const pending = new Map<string, { resolve: (seq: number) => void; reject: (e: Error) => void }>();
  let ws: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let pingTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  let audio: 'ready' | 'blocked' | null = null;

  const wsUrl = () => {
    const u = new URL('/ws', location.href);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.searchParams.set('token', token);
    u.searchParams.set('view', kind);
    u.searchParams.set('device', kind);
    // A reviewer's card stays with the phone that first opened it: the phone says which it is.
    if (options.phone !== undefined) u.searchParams.set('phone', options.phone);
    if (options.screen) u.searchParams.set('screen', options.screen);
    if (options.preview) u.searchParams.set('preview', '1');
    return u.toString();
  };

  function open(): void {
    on.status('connecting');
    const socket = new WebSocket(wsUrl());
    ws = socket;
    socket.onopen = () => {
      attempt = 0;
      pingBurst(0);
    };
    socket.onmessage = (ev) => receive(typeof ev.data === 'string' ? ev.data : '');
    socket.onclose = (ev) => {
      if (ws !== socket) return;
      ws = null;
      clearTimeout(pingTimer);
      pending.forEach((p) => p.reject(new HostError('unavailable', 'connection lost before the host answered')));
      pending.clear();
      // The card went to another phone (the clerk released it): this phone stops here, and does not take it back.
      if (ev.code === 4409) return on.status('in-use');
      if (!closed) void retry();
    };
  }

  /**
   * A socket that never opens is a network problem (retry), a refused token (stop and say so), or
   * a card another phone holds (say so, and keep trying: once the clerk releases it, this phone takes it).
   */
  async function retry(): Promise<void> {
    on.status('offline');
    const why = await refusal();
    if (why === 'refused') return on.status('refused');
    if (why === 'in-use') on.status('in-use');
    const delay = Math.min(5000, 250 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt += 1;
    setTimeout(() => !closed && open(), delay);
  }

  async function refusal(): Promise<'refused' | 'in-use' | null> {
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(options.phone === undefined ? {} : { 'x-rostrum-phone': options.phone }) };
      const res = await fetch(new URL('/api/v1/state', location.href), { headers });
      return res.status === 401 ? 'refused' : res.status === 409 ? 'in-use' : null;
    } catch {
      return null;
    }
  }

  function pingBurst(n: number): void {
    if (ws?.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ type: 'ping', id: nextId++, t0: performance.now() }));
    pingTimer = setTimeout(() => pingBurst(n + 1), n < BURST ? 150 : PING_EVERY_MS);
  }

  function receive(raw: string): void {
    let msg: HostMessage;
    try {
      msg = HostMessageSchema.parse(JSON.parse(raw));
    } catch (err) {
      console.error('rostrum: ignored a malformed message from the host', err);
      return;
    }
    switch (msg.type) {
      case 'welcome':
        sync.seed(performance.now(), msg.hostNow);
        on.status('online');
        if (audio !== null) sendAudio();
        return on.welcome(msg.role, msg.state, msg.displayUrl ?? null, msg.readOnly ?? null);
      case 'state':
        return on.state(msg.state);
      case 'pong':
        return sync.add(msg.t0, performance.now(), msg.hostNow);
      case 'cue':
        return on.cue(msg.sound, msg.volume);
      case 'presence':
        return on.presence(msg.presence);
      case 'network':
        return on.network(msg.network);
      case 'outputs':
        return on.outputs(msg.results);
      case 'moved':
        closed = true;
        return on.moved(msg.port);
      case 'ack':
        pending.get(msg.id)?.resolve(msg.seq);
        pending.delete(msg.id);
        return;
      case 'error': {
        const p = msg.id === null ? undefined : pending.get(msg.id);
        if (p) {
          p.reject(new HostError(msg.code, msg.message, msg.retryInMs));
          pending.delete(msg.id ?? '');
        } else console.error(`rostrum: host error ${msg.code}: ${msg.message}`);
        return;
      }
      default:
        return msg satisfies never;
    }
  }

  function request(body: { type: 'command'; command: Command } | { type: 'cue.test' } | { type: 'output.test'; outputId: string }): Promise<number> {
    const socket = ws;
    if (socket?.readyState !== WebSocket.OPEN) return Promise.reject(new HostError('unavailable', 'not connected to the host'));
    const id = `${kind}-${nextId++}`;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ ...body, id }));
    });
  }

  function sendAudio(): void {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'audio.state', state: audio }));
  }

  open();
  return {
    hostNow: () => performance.now() + sync.offset,
    send: (command) => request({ type: 'command', command }),
    testCue: () => request({ type: 'cue.test' }).then(() => undefined),
    testOutput: (outputId) => request({ type: 'output.test', outputId }).then(() => undefined),
    reportAudio(state) {
      if (state === audio) return;
      audio = state;
      sendAudio();
    },
    close() {
      closed = true;
      clearTimeout(pingTimer);
      ws?.close();
    },
  };
}
