import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { encode } from 'node-osc';
import { expand } from '../core/output-template';
import type { PlaceholderValues } from '../core/output-template';
import { numberProblem } from '../core/outputs';
import type { OscTarget, OutputOutcome } from '../core/outputs';
import { failure } from './output-failure';

/**
 * How long a socket stays open after its packet left: UDP has no answer, but a machine with no one
 * listening on that port says so (ICMP "port unreachable"), which a connected socket hears as
 * ECONNREFUSED a moment later. The result then turns from sent to refused.
 */
const LINGER_MS = 1000;
/** A name that does not resolve in this long (a dead DNS server) is given up on. */
const LOOKUP_MS = 2000;

/** The OSC message for this moment: placeholders filled, each argument of its declared type. */
export function oscPacket(target: OscTarget, values: PlaceholderValues): Buffer {
  const args = target.args.map((arg, i) => {
    const text = expand(arg.value, values);
    if (arg.type === 'string') return { type: 'string', value: text };
    const problem = numberProblem(arg.type, text);
    if (problem !== null) throw new Error(`argument ${i + 1}: ${problem}`);
    return { type: arg.type === 'int' ? 'integer' : 'float', value: Number(text) };
  });
  return encode({ oscType: 'message', address: expand(target.address, values), args });
}

/**
 * Sends one OSC message over UDP. Resolves once the packet has left (sent) or could not (why);
 * `later` hears if the target's machine then refuses it (no one listens on that port).
 */
export function sendOsc(target: OscTarget, values: PlaceholderValues, later: (outcome: OutputOutcome) => void): Promise<OutputOutcome> {
  let packet: Buffer;
  try {
    packet = oscPacket(target, values);
  } catch (err) {
    return Promise.resolve({ kind: 'error', message: (err as Error).message });
  }
  const socket = createSocket(isIPv6(target.host) ? 'udp6' : 'udp4');
  socket.unref();
  let settled = false;
  let open = true;
  const close = () => {
    if (open) socket.close();
    open = false;
  };
  return new Promise<OutputOutcome>((resolve) => {
    const done = (outcome: OutputOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(lookup);
      resolve(outcome);
      if (outcome.kind !== 'sent') return close();
      setTimeout(close, LINGER_MS).unref();
    };
    const lookup = setTimeout(() => done({ kind: 'timeout', afterMs: LOOKUP_MS }), LOOKUP_MS);
    lookup.unref();
    socket.on('error', (err) => {
      if (!settled) return done(failure(err));
      // After the packet left: the machine said no one listens there.
      later(failure(err));
      close();
    });
    socket.connect(target.port, target.host, () => socket.send(packet, (err) => done(err ? failure(err) : { kind: 'sent' })));
  });
}
