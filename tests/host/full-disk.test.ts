import { execFileSync } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { HostMessage } from '../../src/core/protocol';
import type { ViewState } from '../../src/core/views';
import { readLog } from '../../src/host/event-log';
import { startHost } from '../../src/host/index';
import { scoredMeeting, shortMeeting } from '../fixtures/meetings';
import { kill, startChildHost } from './child-host';
import type { ChildHost } from './child-host';
import { tempDir, TestClient } from './support';

/**
 * A real short write: the host runs under a file size limit (RLIMIT_FSIZE, set with util-linux's
 * prlimit), so the write that crosses it is cut short by the kernel and the next one fails with
 * EFBIG, exactly as on a disk that fills up mid-write. Raising the limit on the running process
 * is the space coming back.
 */
describe('a disk that fills up during the meeting', () => {
  let host: ChildHost | null = null;
  afterAll(async () => {
    if (host) await kill(host);
  });

  it('acknowledges and shows nothing that is not wholly on disk, cuts the file back to its last good line, and goes on in the same file once there is room', { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const uiDir = join(dir, 'ui');
    await mkdir(uiDir);
    await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>stub</title>');
    const meetingPath = join(dir, 'full.rostrum.jsonl');
    // The speech's warning is due 5 s after its start: by then the disk is full.
    const first = await startHost({ meetingPath, port: 0, uiDir, newMeeting: { ...scoredMeeting(), slots: shortMeeting(8000).slots } });
    await first.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
    // Each reviewer's phone opens its card while there is room (the claim is written once).
    for (const id of ['l1', 'l2', 'p2', 'u1']) {
      const phone = await TestClient.open(first.origin, first.tokens.reviewerToken(id) ?? '', 'review');
      await phone.next('welcome');
      phone.close();
    }
    await first.close();

    // Room for the timer's start and two ballots: the third crosses the limit part-way through its line.
    const limit = (await stat(meetingPath)).size + 1600;
    host = await startChildHost(meetingPath, uiDir, ['prlimit', `--fsize=${limit}:unlimited`]);
    const running = host;
    const clerk = await TestClient.open(running.origin, running.tokens.clerk, 'clerk');
    await clerk.next('welcome');
    const control = await TestClient.open(running.origin, running.hostToken, 'control');
    await control.next('welcome');
    expect(await control.command({ type: 'timer.start' })).toMatchObject({ type: 'ack' });
    const shown: ViewState[] = [];
    clerk.ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as HostMessage;
      if (msg.type === 'state') shown.push(msg.state);
    });
    const phones = await Promise.all(['l1', 'l2', 'p2', 'u1'].map((id) => TestClient.open(running.origin, running.tokens.reviewers[id] ?? '', 'review')));
    const ballot = (n: number) => ({ type: 'ballot.submit', slotId: 'a', submissionId: `ballot-${n}-0000`, scores: [String(70 + n)], comment: '满'.repeat(100) });

    const acked: string[] = [];
    let refused: { n: number; message: string } | null = null;
    for (let n = 0; n < 40 && !refused; n++) {
      const sizeBefore = (await stat(meetingPath)).size;
      const reply = await (phones[n % phones.length] as TestClient).command(ballot(n));
      if (reply.type === 'ack') acked.push(ballot(n).submissionId);
      else {
        expect(reply).toMatchObject({ type: 'error', code: 'unavailable' });
        refused = { n, message: reply.type === 'error' ? reply.message : '' };
        // The part of the line that reached the file was cut off again: the log ends at its last good line.
        expect((await stat(meetingPath)).size).toBe(sizeBefore);
      }
    }
    expect(refused?.message).toMatch(/^nothing was recorded: the meeting file cannot be written: the file has reached the largest size allowed \(EFBIG\)/);
    expect(acked.length).toBeGreaterThanOrEqual(2);
    const failed = ballot(refused?.n ?? 0);
    const text = await readFile(meetingPath, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain(failed.submissionId);

    // Small changes fill what room is left, until one more does not fit either.
    let volume = 0;
    while ((await control.command({ type: 'audio.set', volume: (volume += 1) / 100 })).type === 'ack');
    // A command refused for want of space shows in no view: not the pause, not the ballot.
    expect(await control.command({ type: 'timer.pause' })).toMatchObject({ type: 'error', code: 'unavailable' });
    const now = await stateOf(running);
    expect(now.live?.mode).toBe('running');
    expect(now.audio.volume).toBe((volume - 1) / 100);
    expect(Object.values(now.ballots['a'] ?? {}).flatMap((b) => b.submissions)).not.toContain(failed.submissionId);
    const late = await TestClient.open(running.origin, running.tokens.clerk, 'clerk');
    const welcome = await late.next('welcome');
    expect(welcome.state.live?.mode).toBe('running');
    expect(shown.some((s) => s.live?.mode !== 'running' || JSON.stringify(s.ballots).includes(failed.submissionId))).toBe(false);

    // The warning falls due while nothing can be written: it is not shown as reached, and is tried again.
    const startedAt = now.live?.startedAt ?? 0;
    await vi.waitFor(() => expect(monoNow()).toBeGreaterThan(startedAt + 5200), { timeout: 10_000, interval: 50 });
    expect((await stateOf(running)).live?.fired).toEqual([]);

    // Space comes back: the warning is recorded (at its due instant), the same phone's retry of
    // its ballot is taken, the host pauses: all in the same file.
    execFileSync('prlimit', ['--pid', String(running.proc.pid), '--fsize=unlimited']);
    await vi.waitFor(async () => expect((await stateOf(running)).live?.fired).toEqual(['warning']), { timeout: 5000, interval: 100 });
    expect(await (phones[(refused?.n ?? 0) % phones.length] as TestClient).command(failed)).toMatchObject({ type: 'ack' });
    expect(await control.command({ type: 'timer.pause' })).toMatchObject({ type: 'ack' });
    expect((await stateOf(running)).live?.mode).toBe('paused');
    [clerk, control, late, ...phones].forEach((c) => c.close());
    await kill(running);
    host = null;

    const { events, damage, warnings } = await readLog(meetingPath);
    expect(damage).toBeNull();
    expect(warnings).toEqual([]);
    const submissions = events.flatMap((e) => (e.type === 'ballot.submitted' ? [e.submissionId] : []));
    expect(submissions).toEqual([...acked, failed.submissionId]);
    expect(events.filter((e) => e.type === 'boundary.reached').map((e) => [e.boundary, e.at])).toEqual([['warning', startedAt + 5000]]);
    expect(events.at(-1)?.type).toBe('timer.paused');
  });
});

/** The host's clock: the same monotonic clock, in another process on this machine. */
const monoNow = () => Number(process.hrtime.bigint()) / 1e6;

async function stateOf(host: ChildHost): Promise<ViewState> {
  const res = await fetch(`${host.origin}/api/v1/state`, { headers: { authorization: `Bearer ${host.tokens.clerk}` } });
  return (await res.json()) as ViewState;
}
