import Fastify from 'fastify';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MeetingSetup } from '../core/meeting';
import { DEFAULT_PORT } from '../core/network';
import type { HostRuns, NetworkSetting } from '../core/network';
import type { Clock } from '../core/time';
import { apiRoutes } from './api.routes';
import { authorizer, requireToken } from './authorize';
import type { Identify } from './authorize';
import { cardsRoutes } from './cards.routes';
import type { Network } from './cards.routes';
import { exportRoutes } from './export.routes';
import { importRoutes } from './import.routes';
import type { InterfaceTable } from './interfaces';
import { freePort } from './listen';
import { integrationRoutes } from './integration.routes';
import type { IntegrationControl } from './integration.routes';
import { HostNetwork, listenAddress } from './network';
import { OscInput } from './osc-input';
import { networkRoutes } from './network.routes';
import { clerkRoutes } from './clerk.routes';
import { CSP_REPORT_PATH, cspReportRoutes } from './csp-report.routes';
import type { CspReports } from './csp-report.routes';
import { meetingsRoutes } from './meetings.routes';
import type { MeetingFiles } from './meetings.routes';
import { autoLockDue } from './auto-lock.due';
import { boundaryDue } from './boundary-scheduler';
import { DueTimer } from './due-timer';
import type { TimerApi } from './due-timer';
import { systemClock } from './clock';
import { MeetingEngine } from './meeting-engine';
import { OutputDispatcher } from './output-dispatcher';
import type { OutputSenders } from './output-dispatcher';
import { TokenStore } from './tokens';
import { hostRefusal } from './trusted-host';
import type { OwnHost } from './trusted-host';
import { uiRoutes } from './ui.routes';
import { attachGateway } from './ws.gateway';
import { own } from '../core/dict';

export interface HostOptions {
  meetingPath: string;
  /** Default 4317; 0 picks any free port. */
  port?: number;
  /** A taken port fails the start (serve mode: the person chooses another), or the next free one is taken (the desktop app). */
  whenPortTaken?: 'fail' | 'next';
  /** Whether phones and stage screens may connect, and on which interface (default: this machine only). */
  network?: Pick<NetworkSetting, 'lan' | 'interface'>;
  /** Where this host runs, as `GET /api/v1/health` tells (default serve). */
  runs?: HostRuns;
  /** Hears the network setting changed from the control view, to keep it (the desktop app's settings file). */
  rememberNetwork?: (setting: NetworkSetting) => void;
  /** The machine's interfaces (default os.networkInterfaces): tests give a fake list. */
  interfaces?: () => InterfaceTable;
  /** The built views (`npm run build:ui`). */
  uiDir?: string;
  /** The agenda for a meeting file that does not exist yet (default: the built-in demo). */
  newMeeting?: MeetingSetup;
  clock?: Clock;
  timers?: TimerApi;
  /** Open, Save As, templates: given by the supervisor that can switch meetings (host-supervisor.ts). */
  files?: MeetingFiles;
  /** The OSC port whatever the integration setting says: tests take any free one (0). */
  oscPort?: number;
  /** Shorter than the defaults only in tests that wait for a silent peer or a slow request to be cut off. */
  heartbeatMs?: number;
  requestTimeoutMs?: number;
  /** How outputs leave the machine (default: OSC over UDP and HTTP): tests may hold them. */
  outputSenders?: OutputSenders;
}

export interface RunningHost {
  /** The host on this machine (loopback), on the port it listens on now. */
  readonly origin: string;
  readonly controlUrl: string;
  readonly displayUrl: string;
  readonly stageUrl: string;
  /** The clerk view: it asks for the clerk's PIN, so its address carries no key. */
  readonly clerkUrl: string;
  /** A reviewer's own address (the QR card's content), on this machine or a LAN origin. */
  reviewerUrl(reviewerId: string, origin?: string): string | null;
  /** Addresses other devices on the LAN can use now: none while the LAN is off. */
  readonly lanOrigins: string[];
  /** The network setting, the port, and the addresses this host answers to. */
  network: HostNetwork;
  tokens: TokenStore;
  engine: MeetingEngine;
  outputs: OutputDispatcher;
  /** The integration key and its OSC input (control surfaces). */
  integration: IntegrationControl;
  warnings: string[];
  /** Content-Security-Policy violations the pages reported (each one is in the log too). */
  cspReports: CspReports;
  close(): Promise<void>;
}

export { DEFAULT_PORT };

/** Request limits for every route that does not set its own (commands and imports do). */
export const HTTP_LIMITS = { bodyBytes: 16 * 1024, requestMs: 30_000 } as const;
const here = dirname(fileURLToPath(import.meta.url));
export const defaultUiDir = (): string => resolve(here, '../../dist/ui');

/** Starts the host: loads the meeting, arms its timers, serves the views and the protocol. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const clock = opts.clock ?? systemClock;
  const setting: NetworkSetting = { lan: false, interface: 'all', ...opts.network, port: opts.port ?? DEFAULT_PORT };
  // Before any file is made: a port in use is said at once, or the next free one found.
  const port = setting.port === 0 ? 0 : await freePort(listenAddress(setting), setting.port, opts.whenPortTaken === 'next');
  const meetingPath = resolve(opts.meetingPath);
  const engine = await MeetingEngine.open(meetingPath, clock, opts.newMeeting, opts.timers);
  // A read-only meeting writes nothing at all, not even keys: those of this run stay in memory.
  const tokens = await TokenStore.open(meetingPath, { persist: engine.readOnly === null });
  await tokens.ensureReviewers(engine.current().scoring.reviewers.map((r) => r.id));
  // New reviewers on the roster get their keys before any view hears of them. States are never
  // changed in place, so the roster is another array only when it changed: the 10,000 ballots of
  // a full hall's meeting need not each walk 500 reviewers.
  let roster = engine.current().scoring.reviewers;
  engine.onApplied((state) => {
    if (state.scoring.reviewers === roster) return;
    roster = state.scoring.reviewers;
    void tokens.ensureReviewers(roster.map((r) => r.id));
  });
  // A reviewer taken off the roster keeps no access on any route, even with an old key (undo
  // puts them back with the same key, so the printed card works again).
  const identify: Identify = (token) => {
    const audience = tokens.identify(token);
    if (audience?.role !== 'reviewer') return audience;
    return engine.current().scoring.reviewers.some((r) => r.id === audience.reviewerId) ? audience : null;
  };
  // A burst of OSC packets tells the control views once, not once a packet.
  let announcing: ReturnType<typeof setTimeout> | undefined;
  const announceSoon = (): void => {
    announcing ??= setTimeout(() => {
      announcing = undefined;
      network.announce();
    }, 250);
  };
  // Bodies are small unless a route says otherwise (a command, an imported file); a request
  // whose headers and body take longer than this is cut off, so a slow sender holds nothing.
  const requestTimeout = opts.requestTimeoutMs ?? HTTP_LIMITS.requestMs;
  // Node takes these at the server's creation only (set later, they are not enforced).
  const http = { requestTimeout, headersTimeout: Math.min(10_000, requestTimeout), connectionsCheckingInterval: Math.min(1_000, requestTimeout) };
  const app = Fastify({ logger: false, bodyLimit: HTTP_LIMITS.bodyBytes, requestTimeout, http });
  const network: HostNetwork = new HostNetwork(setting, {
    runs: opts.runs ?? 'serve',
    integration: () => integration.status(),
    remembered: opts.rememberNetwork !== undefined,
    ...(opts.interfaces ? { interfaces: opts.interfaces } : {}),
    ...(opts.rememberNetwork ? { onSetting: opts.rememberNetwork } : {}),
  });
  /** What this machine answers to, read at each request: the addresses it serves on now (they follow the network setting), and its own names. */
  const ownHost = (): OwnHost => ({ port: network.port, names: [...network.served().map((a) => a.address), ...ownNames()] });
  const trusted = (headers: { host?: string; origin?: string }): string | null => hostRefusal(headers, ownHost());
  app.addHook('onRequest', async (req, reply) => {
    // WebKit sends a page's CSP report with `Origin: null`: for a report alone that counts as no
    // origin (its Host is checked all the same; a report changes nothing but the log).
    const nullReport = req.headers.origin === 'null' && req.url === CSP_REPORT_PATH;
    const refusal = trusted(nullReport ? { host: req.headers.host } : req.headers);
    if (refusal !== null) return reply.code(403).send({ error: 'forbidden', message: refusal });
  });
  requireToken(app, identify);
  await uiRoutes(app, opts.uiDir ?? defaultUiDir());
  const cspReports = cspReportRoutes(app, () => clock.now());
  const authorize = authorizer(identify, (reviewerId) => own(engine.current().claims, reviewerId)?.device);
  apiRoutes(app, engine, authorize, opts.runs ?? 'serve', () => clock.now());
  exportRoutes(app, engine, authorize);
  importRoutes(app, engine, authorize);
  if (opts.files) meetingsRoutes(app, engine, authorize, opts.files);
  clerkRoutes(app, tokens, tokens.clerkPin());
  networkRoutes(app, network, tokens, authorize);
  const osc = new OscInput({
    engine,
    clock,
    key: () => tokens.integration,
    oscPort: () => tokens.oscPort,
    address: () => listenAddress(network.setting),
    ...(opts.oscPort !== undefined ? { portOverride: opts.oscPort } : {}),
    changed: announceSoon,
  });
  const integration: IntegrationControl = {
    status: () => ({ key: tokens.integration, oscPort: tokens.oscPort, ...osc.status() }),
    create: async () => {
      await tokens.createIntegration();
      await osc.sync();
    },
    revoke: async () => {
      await tokens.revokeIntegration();
      await osc.sync();
    },
    setOscPort: async (port) => {
      await tokens.setOscPort(port);
      await osc.sync();
    },
  };
  integrationRoutes(app, integration, authorize);
  // The OSC port follows the LAN setting (this machine only, or every interface).
  network.onChange(() => void osc.sync());
  const origin = () => `http://127.0.0.1:${network.port}`;
  const lanNetworks = (): Network[] => network.served().map(({ name, address }) => ({ label: `${name} ${address}`, origin: `http://${address}:${network.port}` }));
  // While the LAN is off the cards can only carry this machine's address: the page says so.
  cardsRoutes(app, engine, tokens, authorize, () => [...lanNetworks(), { label: 'localhost', origin: origin() }]);
  await app.listen({ port, host: listenAddress(setting) });
  network.attach(app.server);
  await osc.sync();
  const displayUrl = () => `${origin()}/display#token=${tokens.display}`;
  const outputs = new OutputDispatcher(() => engine.decided(), clock, opts.outputSenders);
  const gateway = attachGateway(app.server, { engine, clock, tokens, displayUrl, network, identify, trusted, outputs, ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}) });
  // One timer for everything the host does by itself: boundaries on the instant, auto-locks.
  const timer = new DueTimer(engine, clock, [boundaryDue(engine), autoLockDue(engine)], opts.timers);
  // After the timer: it re-arms on each change before any output is even started.
  const stopOutputs = engine.onApplied(outputs.applied);
  return {
    get origin() {
      return origin();
    },
    get controlUrl() {
      return `${origin()}/control#token=${tokens.host}`;
    },
    get displayUrl() {
      return displayUrl();
    },
    get stageUrl() {
      return `${origin()}/stage#token=${tokens.display}`;
    },
    get clerkUrl() {
      return `${origin()}/clerk`;
    },
    reviewerUrl: (reviewerId: string, base = origin()) => {
      const token = tokens.reviewerToken(reviewerId);
      return token ? `${base}/review#token=${token}` : null;
    },
    get lanOrigins() {
      return network.lanOrigins();
    },
    network,
    tokens,
    engine,
    outputs,
    integration,
    warnings: engine.warnings,
    cspReports,
    async close() {
      timer.stop();
      stopOutputs();
      clearTimeout(announcing);
      network.close();
      await osc.close();
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
