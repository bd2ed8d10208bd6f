import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeBigLog } from './big-log';
import { BenchClient, openReviewers } from './clients';
import { judged, reported } from './figure';
import type { Figure } from './figure';
import { HostProcess } from './host-process';
import { PhoneFleet } from './phone-fleet';
import { benchMeeting } from './meetings';
import { epochNow, max, percentile, round } from './stats';

export const tempMeeting = async (name = 'bench.rostrum.jsonl'): Promise<string> => join(await mkdtemp(join(tmpdir(), 'rostrum-bench-')), name);

/**
 * One speaker: each phase through warning, danger and 0:00 (brought forward by −4.8 s), the next
 * phase started as the host's N does; then the next speaker is called.
 */
export async function speak(control: BenchClient, first: boolean, phases = 1): Promise<void> {
  if (!first) await control.command({ type: 'slot.next' });
  await control.command({ type: 'timer.start' });
  for (let p = 0; p < phases; p++) {
    if (p > 0) await control.command({ type: 'phase.next' });
    await control.until((s) => (s.live?.phaseIndex === p && s.live.fired.includes('danger')) ?? false);
    await control.command({ type: 'timer.adjust', deltaMs: -4800 });
    await control.until((s) => s.live?.phaseIndex === p && s.live.mode === 'cutoff');
  }
}

/** Warnings, dangers and cut-offs fired by the host, measured against their due instants, with phones connected. */
export async function boundaries(o: { speakers: number; phases: number; clients: number }): Promise<Figure[]> {
  const host = await HostProcess.start({ meetingPath: await tempMeeting(), setup: benchMeeting(o.speakers, o.clients, true, o.phases) });
  const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control', true);
  const phones = await openReviewers(host.ready.origin, host.ready.reviewerTokens, o.clients);
  for (let i = 0; i < o.speakers; i++) await speak(control, i === 0, o.phases);
  const { lateness, loopDelayP99Ms, loopDelayMaxMs } = await host.stats();
  const worst = [...lateness].sort((a, b) => b - a).slice(0, 12);
  [control, ...phones].forEach((c) => c.close());
  await host.close();
  const note = `${lateness.length} boundaries (${o.speakers} speakers × ${o.phases} phases), ${o.clients} phones connected; worst: ${worst.map((x) => round(x, 1)).join(', ')} ms; host event-loop delay p99 ${round(loopDelayP99Ms)} ms, max ${round(loopDelayMaxMs)} ms`;
  return [
    reported('boundary fired after its due instant, p50', 'ms', round(percentile(lateness, 50))),
    judged('boundary fired after its due instant, p99', 'ms', round(percentile(lateness, 99)), 1, note),
    reported('boundary fired after its due instant, max', 'ms', round(max(lateness))),
  ];
}

/** A host command until every view has the new state, with 10, 50 and 200 phones on loopback. */
export async function fanout(o: { sizes: number[]; commands: number }): Promise<Figure[]> {
  const biggest = Math.max(...o.sizes);
  const host = await HostProcess.start({ meetingPath: await tempMeeting(), setup: benchMeeting(20, biggest) });
  const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control');
  // The phones in a process of their own, started for this bench: as devices of their own, they
  // read their messages beside the bench, and nothing an earlier bench left slows them.
  const fleet = PhoneFleet.start();
  const figures: Figure[] = [];
  for (const n of o.sizes) {
    await fleet.openPhones(host.ready.origin, host.ready.reviewerTokens, n);
    const everyView: number[] = [];
    const acked: number[] = [];
    for (let k = 0; k < o.commands; k++) {
      await fleet.arm();
      const sent = epochNow();
      // A change every phone sees (the timer's are not sent to phones at all).
      const { at } = await control.command({ type: 'meeting.rename', title: `Bench ${n} clients, change ${k}` });
      acked.push(performance.timeOrigin + at - sent);
      everyView.push((await fleet.collect()) - sent);
    }
    await fleet.closePhones();
    const note = `${o.commands} renames of the meeting; from sending to the last of ${n} phones receiving the state, fsync included (the sender's ack, on disk: p50 ${round(percentile(acked, 50))} ms, p99 ${round(percentile(acked, 99))} ms)`;
    figures.push(reported(`command → every view has it, ${n} clients, p50`, 'ms', round(percentile(everyView, 50))));
    const p99 = round(percentile(everyView, 99));
    figures.push(n === biggest ? judged(`command → every view has it, ${n} clients, p99`, 'ms', p99, 30, note) : reported(`command → every view has it, ${n} clients, p99`, 'ms', p99, note));
  }
  control.close();
  await fleet.close();
  await host.close();
  return figures;
}

/**
 * A whole meeting with every phone connected: each speaker through warning, danger and 0:00, then
 * all reviewers submitting at the same instant (each ballot fsynced before its ack), then the
 * ranking revealed; the host's memory is read at the end.
 */
export async function fullMeeting(o: { speakers: number; reviewers: number }): Promise<Figure[]> {
  const host = await HostProcess.start({ meetingPath: await tempMeeting(), setup: benchMeeting(o.speakers, o.reviewers, true) });
  const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control', true);
  const phones = await openReviewers(host.ready.origin, host.ready.reviewerTokens, o.reviewers);
  const before = await host.stats();
  const acks: number[] = [];
  const allAcked: number[] = [];
  for (let i = 0; i < o.speakers; i++) {
    await speak(control, i === 0);
    const slotId = `s${i + 1}`;
    await control.command({ type: 'scoring.open', slotId });
    const ids = phones.map((_, k) => `b-${slotId}-${k}-000000`);
    const replies = phones.map((p, k) => p.waitRaw((raw) => raw.includes(`"id":"${ids[k]}"`)));
    const messages = phones.map((_, k) => JSON.stringify({ type: 'command', id: ids[k], command: { type: 'ballot.submit', slotId, submissionId: ids[k], scores: [String(70 + (k % 30))], comment: '' } }));
    const sent = performance.now();
    phones.forEach((p, k) => p.sendRaw(messages[k] ?? ''));
    const got = await Promise.all(replies);
    const refused = got.filter((g) => !g.raw.startsWith('{"type":"ack"'));
    if (refused.length > 0) throw new Error(`ballots refused: ${refused[0]?.raw}`);
    const times = got.map((g) => g.at - sent);
    acks.push(...times);
    allAcked.push(max(times));
    await control.command({ type: 'scoring.lock', slotId });
  }
  await control.command({ type: 'results.reveal', reveal: { kind: 'ranking', shown: o.speakers } });
  const { rss, heapUsed, heapTotal, external } = await host.stats();
  const settled = await host.stats({ reduce: true });
  const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
  [control, ...phones].forEach((c) => c.close());
  await host.close();
  const n = o.reviewers;
  return [
    judged(`${n} reviewers submit at once: all acked (worst of ${o.speakers} speakers)`, 'ms', round(max(allAcked)), 300, 'each ballot fsynced before its ack'),
    reported(`${n} reviewers submit at once: ack p50`, 'ms', round(percentile(acks, 50))),
    reported(`${n} reviewers submit at once: ack p99`, 'ms', round(percentile(acks, 99))),
    judged(`host memory after a full meeting, ${n} clients`, 'MB RSS', mb(settled.rss), 150, `${o.speakers} speakers, ${o.speakers * n} ballots, ranking revealed, every client connected, after a memory-reducing collection: heap used ${mb(settled.heapUsed)} MB of ${mb(settled.heapTotal)} MB reserved, external ${mb(settled.external)} MB; before the meeting, clients connected: ${mb(before.rss)} MB RSS, heap ${mb(before.heapUsed)} of ${mb(before.heapTotal)} MB`),
    reported(`host memory after a full meeting, ${n} clients, plain collection`, 'MB RSS', mb(rss), `before the memory-reducing one: heap used ${mb(heapUsed)} MB of ${mb(heapTotal)} MB reserved (pages freed but kept for reuse), external ${mb(external)} MB`),
  ];
}

/** From startHost() to listening with the state loaded, in a fresh process. */
export async function startup(o: { events: number }): Promise<Figure[]> {
  const agenda = await tempMeeting();
  const fresh = await HostProcess.start({ meetingPath: agenda, setup: benchMeeting(20, 200) });
  await fresh.close();
  const reopened = await HostProcess.start({ meetingPath: agenda });
  await reopened.close();
  const big = await tempMeeting('day.rostrum.jsonl');
  await writeBigLog(big, o.events);
  const cold = await HostProcess.start({ meetingPath: big });
  await cold.close();
  const warm = await HostProcess.start({ meetingPath: big });
  await warm.close();
  const tsx = (r: typeof warm.ready) => `process start → ready ${round(r.sinceProcessStartMs, 0)} ms, of which ${round(r.importMs, 0)} ms loading the host's modules`;
  const count = o.events.toLocaleString('en');
  return [
    judged('host ready: 20-speaker meeting', 'ms', round(reopened.ready.startMs), 1000, tsx(reopened.ready)),
    judged(`host ready: ${count}-event log, no snapshot yet`, 'ms', round(cold.ready.startMs), 1000, tsx(cold.ready)),
    judged(`host ready: ${count}-event log, from its snapshot`, 'ms', round(warm.ready.startMs), 1000, tsx(warm.ready)),
  ];
}
