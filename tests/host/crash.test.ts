import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { MeetingSetup } from '../../src/core/meeting';
import { speechPhase, commentPhase } from '../../src/core/meeting';
import { defaultScoring } from '../../src/core/scoring.setup';
import type { ViewState } from '../../src/core/views';
import { kill, startChildHost } from './child-host';
import type { ChildHost } from './child-host';
import { tempDir, phoneFor } from './support';

/** Runs in `npm test`; `CRASH_RUNS=200 npm run crash-drill` for the long version. */
const RUNS = Number(process.env['CRASH_RUNS'] ?? 20);
const REVIEWERS = 50;

const monoNow = () => Number(process.hrtime.bigint()) / 1e6;

function hall(): MeetingSetup {
  const groups = ['leaders', 'peers', 'users'];
  return {
    title: 'Crash drill',
    sittings: [{ id: 'd1', title: 'Afternoon' }],
    slots: [{ id: 'a', sittingId: 'd1', unit: 'Unit A', speaker: 'Ann', topic: '', phases: [speechPhase(), commentPhase()] }],
    scoring: { ...defaultScoring(), reviewers: Array.from({ length: REVIEWERS }, (_, i) => ({ id: `r${i + 1}`, name: `Reviewer ${i + 1}`, groupId: groups[i % 3] ?? 'users', unit: '' })) },
  };
}

/** A bare protocol client that only keeps what the drill checks: which requests were acknowledged. */
class DrillClient {
  private nextId = 0;
  private waiting = new Map<string, (ok: boolean) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string; id?: string };
      if ((msg.type === 'ack' || msg.type === 'error') && msg.id) {
        this.waiting.get(msg.id)?.(msg.type === 'ack');
        this.waiting.delete(msg.id);
      }
    });
    // A killed host drops the socket: whatever was not acknowledged simply never is.
    ws.on('close', () => this.waiting.forEach((done) => done(false)));
    ws.on('error', () => undefined);
  }
  static open(origin: string, token: string, view: string): Promise<DrillClient> {
    // A reviewer's phone is the same phone after every restart: the card it claimed is still its own.
    const phone = view === 'review' ? `&phone=${phoneFor(token)}` : '';
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}&view=${view}${phone}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new DrillClient(ws)));
      ws.once('error', reject);
    });
  }
  command(command: unknown): Promise<boolean> {
    const id = `d${++this.nextId}`;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ type: 'command', id, command }));
    });
  }
  close(): void {
    this.ws.terminate();
  }
}

/** Where a drill submission id (`r1-run3-n7-xx`) comes in its reviewer's sequence. */
const order = (id: string): number => {
  const [, run, n] = /-run(\d+)-n(\d+)-/.exec(id) ?? [];
  return Number(run) * 1_000_000 + Number(n);
};

/**
 * Every acknowledged ballot is there: a ballot remembers its newest submissions only
 * (SUBMISSIONS_KEPT), so each acknowledged id is either remembered or older than all it remembers
 * (replaced by later ballots on disk), and the newest acknowledged is never missing.
 */
function expectKept(who: string, acked: Set<string>, kept: string[]): void {
  const oldest = Math.min(...kept.map(order));
  const missing = [...acked].filter((id) => !kept.includes(id) && order(id) >= oldest);
  expect(missing, `${who}'s acknowledged ballots`).toEqual([]);
  expect(Math.max(...kept.map(order)), `${who}'s newest ballot`).toBeGreaterThanOrEqual(Math.max(...[...acked].map(order)));
}

async function stateOf(host: ChildHost): Promise<ViewState> {
  const res = await fetch(`${host.origin}/api/v1/state`, { headers: { authorization: `Bearer ${host.tokens.clerk}` } });
  return (await res.json()) as ViewState;
}

describe('the host killed with SIGKILL at random moments', () => {
  let current: ChildHost | null = null;
  afterAll(async () => {
    if (current) await kill(current);
  });

  it(`loses no acknowledged ballot or command, and the timer keeps its anchors (${RUNS} kills, ${REVIEWERS} reviewers)`, { timeout: 30_000 + RUNS * 8000 }, async () => {
    const dir = await tempDir();
    const uiDir = join(dir, 'ui');
    await mkdir(uiDir);
    await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>stub</title>');
    const meetingPath = join(dir, 'drill.rostrum.jsonl');
    // The meeting file is created by a first host from this setup, then only ever reopened.
    const { startHost } = await import('../../src/host/index');
    const first = await startHost({ meetingPath, port: 0, uiDir, newMeeting: hall() });
    await first.close();

    const acked = new Map<string, Set<string>>();
    let adjustsAcked = 0;
    let started: { sent: number; acked: number } | null = null;

    for (let run = 0; run < RUNS; run++) {
      current = await startChildHost(meetingPath, uiDir);
      const host = current;

      // Everything acknowledged before every earlier kill is still there.
      const state = await stateOf(host);
      for (const [reviewerId, ids] of acked) expectKept(`run ${run}: ${reviewerId}`, ids, state.ballots['a']?.[reviewerId]?.submissions ?? []);
      expect(state.live?.adjustMs ?? 0).toBeGreaterThanOrEqual(adjustsAcked * 30_000);
      if (started) {
        // The reopened timer runs from the very anchor it started with: within the start command's round trip.
        expect(state.live?.mode).toBe('running');
        expect(state.live?.startedAt).toBeGreaterThanOrEqual(started.sent - 1);
        expect(state.live?.startedAt).toBeLessThanOrEqual(started.acked + 1);
      }

      const control = await DrillClient.open(host.origin, host.hostToken, 'control');
      if (!started) {
        expect(await control.command({ type: 'scoring.open', slotId: 'a' })).toBe(true);
        const sent = monoNow();
        expect(await control.command({ type: 'timer.start' })).toBe(true);
        started = { sent, acked: monoNow() };
      }
      const reviewers = await Promise.all(Object.entries(host.tokens.reviewers).map(async ([id, token]) => ({ id, client: await DrillClient.open(host.origin, token, 'review') })));

      let alive = true;
      const submitting = reviewers.map(async ({ id, client }) => {
        for (let n = 0; alive; n++) {
          const submissionId = `${id}-run${run}-n${n}-xx`;
          const ok = await client.command({ type: 'ballot.submit', slotId: 'a', submissionId, scores: [String(60 + (n % 40))], comment: '' });
          if (!ok) return;
          acked.set(id, (acked.get(id) ?? new Set()).add(submissionId));
        }
      });
      const adjusting = (async () => {
        while (alive) {
          if (!(await control.command({ type: 'timer.adjust', deltaMs: 30_000 }))) return;
          adjustsAcked++;
        }
      })();

      await new Promise((r) => setTimeout(r, 50 + Math.random() * 450));
      await kill(host);
      alive = false;
      await Promise.all([...submitting, adjusting]);
      reviewers.forEach((r) => r.client.close());
      control.close();
    }
    current = await startChildHost(meetingPath, uiDir);
    const final = await stateOf(current);
    const total = [...acked.values()].reduce((n, s) => n + s.size, 0);
    for (const [reviewerId, ids] of acked) expectKept(`at the end: ${reviewerId}`, ids, final.ballots['a']?.[reviewerId]?.submissions ?? []);
    expect(total).toBeGreaterThan(RUNS * 10);
  });
});

/** The host process itself: under strace, the child spawned is strace, and the host is its child. */
function hostPid(host: ChildHost): number {
  const pid = host.proc.pid ?? 0;
  return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]);
}

describe('the host killed while a write waits for its acknowledgement', () => {
  let current: ChildHost | null = null;
  afterAll(async () => {
    if (current) await kill(current);
  });

  it('the ballot written but not yet fsynced is there once or not at all, and the phone\'s retry of it is taken once', { timeout: 90_000 }, async () => {
    const dir = await tempDir();
    const uiDir = join(dir, 'ui');
    await mkdir(uiDir);
    await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>stub</title>');
    const meetingPath = join(dir, 'inflight.rostrum.jsonl');
    const { startHost } = await import('../../src/host/index');
    const first = await startHost({ meetingPath, port: 0, uiDir, newMeeting: hall() });
    await first.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
    await first.close();

    // Every fdatasync the host makes (the one before each acknowledgement) is held 3 s on entry:
    // a ballot's line is then in the file while its fsync, and so its ack, has not happened yet.
    current = await startChildHost(meetingPath, uiDir, ['strace', '-f', '-qq', '--seccomp-bpf', '-o', '/dev/null', '-e', 'trace=fdatasync', '-e', 'inject=fdatasync:delay_enter=3000000']);
    const slow = current;
    const phone = await DrillClient.open(slow.origin, slow.tokens.reviewers['r1'] ?? '', 'review');
    const ballot = (n: number) => ({ type: 'ballot.submit', slotId: 'a', submissionId: `inflight-${n}-00000`, scores: [String(80 + n)], comment: '' });
    expect(await phone.command(ballot(1))).toBe(true);
    const answered = phone.command(ballot(2));
    await vi.waitFor(async () => expect(await readFile(meetingPath, 'utf8')).toContain(ballot(2).submissionId), { timeout: 10_000, interval: 20 });
    const exited = new Promise((resolve) => slow.proc.once('exit', resolve));
    process.kill(hostPid(slow), 'SIGKILL');
    await exited;
    current = null;
    expect(await answered).toBe(false);

    current = await startChildHost(meetingPath, uiDir);
    const reopened = current;
    const control = await DrillClient.open(reopened.origin, reopened.hostToken, 'control');
    control.close();
    const kept = (await stateOf(reopened)).ballots['a']?.['r1']?.submissions ?? [];
    expect(kept.slice(0, 1)).toEqual([ballot(1).submissionId]);
    expect(kept.filter((id) => id === ballot(2).submissionId).length).toBeLessThanOrEqual(1);
    // The phone heard nothing back, so it sends the same ballot again when it reconnects.
    const again = await DrillClient.open(reopened.origin, reopened.tokens.reviewers['r1'] ?? '', 'review');
    expect(await again.command(ballot(2))).toBe(true);
    again.close();
    expect((await stateOf(reopened)).ballots['a']?.['r1']?.submissions).toEqual([ballot(1).submissionId, ballot(2).submissionId]);
    const lines = (await readFile(meetingPath, 'utf8')).split('\n').filter((l) => l.includes(ballot(2).submissionId));
    expect(lines).toHaveLength(1);
  });
});
