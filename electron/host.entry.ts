// The entry of the host's own process, which the shell starts with utilityProcess.fork (main.ts),
// or Node's fork in the tests: its one argument says where the meetings and the views are, which
// port to listen on, and that it runs in a process of its own.
import { HostStartSchema } from './host-process';
import { serveShell } from './host-port';
import { parentPortOf } from './parent-port';

const start = HostStartSchema.parse(JSON.parse(process.argv.at(-1) ?? '{}'));
serveShell(parentPortOf(), start).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('rostrum: the host stopped:', err);
    process.exit(1);
  },
);
