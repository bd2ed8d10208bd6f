// The entry of the host's own process, which the shell starts with utilityProcess.fork (main.ts):
// its one argument says where the meetings and the views are, and which port to listen on.
import { HostStartSchema } from './host-process';
import { serveShell } from './host-port';

const start = HostStartSchema.parse(JSON.parse(process.argv.at(-1) ?? '{}'));
serveShell(process.parentPort, start).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('rostrum: the host stopped:', err);
    process.exit(1);
  },
);
