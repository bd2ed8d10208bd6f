import Fastify from 'fastify';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MeetingSetup } from '../core/meeting';
import type { Clock } from '../core/time';
import { apiRoutes } from './api.routes';
import { authorizer, requireToken } from './authorize';
import type { Identify } from './authorize';
import { cardsRoutes } from './cards.routes';
import type { Network } from './cards.routes';
import { exportRoutes } from './export.routes';
import { importRoutes } from './import.routes';
import { clerkRoutes } from './clerk.routes';
import { meetingsRoutes } from './meetings.routes';
import type { MeetingFiles } from './meetings.routes';
import { autoLockDue } from './auto-lock.due';
import { boundaryDue } from './boundary-scheduler';
import { DueTimer } from './due-timer';
import type { TimerApi } from './due-timer';
import { systemClock } from './clock';
import { MeetingEngine } from './meeting-engine';
import { TokenStore } from './tokens';
import { hostRefusal } from './trusted-host';
import type { OwnHost } from './trusted-host';
import { uiRoutes } from './ui.routes';
import { attachGateway } from './ws.gateway';

export interface HostOptions {
  meetingPath: string;
  /** 0 picks any free port. */
  port?: number;
  /** 127.0.0.1 keeps the meeting on this machine; 0.0.0.0 lets phones on the LAN reach it. */
  bind?: string;
  /** The built views (`npm run build:ui`). */
  uiDir?: string;
  /** The agenda for a meeting file that does not exist yet (default: the built-in demo). */
  newMeeting?: MeetingSetup;
  clock?: Clock;
  timers?: TimerApi;
  /** Open, Save As, templates: given by the supervisor that can switch meetings (host-supervisor.ts). */
  files?: MeetingFiles;
  /** Shorter than the defaults only in tests that wait for a silent peer or a slow request to be cut off. */
  heartbeatMs?: number;
  requestTimeoutMs?: number;
}

export interface RunningHost {
  origin: string;
  controlUrl: string;
  displayUrl: string;
  stageUrl: string;
  /** The clerk view: it asks for the clerk's PIN, so its address carries no key. */
  clerkUrl: string;
  /** A reviewer's own address (the QR card's content), on this machine or a LAN origin. */
  reviewerUrl(reviewerId: string, origin?: string): string | null;
  /** Addresses other devices on the LAN can use, when bound beyond loopback. */
  lanOrigins: string[];
  tokens: TokenStore;
  engine: MeetingEngine;
  warnings: string[];
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4317;

/** Request limits for every route that does not set its own (commands and imports do). */
export const HTTP_LIMITS = { bodyBytes: 16 * 1024, requestMs: 30_000 } as const;
const here = dirname(fileURLToPath(import.meta.url));
export const defaultUiDir = (): string => resolve(here, '../../dist/ui');

/** Starts the host: loads the meeting, arms its timers, serves the views and the protocol. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const clock = opts.clock ?? systemClock;
  const meetingPath = resolve(opts.meetingPath);
  const engine = await MeetingEngine.open(meetingPath, clock, opts.newMeeting);
  // A read-only meeting writes nothing at all, not even keys: those of this run stay in memory.
  const tokens = await TokenStore.open(meetingPath, { persist: engine.readOnly === null });
  await tokens.ensureReviewers(engine.current().scoring.reviewers.map((r) => r.id));
  // New reviewers on the roster get their keys before any view hears of them.
  engine.onApplied((state) => void tokens.ensureReviewers(state.scoring.reviewers.map((r) => r.id)));
  // A reviewer taken off the roster keeps no access on any route, even with an old key (undo
  // puts them back with the same key, so the printed card works again).
  const identify: Identify = (token) => {
    const audience = tokens.identify(token);
    if (audience?.role !== 'reviewer') return audience;
    return engine.current().scoring.reviewers.some((r) => r.id === audience.reviewerId) ? audience : null;
  };
  // Bodies are small unless a route says otherwise (a command, an imported file); a request
  // whose headers and body take longer than this is cut off, so a slow sender holds nothing.
  const requestTimeout = opts.requestTimeoutMs ?? HTTP_LIMITS.requestMs;
  // Node takes these at the server's creation only (set later, they are not enforced).
  const http = { requestTimeout, headersTimeout: Math.min(10_000, requestTimeout), connectionsCheckingInterval: Math.min(1_000, requestTimeout) };
  const app = Fastify({ logger: false, bodyLimit: HTTP_LIMITS.bodyBytes, requestTimeout, http });
  const bind = opts.bind ?? '127.0.0.1';
  const loopbackOnly = bind === '127.0.0.1' || bind === 'localhost';
  // The port is known once listening (0 picks a free one); the routes read it when asked.
  let port = opts.port ?? DEFAULT_PORT;
  /** The LAN addresses the host serves on now: none when it listens on this machine only. */
  const served = () => (loopbackOnly ? [] : lanAddresses());
  const lanNetworks = (): Network[] => served().map(({ iface, address }) => ({ label: `${iface} ${address}`, origin: `http://${address}:${port}` }));
  /** What this machine answers to, read at each request: the addresses it serves on now, and its own names. */
  const ownHost = (): OwnHost => ({ port, names: [...served().map((a) => a.address), ...ownNames()] });
  const trusted = (headers: { host?: string; origin?: string }): string | null => hostRefusal(headers, ownHost());
  app.addHook('onRequest', async (req, reply) => {
    const refusal = trusted(req.headers);
    if (refusal !== null) return reply.code(403).send({ error: 'forbidden', message: refusal });
  });
  requireToken(app, identify);
  await uiRoutes(app, opts.uiDir ?? defaultUiDir());
  const authorize = authorizer(identify, (reviewerId) => engine.current().claims[reviewerId]?.device);
  apiRoutes(app, engine, authorize);
  exportRoutes(app, engine, authorize);
  importRoutes(app, engine, authorize);
  if (opts.files) meetingsRoutes(app, engine, authorize, opts.files);
  clerkRoutes(app, tokens, tokens.clerkPin());
  // When the host listens on this machine only, the cards can only carry this machine's address: the page says so.
  cardsRoutes(app, engine, tokens, authorize, () => [...lanNetworks(), { label: 'localhost', origin: `http://127.0.0.1:${port}` }]);
  await app.listen({ port, host: bind });
  const address = app.server.address();
  if (typeof address === 'object' && address) port = address.port;
  const origin = `http://127.0.0.1:${port}`;
  const displayUrl = `${origin}/display#token=${tokens.display}`;
  const gateway = attachGateway(app.server, { engine, clock, tokens, displayUrl, identify, trusted, ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}) });
  // One timer for everything the host does by itself: boundaries on the instant, auto-locks.
  const timer = new DueTimer(engine, clock, [boundaryDue(engine), autoLockDue(engine)], opts.timers);
  return {
    origin,
    controlUrl: `${origin}/control#token=${tokens.host}`,
    displayUrl,
    stageUrl: `${origin}/stage#token=${tokens.display}`,
    clerkUrl: `${origin}/clerk`,
    reviewerUrl: (reviewerId: string, base = origin) => {
      const token = tokens.reviewerToken(reviewerId);
      return token ? `${base}/review#token=${token}` : null;
    },
    lanOrigins: lanNetworks().map((n) => n.origin),
    tokens,
    engine,
    warnings: engine.warnings,
    async close() {
      timer.stop();
      gateway.close();
      await app.close();
      await engine.close();
    },
  };
}

/** The machine's own name, as phones on the LAN may know it (plain and with mDNS's `.local`). */
function ownNames(): string[] {
  const name = hostname().toLowerCase();
  return name ? [name, `${name}.local`] : [];
}

/** The machine's IPv4 addresses other devices can reach, named after their interface (Wi-Fi, Ethernet…). */
function lanAddresses(): { iface: string; address: string }[] {
  return Object.entries(networkInterfaces()).flatMap(([iface, infos]) =>
    (infos ?? []).flatMap((i) => (i.family === 'IPv4' && !i.internal ? [{ iface, address: i.address }] : [])),
  );
}

