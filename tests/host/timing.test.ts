import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../../src/core/events';
import type { RunningHost } from '../../src/host/index';
import { systemClock } from '../../src/host/clock';
import { FakeTime } from './fake-time';
import { startTestHost } from './support';

let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

/** What the log holds once every write so far has landed. */
const loggedEvents = async (dir: string): Promise<MeetingEvent[]> => {
  await host?.engine.settled();
  return (await readFile(join(dir, 'meeting.rostrum.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l) as MeetingEvent);
};

describe('boundary events', () => {
  it('fire at their exact due instant: warning, danger, then the cut-off at 0:00', async () => {
    const time = new FakeTime();
    const h = await startTestHost({ clock: time, timers: time });
    host = h;
    const start = time.now();
    await h.engine.execute({ type: 'timer.start' }, { role: 'host' });
    time.advance(6000);
    const boundaries = (await loggedEvents(h.dir)).filter((e) => e.type === 'boundary.reached');
    expect(boundaries.map((e) => [e.type === 'boundary.reached' && e.boundary, e.at - start])).toEqual([
      ['warning', 2000],
      ['danger', 3500],
      ['zero', 5000],
    ]);
    const live = h.engine.current().live;
    expect(live).toMatchObject({ mode: 'cutoff', elapsedBefore: 5000 });
    expect(h.engine.current().records['a']?.[0]).toMatchObject({ cutoff: true, usedMs: 5000 });
  });

  it('are re-armed when the host adds time: the cut-off moves 30 s later', async () => {
    const time = new FakeTime();
    const h = await startTestHost({ clock: time, timers: time });
    host = h;
    const start = time.now();
    await h.engine.execute({ type: 'timer.start' }, { role: 'host' });
    time.advance(4000);
    await h.engine.execute({ type: 'timer.adjust', deltaMs: 30_000 }, { role: 'host' });
    time.advance(40_000);
    const zero = (await loggedEvents(h.dir)).find((e) => e.type === 'boundary.reached' && e.boundary === 'zero');
    expect(zero && zero.at - start).toBe(35_000);
  });

  it('with the machine’s own timers, fire on their instant, never before it', async () => {
    const h = await startTestHost();
    host = h;
    const woke: { boundary: string; early: number }[] = [];
    const record = h.engine.recordSystem.bind(h.engine);
    h.engine.recordSystem = (body, at) => {
      if (body.type === 'boundary.reached') woke.push({ boundary: body.boundary, early: at - systemClock.now() });
      return record(body, at);
    };
    const zero = new Promise<void>((resolve) => h.engine.onChange(({ event }) => event.type === 'boundary.reached' && event.boundary === 'zero' && resolve()));
    await h.engine.execute({ type: 'timer.start' }, { role: 'host' });
    // 0:00 in 0.4 s: the timer wakes early and waits out the last moment.
    await h.engine.execute({ type: 'timer.adjust', deltaMs: -4600 }, { role: 'host' });
    await zero;
    expect(woke.map((w) => w.boundary)).toEqual(['warning', 'danger', 'zero']);
    expect(woke.every((w) => w.early <= 0)).toBe(true);
  });

  it('are not fired while the phase is paused', async () => {
    const time = new FakeTime();
    const h = await startTestHost({ clock: time, timers: time });
    host = h;
    await h.engine.execute({ type: 'timer.start' }, { role: 'host' });
    time.advance(1000);
    await h.engine.execute({ type: 'timer.pause' }, { role: 'host' });
    time.advance(60_000);
    expect((await loggedEvents(h.dir)).some((e) => e.type === 'boundary.reached')).toBe(false);
  });
});

describe('the event log', () => {
  it('reopens a meeting with its timer still running from the same anchors', async () => {
    const first = await startTestHost({ newMeeting: undefined });
    const file = join(first.dir, 'meeting.rostrum.jsonl');
    await first.engine.execute({ type: 'timer.start' }, { role: 'host' });
    const before = first.engine.current().live;
    await first.close();
    const { startHost } = await import('../../src/host/index');
    host = await startHost({ meetingPath: file, port: 0, uiDir: join(first.dir, 'ui') });
    expect(host.engine.current().live).toEqual(before);
    expect(host.engine.current().live?.mode).toBe('running');
  });

  it('moves running anchors into the new clock after a reboot, keeping the time the speaker has used', async () => {
    const before = new FakeTime(5_000_000, Date.UTC(2026, 1, 14, 6, 0, 0));
    const first = await startTestHost({ clock: before, timers: before });
    const file = join(first.dir, 'meeting.rostrum.jsonl');
    await first.engine.execute({ type: 'timer.start' }, { role: 'host' });
    await first.close();
    // The machine rebooted 20 s later: its monotonic clock restarted near zero.
    const after = new FakeTime(800, Date.UTC(2026, 1, 14, 6, 0, 20));
    const { startHost } = await import('../../src/host/index');
    host = await startHost({ meetingPath: file, port: 0, uiDir: join(first.dir, 'ui'), clock: after, timers: after });
    const live = host.engine.current().live;
    expect(live && after.now() - (live.startedAt ?? 0)).toBe(20_000);
    expect((await loggedEvents(first.dir)).at(-1)).toMatchObject({ type: 'clock.rebased' });
  });
});
