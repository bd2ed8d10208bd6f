import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Ids from '../../src/core/ids';
import type { MeetingSetup } from '../../src/core/meeting';
import { commentPhase, speechPhase } from '../../src/core/meeting';
import { computeResults } from '../../src/core/results';
import { defaultScoring } from '../../src/core/scoring.setup';
import type { MeetingState } from '../../src/core/state';
import { checkedView } from '../../src/core/views';
import { startHost } from '../../src/host/index';
import { snapshotFile } from '../../src/host/snapshot';
import { startTestHost, TestClient } from './support';

// The first wall taken down: ids as the pattern allowed them before it excluded the names every
// object has, as a slip in that pattern (or a file written by hand) might let through again. The
// meeting's dictionaries must hold on their own: this is the second wall (core/dict.ts).
vi.mock('../../src/core/ids', async (original) => {
  const real = await original<typeof Ids>();
  const { z } = await import('zod');
  const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
  return { ...real, ID_PATTERN, IdSchema: z.string().regex(ID_PATTERN) };
});

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

/** Four speakers and four reviewers, each named as a member every object inherits. */
function inheritedNames(): MeetingSetup {
  const phases = [speechPhase(60_000), commentPhase(60_000)];
  const scoring = defaultScoring();
  return {
    title: 'Names',
    sittings: [{ id: 'd1', title: 'One' }],
    slots: NAMES.map((id, i) => ({ id, sittingId: 'd1', unit: `Unit ${i}`, speaker: id, topic: '', phases })),
    scoring: { ...scoring, reviewers: NAMES.map((id) => ({ id, name: `Reviewer ${id}`, groupId: 'leaders', unit: '' })) },
  };
}

const ownKeys = (o: object): string[] => Object.keys(o).sort();
const SORTED = [...NAMES].sort();

let hosts: { close(): Promise<void> }[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  for (const h of hosts.splice(0)) await h.close();
});

async function open(origin: string, token: string | undefined, view: string): Promise<TestClient> {
  const c = await TestClient.open(origin, token ?? 'missing', view);
  clients.push(c);
  await c.next('welcome');
  return c;
}

describe('ids named as every object’s members (the id pattern bypassed)', { timeout: 30_000 }, () => {
  it('time, scoring, results and every view’s broadcast work, and the meeting reopens the same from its snapshot and from its log', async () => {
    const host = await startTestHost({ newMeeting: inheritedNames() });
    hosts.push(host);
    const control = await open(host.origin, host.tokens.host, 'control');
    const display = await open(host.origin, host.tokens.display, 'display');
    const phones = await Promise.all(NAMES.map((id) => open(host.origin, host.tokens.reviewerToken(id), 'review')));
    const run = async (command: unknown) => expect([command, await control.command(command)]).toMatchObject([command, { type: 'ack' }]);

    // Each speaker through their speech (status, timing records and scoring windows by slot id).
    for (const [i, slotId] of NAMES.entries()) {
      if (i > 0) await run({ type: 'slot.next' });
      await run({ type: 'timer.start' });
      await run({ type: 'phase.next' });
      expect(host.engine.current().windows).toHaveProperty([slotId], 'open');
    }
    // Every reviewer scores every speaker (ballots by slot, then by reviewer id).
    for (const [r, phone] of phones.entries()) {
      for (const [s, slotId] of NAMES.entries()) {
        const reply = await phone.command({ type: 'ballot.submit', slotId, submissionId: `sub-${r}-${s}-0000`, scores: [String(60 + r * 10 + s)], comment: '' });
        expect(reply).toMatchObject({ type: 'ack' });
      }
    }
    for (const slotId of NAMES) await run({ type: 'scoring.lock', slotId });
    // The last speaker finishes (results are shown between speakers), then the first score is shown.
    await run({ type: 'phase.next' });
    await run({ type: 'results.reveal', reveal: { kind: 'slot', slotId: '__proto__' } });

    const state = host.engine.current();
    // Nothing replaced a dictionary's prototype, and every entry is the object's own.
    expect(Object.getPrototypeOf(state.ballots)).toBe(Object.prototype);
    expect(ownKeys(state.ballots)).toEqual(SORTED);
    for (const slotId of NAMES) {
      const bySlot = Object.getOwnPropertyDescriptor(state.ballots, slotId)?.value as MeetingState['ballots'][string];
      expect(Object.getPrototypeOf(bySlot)).toBe(Object.prototype);
      expect(ownKeys(bySlot)).toEqual(SORTED);
    }
    expect(ownKeys(state.windows)).toEqual(SORTED);
    expect(ownKeys(state.records)).toEqual(SORTED);
    expect(ownKeys(state.openedAt)).toEqual(SORTED);

    // Results: each slot scored by its four reviewers, in exact decimals.
    const results = computeResults(state);
    expect(results.map((r) => [r.slotId, r.final])).toEqual(NAMES.map((id, s) => [id, `${75 + s}.00`]));

    // Every role's view is built and passes its own checks, the clerk's too.
    for (const audience of [{ role: 'host' }, { role: 'clerk' }, { role: 'display' }, ...NAMES.map((reviewerId) => ({ role: 'reviewer' as const, reviewerId }))] as const) {
      expect(checkedView(state, audience)).toMatchObject({ ok: true });
    }

    // The broadcast reached every view: the control view has every result, the display the revealed
    // score, each phone its own four ballots and nobody else's.
    await expect.poll(() => lastState(control)?.seq).toBe(state.seq);
    expect(lastState(control)?.results.map((r) => r.slotId)).toEqual([...NAMES]);
    await expect.poll(() => lastState(display)?.reveal).toEqual({ kind: 'slot', slotId: '__proto__' });
    expect(lastState(display)?.results).toEqual([expect.objectContaining({ slotId: '__proto__', final: '75.00' })]);
    for (const [r, phone] of phones.entries()) {
      await expect.poll(() => lastState(phone)?.ballots && ownKeys(lastState(phone)!.ballots)).toEqual(SORTED);
      for (const slotId of NAMES) expect(ownKeys(Object.getOwnPropertyDescriptor(lastState(phone)!.ballots, slotId)?.value as object)).toEqual([NAMES[r]]);
    }

    // Reopened from its snapshot, then from its log alone: the same meeting.
    const file = join(host.dir, 'meeting.rostrum.jsonl');
    clients.splice(0).forEach((c) => c.close());
    hosts = [];
    await host.close();
    const expected = JSON.parse(JSON.stringify(state)) as MeetingState;
    for (const from of ['snapshot', 'log'] as const) {
      if (from === 'log') await rm(snapshotFile(file));
      const again = await startHost({ meetingPath: file, port: 0, uiDir: join(host.dir, 'ui') });
      hosts.push(again);
      expect(again.engine.readOnly, from).toBeNull();
      expect(JSON.parse(JSON.stringify(again.engine.current())), from).toEqual(expected);
      expect(computeResults(again.engine.current()), from).toEqual(results);
      await hosts.pop()?.close();
    }
  });
});

/** The newest state a client was sent, read from what arrived (a phone's state is sent in two pieces, joined). */
function lastState(client: TestClient): (MeetingState & { results: { slotId: string; final: string | null }[]; reveal: unknown }) | undefined {
  const last = client.log.map((m) => JSON.parse(m) as { type: string; state?: unknown }).filter((m) => m.type === 'state').at(-1);
  return last?.state as ReturnType<typeof lastState>;
}
