import { createSocket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode } from 'node-osc';
import type { MeetingEvent } from '../src/core/events';
import type { Output } from '../src/core/outputs';
import { BenchClient } from './clients';
import { judged, reported } from './figure';
import type { Figure } from './figure';
import { HostProcess } from './host-process';
import { speak, tempMeeting } from './host.bench';
import { benchMeeting } from './meetings';
import { max, percentile, round } from './stats';

/** This machine's monotonic clock, as the host's (src/host/clock.ts): the same clock in every process. */
const monoNow = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * Each boundary's OSC message, from the instant the boundary was due until a real UDP listener on
 * loopback has it, while a webhook on the same moments goes to a target that never answers.
 */
export async function outputs(o: { speakers: number; phases: number }): Promise<Figure[]> {
  const arrived = new Map<string, number>();
  const mixer = createSocket('udp4');
  mixer.on('message', (msg) => {
    const at = monoNow();
    const { args } = decode(msg) as { args: { value: string }[] };
    arrived.set(args.map((a) => a.value).join('/'), at);
  });
  await new Promise<void>((resolve) => mixer.bind(0, '127.0.0.1', resolve));
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));

  const meetingPath = await tempMeeting();
  const host = await HostProcess.start({ meetingPath, setup: benchMeeting(o.speakers, 0, true, o.phases) });
  const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control', true);
  const on: Output['on'] = ['warning', 'danger', 'zero'];
  const list: Output[] = [
    { id: 'dead', name: 'A webhook that never answers', enabled: true, on, target: { kind: 'http', method: 'POST', url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, headers: [], body: '{"unit":"{unit}"}', timeoutMs: 30_000 } },
    { id: 'mixer', name: 'Mixer', enabled: true, on, target: { kind: 'osc', host: '127.0.0.1', port: (mixer.address() as AddressInfo).port, address: '/rostrum/cue', args: ['slotId', 'phaseNo', 'event'].map((p) => ({ type: 'string' as const, value: `{${p}}` })) } },
  ];
  const configured = await control.command({ type: 'outputs.configure', outputs: list });
  if (!configured.ok) throw new Error(`outputs refused: ${configured.raw}`);
  for (let i = 0; i < o.speakers; i++) await speak(control, i === 0, o.phases);
  // The last cut-off's packet is on its way: a moment for it to land.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { lateness } = await host.stats();
  control.close();
  await host.close();
  silent.closeAllConnections();
  silent.close();
  mixer.close();

  const lines = (await readFile(meetingPath, 'utf8')).trim().split('\n').slice(1);
  const boundaries = lines.map((l) => JSON.parse(l) as MeetingEvent).filter((e) => e.type === 'boundary.reached');
  const late = boundaries.flatMap((e) => {
    const got = arrived.get(`${e.slotId}/${e.phaseIndex + 1}/${e.boundary}`);
    return got === undefined ? [] : [got - e.at];
  });
  const lost = boundaries.length - late.length;
  const worst = [...late].sort((a, b) => b - a).slice(0, 8);
  const note = `${late.length} boundaries (${o.speakers} speakers × ${o.phases} phases, warning, danger, 0:00), each an OSC message to a UDP listener on loopback in the bench's process, measured from the boundary's due instant (the host's monotonic clock, the same in both processes) to its arrival; every boundary also fires a webhook to a listener that never answers; ${lost} lost; worst: ${worst.map((x) => round(x, 1)).join(', ')} ms; the boundaries themselves fired after their due instants p50 ${round(percentile(lateness, 50))} ms, p99 ${round(percentile(lateness, 99))} ms`;
  return [
    reported('output sent after its boundary (OSC on loopback), p50', 'ms', round(percentile(late, 50))),
    // A message that never arrived is a miss whatever the others' times.
    { ...judged('output sent after its boundary (OSC on loopback), p99', 'ms', round(percentile(late, 99)), 5, note), ...(lost > 0 ? { pass: false } : {}) },
    reported('output sent after its boundary (OSC on loopback), max', 'ms', round(max(late))),
  ];
}
