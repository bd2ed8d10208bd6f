import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { deviceTag } from '../core/decide.cards';
import { firstIssue } from '../core/issues';
import { bytesText, ClientMessageSchema, MESSAGE_LIMITS, PROTOCOL_VERSION } from '../core/protocol';
import type { ClientMessage, HostMessage, Sound } from '../core/protocol';
import { slotById } from '../core/queue';
import type { AudioOutput, MeetingState } from '../core/state';
import type { Clock } from '../core/time';
import { ViewFeed } from '../core/view-feed';
import type { PhoneText, Viewer } from '../core/view-feed';
import type { Change, MeetingEngine } from './meeting-engine';
import type { OutputDispatcher } from './output-dispatcher';
import type { HostNetwork } from './network';
import { PresenceTracker } from './presence';
import type { Seen } from './presence';
import { phoneOf } from './phone-key';
import { isLoopback, mayRoleSend, needsLoopback } from './roles';
import type { Caller } from './roles';
import { SocketOutbox } from './socket-outbox';
import { StateRounds } from './state-rounds';
import type { TokenStore } from './tokens';
import { own } from '../core/dict';

interface View extends Viewer {
  ws: WebSocket;
  /** A reviewer's phone: the hash of its device key; the card must stay with it. Null for other views. */
  phoneHash: string | null;
  /** Which audio output this view is, or null for views that never ring (phones, the clerk, the preview). */
  kind: AudioOutput | null;
  device: string;
  /** The payload of the last ping sent, until its pong comes back: only our own ping's pong proves the peer is there. */
  awaiting: Buffer | null;
  /** Which of the heartbeat's groups this view is pinged with (PING_GROUPS). */
  pingGroup: number;
  outbox: SocketOutbox;
  /** This socket in the list of who is connected. */
  seen: Seen;
}

/**
 * A phone's state message as bytes: the head all phones share is encoded once per state, and each
 * phone's message assembled around it. Joined as a string it would be copied whole for every
 * phone, twice its size when a name in it is Chinese, only to be encoded again. A phone's own
 * part is encoded anew each time rather than kept: kept, 500 small long-lived buffers pin the 8 KB
 * slabs Node cuts small buffers from, and the host ended a full meeting larger (docs/performance.md).
 */
function phoneBytes(): (text: PhoneText) => Buffer {
  const CLOSE = Buffer.from('}}');
  let head = '';
  let encoded = Buffer.alloc(0);
  return ({ head: next, own }) => {
    if (next !== head) [head, encoded] = [next, Buffer.from(next)];
    // Encoded straight into the message: the own part joined to its closing braces would be a
    // new string, copied flat before it is encoded, and its bytes copied again by Buffer.concat.
    const message = Buffer.allocUnsafe(encoded.length + Buffer.byteLength(own) + CLOSE.length);
    encoded.copy(message);
    const end = encoded.length + message.write(own, encoded.length);
    CLOSE.copy(message, end);
    return message;
  };
}

export interface GatewayDeps {
  engine: MeetingEngine;
  clock: Clock;
  tokens: TokenStore;
  /** The display's address on this machine, for the control view's preview (its port may change). */
  displayUrl: () => string;
  network: HostNetwork;
  /** The meeting's outputs: the Test button, and their last results for the host's views. */
  outputs: Pick<OutputDispatcher, 'test' | 'snapshot' | 'onResults'>;
  /** Whose token this is, a removed reviewer's key being no one's (index.ts). */
  identify(token: string | null): Caller | null;
  /** How often each view is pinged; one that has not answered the previous ping by the next is ended. */
  heartbeatMs?: number;
  /** Why a request is not for this machine (its Host or Origin), or null: the same rule as every HTTP request's. */
  trusted(headers: { host?: string | undefined; origin?: string | undefined }): string | null;
}

/** The socket refuses outright (close 1009) a message over twice the largest any role may send. */
const SOCKET_LIMIT = 2 * Math.max(...Object.values(MESSAGE_LIMITS));
const HEARTBEAT_MS = 15_000;
/**
 * Each view is pinged once a heartbeat, the views in this many groups a heartbeat apart: a hall
 * of 500 phones pinged in the same instant answers in the same instant, and a command arriving
 * then waits behind 500 pings and 500 pongs.
 */
const PING_GROUPS = 15;

const SOUND_AT = { warning: 'warning', danger: 'danger', zero: 'end' } as const satisfies Record<string, Sound>;

/**
 * The WebSocket side of the protocol. Authenticates at the upgrade (a wrong token never gets a
 * socket), validates every message, enforces roles, and pushes each durable change to every view.
 */
export function attachGateway(server: Server, deps: GatewayDeps): { close(): void; count(): number } {
  // autoPong off: a peer that pings and never reads would make the host queue pongs without end.
  const wss = new WebSocketServer({ noServer: true, maxPayload: SOCKET_LIMIT, autoPong: false });
  const views = new Set<View>();
  // What each role may see is decided in core; a view that would show more is not sent at all.
  const feed = new ViewFeed((audience, problem) => console.error(`rostrum: a ${audience.role} view was not sent: ${problem}`));
  const toBytes = phoneBytes();
  const presence = new PresenceTracker(() => deps.clock.wall());
  let connections = 0;

  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (deps.trusted(req.headers) !== null) return refuse(socket, 403, 'Forbidden');
    if (url.pathname !== '/ws') return refuse(socket, 404, 'Not Found');
    const audience = deps.identify(url.searchParams.get('token'));
    if (audience === null) return refuse(socket, 401, 'Unauthorized');
    // A control surface polls HTTP and sends OSC: no socket, so revoking its key leaves none open.
    if (audience.role === 'integration') return refuse(socket, 403, 'Forbidden');
    if (needsLoopback(audience) && !isLoopback(req.socket.remoteAddress)) return refuse(socket, 403, 'Forbidden');
    const phone = audience.role === 'reviewer' ? phoneOf(url.searchParams.get('phone')) : null;
    const device = deviceName(req, url, phone);
    if (audience.role === 'reviewer') {
      // A reviewer's card is the first phone's: another phone (or a copy of the key) is refused until the clerk releases it.
      if (phone === null) return refuse(socket, 400, 'Bad Request');
      const claim = await deps.engine.execute({ type: 'card.claim' }, { role: 'reviewer', reviewerId: audience.reviewerId, device, phone });
      if (!claim.ok) return claim.error.code === 'card_in_use' ? refuse(socket, 409, 'Conflict') : refuse(socket, 503, 'Service Unavailable');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // The control view's preview is a display page that neither rings nor counts as a screen.
      const kind = url.searchParams.has('preview') ? null : viewKind(url.searchParams.get('view'));
      const screenId = (url.searchParams.get('screen') ?? '').replace(/[^\w-]/g, '').slice(0, 40) || 'unnamed';
      const seen: Seen = { audience, screen: kind ? { kind, id: screenId } : null, from: req.socket.remoteAddress ?? '?', audio: null };
      const outbox = new SocketOutbox({ get bufferedAmount() { return ws.bufferedAmount; }, send: (text) => ws.send(text, { binary: false }), terminate: () => ws.terminate() });
      socket.on('drain', () => outbox.drained());
      const view: View = {
        ws,
        audience,
        phoneHash: phone,
        kind,
        device,
        seen,
        awaiting: null,
        pingGroup: connections++ % PING_GROUPS,
        outbox,
      };
      views.add(view);
      try {
        welcome(view);
      } catch (err) {
        return fail(view, err);
      }
      presence.connected(seen);
      presenceChanged();
      ws.on('message', (data, isBinary) => void onMessage(view, data as Buffer, isBinary));
      ws.on('pong', (data) => {
        if (view.awaiting?.equals(data)) view.awaiting = null;
      });
      const gone = () => {
        views.delete(view);
        presence.disconnected(seen);
        presenceChanged();
      };
      ws.on('close', gone);
      ws.on('error', gone);
    });
  }

  const send = (view: View, msg: HostMessage) => view.outbox.reply(JSON.stringify(msg));

  /** Building one view's message failed: that view is told and closed; the host and every other view go on. */
  function fail(view: View, err: unknown): void {
    console.error(`error: the ${view.audience.role} view ${view.device} was closed: ${(err as Error).message}`);
    view.outbox.timely(JSON.stringify({ type: 'error', id: null, code: 'unavailable', message: 'the host could not build this view; reconnecting may help' } satisfies HostMessage));
    view.ws.close(1011, 'the host could not build this view');
    views.delete(view);
  }

  function welcome(view: View): void {
    const { role } = view.audience;
    const state = feed.welcome(deps.engine.current(), view);
    if (state === null) throw new Error('its view failed its role’s schema and was withheld');
    view.outbox.state(JSON.stringify({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role,
      hostNow: deps.clock.now(),
      state,
      ...(role === 'host' || role === 'clerk' ? { displayUrl: deps.displayUrl() } : {}),
      ...(deps.engine.readOnly && (role === 'host' || role === 'clerk') ? { readOnly: deps.engine.readOnly } : {}),
    } satisfies HostMessage));
    if (role === 'host') {
      void deps.network.status(deps.tokens.display).then((network) => send(view, { type: 'network', network }));
      send(view, { type: 'outputs', results: deps.outputs.snapshot() });
    }
  }

  /** Who is connected and the network are the host's alone: no other role hears of them. */
  const hostViews = () => [...views].filter((v) => v.audience.role === 'host');

  /** Sent once for all the connects and disconnects of one turn (a hall of phones reconnecting). */
  let presencePending = false;
  function presenceChanged(): void {
    if (presencePending) return;
    presencePending = true;
    setImmediate(() => {
      presencePending = false;
      const text = JSON.stringify({ type: 'presence', presence: presence.snapshot(deps.engine.current()) } satisfies HostMessage);
      hostViews().forEach((v) => v.outbox.reply(text));
    });
  }

  /** Sent once for all the results of one turn (a boundary firing several outputs). */
  let outputsPending = false;
  const stopOutputs = deps.outputs.onResults(() => {
    if (outputsPending) return;
    outputsPending = true;
    setImmediate(() => {
      outputsPending = false;
      const text = JSON.stringify({ type: 'outputs', results: deps.outputs.snapshot() } satisfies HostMessage);
      hostViews().forEach((v) => v.outbox.reply(text));
    });
  });

  deps.network.onChange(() => {
    void deps.network.status(deps.tokens.display).then((network) => {
      const text = JSON.stringify({ type: 'network', network } satisfies HostMessage);
      hostViews().forEach((v) => v.outbox.reply(text));
    });
  });

  // The host listens on another port now: every screen and phone reopens itself there.
  deps.network.onMoved((port) => {
    const text = JSON.stringify({ type: 'moved', port } satisfies HostMessage);
    views.forEach((v) => {
      v.outbox.timely(text);
      v.ws.close(4302, 'moved');
    });
  });

  async function onMessage(view: View, data: Buffer, isBinary: boolean): Promise<void> {
    const limit = MESSAGE_LIMITS[view.audience.role];
    if (data.length > limit) {
      const big = view.audience.role === 'host' || view.audience.role === 'clerk' ? '; send a whole agenda as POST /api/v1/commands' : '';
      return send(view, { type: 'error', id: idNear(data), code: 'bad_message', message: `the message is ${bytesText(data.length)}: a ${view.audience.role} view may send at most ${bytesText(limit)}${big}` });
    }
    const parsed = parseMessage(isBinary ? null : data.toString());
    if (!parsed.ok) return send(view, { type: 'error', ...parsed.error });
    const msg = parsed.message;
    if (!mayRoleSend(view.audience, msg)) {
      const what = msg.type === 'command' ? msg.command.type : msg.type;
      return send(view, { type: 'error', id: 'id' in msg ? String(msg.id) : null, code: 'forbidden', message: `a ${view.audience.role} view may not send "${what}"` });
    }
    switch (msg.type) {
      case 'ping':
        return view.outbox.timely(JSON.stringify({ type: 'pong', id: msg.id, t0: msg.t0, hostNow: deps.clock.now() } satisfies HostMessage));
      case 'cue.test':
        cue(deps.engine.current(), 'warning', true);
        return send(view, { type: 'ack', id: msg.id, seq: deps.engine.current().seq });
      case 'audio.state':
        view.seen.audio = msg.state;
        return presenceChanged();
      case 'output.test':
        if (!deps.outputs.test(msg.outputId)) return send(view, { type: 'error', id: msg.id, code: 'not_found', message: `no output "${msg.outputId}"` });
        return send(view, { type: 'ack', id: msg.id, seq: deps.engine.current().seq });
      case 'command': {
        const a = view.audience;
        const by = a.role === 'reviewer' ? { role: a.role, reviewerId: a.reviewerId, device: view.device, phone: view.phoneHash ?? undefined } : { role: a.role, device: view.device };
        const outcome = await deps.engine.execute(msg.command, by);
        // The ack goes after the state that shows what it acknowledges.
        return reply(view, outcome.ok ? { type: 'ack', id: msg.id, seq: outcome.seq } : { type: 'error', id: msg.id, ...outcome.error });
      }
      default:
        return msg satisfies never;
    }
  }

  function cue(state: MeetingState, sound: Sound, ignoreMute = false): void {
    if (state.audio.muted && !ignoreMute) return;
    const msg = JSON.stringify({ type: 'cue', sound, volume: state.audio.volume } satisfies HostMessage);
    views.forEach((v) => v.kind !== null && state.audio.outputs.includes(v.kind) && v.outbox.timely(msg));
  }

  // Each durable change to every view: the screens at once, the phones a few dozen a turn, each
  // reply after the state it acknowledges (state-rounds.ts).
  const rounds = new StateRounds<View, MeetingState>({
    views: () => views,
    isPhone: (v) => v.audience.role === 'reviewer',
    connected: (v) => views.has(v),
    begin: stateSender,
    tookOver: () => feed.forgetLast(),
    reply: (v, text) => v.outbox.reply(text),
    nextTurn: setImmediate,
  });

  const unsubscribe = deps.engine.onChange(({ state, event }: Change) => {
    rounds.changed(state);
    // The roster, the audio outputs and mute are part of who is connected and whether they ring.
    if (event.type === 'scoring.configured' || event.type === 'audio.set' || event.type === 'undo.applied') presenceChanged();
    // The chimes cannot wait for anything.
    if (event.type === 'boundary.reached') {
      const spec = slotById(state, event.slotId)?.phases[event.phaseIndex];
      if (spec?.sounds) cue(state, SOUND_AT[event.boundary]);
    }
  });

  function reply(view: View, message: HostMessage): void {
    rounds.reply(view, JSON.stringify(message));
  }

  /**
   * One state's message for each view: each role's view is built once and sent to every screen of
   * that role; what phones share is serialised once, and a view that did not change is sent
   * nothing (view-feed.ts).
   */
  function stateSender(state: MeetingState): (v: View) => void {
    const textFor = feed.round(state);
    const roster = new Set(state.scoring.reviewers.map((r) => r.id));
    return (v) => {
      try {
        if (v.audience.role === 'reviewer' && !roster.has(v.audience.reviewerId)) return v.ws.close(4401, 'removed from the roster');
        // The clerk released this phone's card, or another phone holds it now: this phone is done with it.
        if (v.audience.role === 'reviewer' && own(state.claims, v.audience.reviewerId)?.device !== v.phoneHash) return v.ws.close(4409, 'card in use on another phone');
        const text = textFor(v);
        if (text !== null) v.outbox.state(typeof text === 'string' ? text : toBytes(text));
      } catch (err) {
        fail(v, err);
      }
    };
  }

  // A phone that walked out of Wi-Fi range never says goodbye; find it by its silence. Only the
  // pong of our own ping counts: a peer that sends pongs of its own accord (and never reads) is
  // not thereby alive.
  let pingTick = 0;
  const heartbeat = setInterval(() => {
    const group = pingTick++ % PING_GROUPS;
    views.forEach((v) => {
      if (v.pingGroup !== group) return;
      if (v.awaiting !== null) return v.ws.terminate();
      v.awaiting = randomBytes(8);
      v.ws.ping(v.awaiting);
    });
  }, (deps.heartbeatMs ?? HEARTBEAT_MS) / PING_GROUPS);

  return {
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      stopOutputs();
      views.forEach((v) => v.ws.terminate());
      wss.close();
    },
    count: () => views.size,
  };
}

type Parsed = { ok: true; message: ClientMessage } | { ok: false; error: Omit<Extract<HostMessage, { type: 'error' }>, 'type'> };

/** Parses one message from `unknown`; the error says what is wrong and where, and echoes the id if it can. */
export function parseMessage(raw: string | null): Parsed {
  if (raw === null) return { ok: false, error: { id: null, code: 'bad_message', message: 'messages are JSON text, not binary' } };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: { id: null, code: 'bad_message', message: 'not valid JSON' } };
  }
  const result = ClientMessageSchema.safeParse(value);
  if (result.success) return { ok: true, message: result.data };
  const id = typeof value === 'object' && value !== null && 'id' in value ? String((value as { id: unknown }).id).slice(0, 64) : null;
  const { path, message } = firstIssue(result.error);
  return { ok: false, error: { id, code: 'bad_message', message: path ? `${path}: ${message}` : message, path } };
}

/** The id of a message too large to parse, if it is near the start (where clients put it), so the sender hears which request failed. */
function idNear(data: Buffer): string | null {
  return /"id"\s*:\s*"([^"\\]{1,64})"/.exec(data.subarray(0, 256).toString())?.[1] ?? null;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const viewKind = (v: string | null): AudioOutput | null => (v === 'display' || v === 'stage' || v === 'control' ? v : null);

/** The view, its phone's short id (a reviewer's) and its address, as the audit log shows who did what. */
function deviceName(req: IncomingMessage, url: URL, phone: string | null): string {
  const label = (url.searchParams.get('device') ?? '').replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 40);
  return `${label || 'view'}${phone === null ? '' : `#${deviceTag(phone)}`}@${req.socket.remoteAddress ?? '?'}`;
}
