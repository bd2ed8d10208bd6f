import { createServer } from 'node:net';
import type { Server } from 'node:net';

/** How many ports after a taken one are tried before giving up. */
export const PORTS_TRIED = 20;

/** A port in use: the message says which, so a person can choose another. */
export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    readonly address: string,
  ) {
    super(`port ${port} is already in use on ${address} (another Rostrum, or another program)`);
  }
}

const inUse = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'EADDRINUSE';

/** Listens once; rejects with the listen error (EADDRINUSE becomes a PortTakenError). */
export function listenOn(server: Server, address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (err: Error) => {
      server.off('listening', listening);
      reject(inUse(err) ? new PortTakenError(port, address) : err);
    };
    const listening = () => {
      server.off('error', failed);
      const at = server.address();
      resolve(typeof at === 'object' && at ? at.port : port);
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, address);
  });
}

/**
 * Listens on `port`, or when it is taken on the next free one after it (at most PORTS_TRIED),
 * resolving with the port it got. A port that cannot be used for another reason fails at once.
 */
export async function listenFrom(server: Server, address: string, port: number, tries = PORTS_TRIED): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      return await listenOn(server, address, port + i);
    } catch (err) {
      if (!(err instanceof PortTakenError) || port === 0 || i + 1 >= tries || port + i + 1 > 65535) throw err;
    }
  }
}

/** The first free port from `port` on (or `port` itself when `next` is false), found without keeping it. */
export async function freePort(address: string, port: number, next: boolean): Promise<number> {
  const probe = createServer();
  const got = next ? await listenFrom(probe, address, port) : await listenOn(probe, address, port);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return got;
}
