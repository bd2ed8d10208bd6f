import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from './index';
import { runHost } from './host-supervisor';
import { PortTakenError } from './listen';
import { MeetingLibrary } from './meeting-library';
import { lanFlags } from './serve-flags';

const HELP = `Rostrum serve mode: the host in Node, every view in a browser.

Usage: npm run serve -- [options]
  --meeting <file>   meeting file (JSON Lines); created from the built-in demo if missing
                     (default: the meeting opened last in meetings/, else meetings/demo.rostrum.jsonl)
  --port <n>         port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --lan              let phones and stage screens on the LAN connect (default: this machine only)
  --interface <i>    with --lan: wifi, cable or all (default all): the network phones use
  --bind <address>   127.0.0.1 (this machine only) or 0.0.0.0 (the same as --lan)
  --ui <dir>         built views (default dist/ui)
  -h, --help         this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      meeting: { type: 'string' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      lan: { type: 'boolean', default: false },
      interface: { type: 'string' },
      bind: { type: 'string' },
      ui: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(HELP);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" is not a port number (0–65535)`);
  const network = lanFlags(values);
  const meeting = values.meeting ?? (await MeetingLibrary.lastOpened('meetings')) ?? 'meetings/demo.rostrum.jsonl';
  const supervisor = await runHost({ meetingPath: meeting, port, network, runs: 'serve', ...(values.ui ? { uiDir: values.ui } : {}) }).catch((err: unknown) => {
    if (err instanceof PortTakenError) throw new Error(`${err.message}. Choose another port with --port, e.g. npm run serve -- --port ${err.port + 1}`);
    throw err;
  });
  const host = supervisor.current();
  // Under serve.ts (which starts this process again if it dies): the port it listens on, so a
  // restart takes the same one; and its end with serve.ts's, never left running alone.
  if (process.send) {
    process.send({ type: 'listening', port: Number(new URL(host.origin).port) });
    process.once('disconnect', () => void supervisor.close().then(() => process.exit(0)));
  }
  host.warnings.forEach((w) => console.warn(`warning: ${w}`));
  console.log(`Rostrum is running: ${host.engine.file}`);
  console.log(`  control (this machine only, keep it private): ${host.controlUrl}`);
  console.log(`  display (projector):                          ${host.displayUrl}`);
  console.log(`  stage monitor:                                ${host.stageUrl}`);
  console.log(`  clerk (this machine only, asks for the PIN):  ${host.clerkUrl}`);
  console.log(`  reviewers' QR cards: the "QR cards" link in the control view`);
  for (const lan of host.lanOrigins) console.log(`  on the LAN: ${lan}`);
  if (!network.lan) console.log('  phones cannot reach this host: add --lan to score on phones (the control view\'s Network panel can turn it on too)');
  else if (host.lanOrigins.length === 0) console.log(`  warning: no ${network.interface === 'all' ? 'network' : network.interface} address on this machine now: phones cannot reach it until there is one`);
  // The addresses above stay valid across meetings: same port, same keys.
  supervisor.onSwitch((now, failure) => {
    if (failure) console.warn(`warning: ${failure}; ${now.engine.file} is open again`);
    else console.log(`Rostrum switched meetings: ${now.engine.file}`);
    now.warnings.forEach((w) => console.warn(`warning: ${w}`));
  });
  const stop = () => void supervisor.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`rostrum: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
