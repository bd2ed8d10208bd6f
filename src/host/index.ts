import Fastify from 'fastify';
import { networkInterfaces } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MeetingSetup } from '../core/meeting';
import type { Clock } from '../core/time';
import { apiRoutes } from './api.routes';
import { AutoLockScheduler } from './auto-lock.scheduler';
import { BoundaryScheduler } from './boundary-scheduler';
import type { TimerApi } from './boundary-scheduler';
import { systemClock } from './clock';
import { MeetingEngine } from './meeting-engine';
import { TokenStore } from './tokens';
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
}

export interface RunningHost {
  origin: string;
  controlUrl: string;
  displayUrl: string;
  stageUrl: string;
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
const here = dirname(fileURLToPath(import.meta.url));
export const defaultUiDir = (): string => resolve(here, '../../dist/ui');

/** Starts the host: loads the meeting, arms its timers, serves the views and the protocol. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const clock = opts.clock ?? systemClock;
  const meetingPath = resolve(opts.meetingPath);
  const engine = await MeetingEngine.open(meetingPath, clock, opts.newMeeting);
  const tokens = await TokenStore.open(meetingPath);
  await tokens.ensureReviewers(engine.current().scoring.reviewers.map((r) => r.id));
  // New reviewers on the roster get their keys before any view hears of them.
  engine.onApplied((state) => void tokens.ensureReviewers(state.scoring.reviewers.map((r) => r.id)));
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  await uiRoutes(app, opts.uiDir ?? defaultUiDir());
  apiRoutes(app, engine, tokens);
  const bind = opts.bind ?? '127.0.0.1';
  await app.listen({ port: opts.port ?? DEFAULT_PORT, host: bind });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? DEFAULT_PORT);
  const origin = `http://127.0.0.1:${port}`;
  const displayUrl = `${origin}/display#token=${tokens.display}`;
  const gateway = attachGateway(app.server, { engine, clock, tokens, displayUrl });
  const scheduler = new BoundaryScheduler(engine, clock, opts.timers);
  const autoLock = new AutoLockScheduler(engine, clock, opts.timers);
  return {
    origin,
    controlUrl: `${origin}/control#token=${tokens.host}`,
    displayUrl,
    stageUrl: `${origin}/stage#token=${tokens.display}`,
    clerkUrl: `${origin}/clerk#token=${tokens.clerk}`,
    reviewerUrl: (reviewerId: string, base = origin) => {
      const token = tokens.reviewerToken(reviewerId);
      return token ? `${base}/review#token=${token}` : null;
    },
    lanOrigins: bind === '127.0.0.1' || bind === 'localhost' ? [] : lanAddresses().map((ip) => `http://${ip}:${port}`),
    tokens,
    engine,
    warnings: engine.warnings,
    async close() {
      scheduler.stop();
      autoLock.stop();
      gateway.close();
      await app.close();
      await engine.close();
    },
  };
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && !i.internal ? [i.address] : []));
}

