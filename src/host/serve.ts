import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HOST_V8_FLAGS } from './process-flags';
import { RestartBudget } from './restart-budget';

/**
 * Serve mode as `npm run serve` runs it: the host (cli.ts) in a process of its own, started again
 * when it dies, on the same port, as the desktop app does; every screen and phone reconnects by
 * itself and the meeting reopens from its log. Five deaths within a minute: it stops and says why.
 */
const args = process.argv.slice(2);
const hostFile = fileURLToPath(new URL(`./cli${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
const budget = new RestartBudget();
let child: ChildProcess | null = null;
let stopping = false;

/** The port the first host chose (with --port 0), so a restarted host is where the screens look for it. */
function withPort(port: number | null): string[] {
  if (port === null) return args;
  const i = args.indexOf('--port');
  return i >= 0 ? [...args.slice(0, i), '--port', String(port), ...args.slice(i + 2)] : [...args, '--port', String(port)];
}

let port: number | null = null;
function start(): void {
  const proc = fork(hostFile, withPort(port), { execArgv: [...new Set([...process.execArgv, ...HOST_V8_FLAGS])], stdio: 'inherit' });
  child = proc;
  console.log(`rostrum: host process ${proc.pid} started`);
  proc.on('message', (msg: { type?: string; port?: number }) => {
    if (msg.type === 'listening' && typeof msg.port === 'number') port = msg.port;
  });
  proc.once('exit', (code, signal) => {
    child = null;
    if (stopping || code === 0) return process.exit(0);
    const how = signal ? `was ended by ${signal}` : `exited with code ${code}`;
    const next = budget.died(Date.now());
    if ('giveUp' in next) {
      console.error(`rostrum: the host ${how}; ${next.giveUp}, so it is not started again. Its last messages are above.`);
      return process.exit(1);
    }
    console.error(`rostrum: the host ${how}; starting it again in ${next.restartInMs / 1000} s (same port, same meeting)`);
    setTimeout(start, next.restartInMs);
  });
}

const stop = () => {
  stopping = true;
  if (child) child.kill('SIGTERM');
  else process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
start();
