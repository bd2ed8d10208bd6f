import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoredMeeting } from '../fixtures/meetings';
import type { Command } from '../../src/core/commands';
import type { IntegrationView } from '../../src/core/integration-view';
import { IntegrationViewSchema } from '../../src/core/view-schemas';
import type { HostMessage } from '../../src/core/protocol';
import type { Audience, ViewState } from '../../src/core/views';
import { viewProblem } from '../../src/core/views';
import { phoneFor, startTestHost, TestClient } from './support';

/*
 * A whole scored meeting over real sockets, with every role watching: each message each role
 * receives, and its GET /api/v1/state after every step, is recorded and then held to what that
 * role may see. Ballot totals are unusual halves, so a leak of one shows in the text itself.
 */

const BALLOTS: Record<string, Record<string, string>> = {
  a: { l1: '91.5', l2: '73.5', p2: '88.5', u1: '66.5' },
  b: { l1: '84.5', l2: '62.5', p1: '77.5', u1: '95.5' },
};
const TOTALS = Object.values(BALLOTS).flatMap((bySlot) => Object.values(bySlot));

interface Watcher {
  name: string;
  audience: Audience;
  token: string;
  view: string;
  client: TestClient;
  fetched: ViewState[];
}

let host: Awaited<ReturnType<typeof startTestHost>>;
const watchers: Watcher[] = [];
/** A control surface with the integration key: it has no socket, so it reads GET /api/v1/state after each step. */
const integration: { key: string; fetched: string[] } = { key: '', fetched: [] };

const views = (w: Watcher): ViewState[] => [
  ...w.client.log.map((text) => JSON.parse(text) as HostMessage).flatMap((m) => (m.type === 'welcome' || m.type === 'state' ? [m.state] : [])),
  ...w.fetched,
];

async function watch(name: string, audience: Audience, token: string, view: string): Promise<void> {
  const client = await TestClient.open(host.origin, token, view);
  watchers.push({ name, audience, token, view, client, fetched: [] });
  await client.next('welcome');
}

/** Every role's own GET /api/v1/state, after each step. */
async function fetchAll(): Promise<void> {
  for (const w of watchers) {
    const headers: Record<string, string> = { authorization: `Bearer ${w.token}` };
    if (w.audience.role === 'reviewer') headers['x-rostrum-phone'] = phoneFor(w.token);
    const res = await fetch(`${host.origin}/api/v1/state`, { headers });
    expect(res.status).toBe(200);
    w.fetched.push((await res.json()) as ViewState);
  }
  const res = await fetch(`${host.origin}/api/v1/state`, { headers: { authorization: `Bearer ${integration.key}` } });
  expect(res.status).toBe(200);
  integration.fetched.push(await res.text());
}

async function byHost(command: Command): Promise<void> {
  expect(await host.engine.execute(command, { role: 'host', device: 'test' }), command.type).toMatchObject({ ok: true });
}
const watcher = (name: string): Watcher => watchers.find((w) => w.name === name) as Watcher;

async function scoreSlot(slotId: string): Promise<void> {
  for (const [reviewerId, total] of Object.entries(BALLOTS[slotId] ?? {})) {
    const reply = await watcher(reviewerId).client.command({ type: 'ballot.submit', slotId, submissionId: `sub-${slotId}-${reviewerId}`, scores: [total], comment: `note ${total}` });
    expect(reply).toMatchObject({ type: 'ack' });
    await fetchAll();
  }
}

beforeAll(async () => {
  host = await startTestHost({ newMeeting: scoredMeeting(), oscPort: 0 });
  await host.integration.create();
  integration.key = host.tokens.integration ?? '';
  await watch('host', { role: 'host' }, host.tokens.host, 'control');
  await watch('display', { role: 'display' }, host.tokens.display, 'display');
  await watch('stage', { role: 'display' }, host.tokens.display, 'stage');
  await watch('clerk', { role: 'clerk' }, host.tokens.clerk, 'clerk');
  for (const r of host.engine.current().scoring.reviewers) await watch(r.id, { role: 'reviewer', reviewerId: r.id }, host.tokens.reviewerToken(r.id) ?? '', 'review');
  await fetchAll();

  // Unit A speaks; its speech ends and scoring opens; four reviewers score it; it is locked and shown.
  for (const command of [{ type: 'timer.start' }, { type: 'phase.next' }] as const) {
    await byHost(command);
    await fetchAll();
  }
  await scoreSlot('a');
  // Results go on the big screen between speakers: B is called up (not started) first.
  for (const command of [{ type: 'scoring.lock', slotId: 'a' }, { type: 'slot.next' }, { type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, { type: 'results.hide' }] as const) {
    await byHost(command);
    await fetchAll();
  }
  // Unit B: scored, locked, then the ranking revealed place by place and hidden again.
  await byHost({ type: 'scoring.open', slotId: 'b' });
  await scoreSlot('b');
  for (const command of [
    { type: 'scoring.lock', slotId: 'b' },
    { type: 'results.reveal', reveal: { kind: 'ranking', shown: 1 } },
    { type: 'results.reveal', reveal: { kind: 'ranking', shown: 2 } },
    { type: 'results.hide' },
    // Last, a change every role's view shows: once each has it, each has heard everything before it.
    { type: 'scoring.open', slotId: 'c' },
  ] as const) {
    await byHost(command);
    await fetchAll();
  }
  const last = host.engine.current().seq;
  await Promise.all(watchers.map((w) => waitForSeq(w, last)));
});

afterAll(async () => {
  watchers.forEach((w) => w.client.close());
  await host.close();
});

async function waitForSeq(w: Watcher, seq: number): Promise<void> {
  while (!views(w).some((v) => v.seq >= seq)) await w.client.next('state');
}

/** Everything a role was told, as text: the messages and the fetched states. */
const told = (w: Watcher): string => [...w.client.log, ...w.fetched.map((v) => JSON.stringify(v))].join('\n');

describe('what each role receives through a whole scored meeting', () => {
  it('holds every view of every role to its role’s schema', () => {
    for (const w of watchers) {
      expect(views(w).length, w.name).toBeGreaterThan(10);
      for (const view of views(w)) expect(viewProblem(w.audience, view), `${w.name} at seq ${view.seq}`).toBeNull();
    }
  });

  it('gives no ballot total, comment or group score to the host, and a result only once its slot is locked', () => {
    const w = watcher('host');
    const text = told(w);
    for (const total of TOTALS) expect(text.includes(`"${total}"`), `"${total}"`).toBe(false);
    expect(text.includes('note '), 'note ').toBe(false);
    expect(text.includes('"totals"'), '"totals"').toBe(false);
    for (const view of views(w)) {
      expect(Object.keys(view.ballots)).toEqual([]);
      for (const r of view.results) expect(view.windows[r.slotId], `seq ${view.seq}`).toBe('locked');
    }
    // What the host does learn: who has handed in, and the locked result.
    const final = views(w).at(-1);
    expect(final?.submitted['a']?.sort()).toEqual(['l1', 'l2', 'p2', 'u1']);
    expect(final?.results.map((r) => r.slotId).sort()).toEqual(['a', 'b']);
    expect(final?.results[0]?.groups?.[0]?.score).toMatch(/^\d+\.\d\d$/);
  });

  it('gives the projector and the stage only what they draw, and a score only while it is revealed', () => {
    for (const name of ['display', 'stage']) {
      const w = watcher(name);
      const text = told(w);
      for (const total of TOTALS) expect(text.includes(`"${total}"`), `"${total}"`).toBe(false);
      for (const secret of ['note ', '"totals"', '"weighted"', '"penalty"', 'Leader One', '"submissions"']) expect(text.includes(secret), secret + name).toBe(false);
      for (const view of views(w)) {
        if (view.reveal === null) expect(view.results, `${name} at seq ${view.seq}`).toEqual([]);
        for (const r of view.results) expect(Object.keys(r).sort()).toEqual(['final', 'grade', 'provisional', 'rank', 'slotId', 'unit']);
      }
      expect(views(w).some((v) => v.results.length === 2)).toBe(true);
    }
  });

  it('gives each reviewer their own ballots and no one else’s', () => {
    for (const r of host.engine.current().scoring.reviewers) {
      const w = watcher(r.id);
      const text = told(w);
      const mine = Object.values(BALLOTS).flatMap((bySlot) => (bySlot[r.id] ? [bySlot[r.id]] : []));
      for (const total of TOTALS.filter((t) => !mine.includes(t))) expect(text.includes(`"${total}"`), `"${total}"` + r.id).toBe(false);
      for (const view of views(w)) {
        expect(view.scoring.reviewers.map((x) => x.id)).toEqual([r.id]);
        expect(view.results).toEqual([]);
        expect(view.live).toBeNull();
      }
      expect(views(w).at(-1)?.ballots['b']?.[r.id]?.scores ?? []).toEqual(BALLOTS['b']?.[r.id] ? [BALLOTS['b'][r.id]] : []);
    }
  });

  it('gives the integration key the clock, the phase and the units, and not one score, ballot, comment, reviewer or key', () => {
    const views = integration.fetched.map((text) => JSON.parse(text) as IntegrationView);
    expect(views.length).toBeGreaterThan(10);
    for (const view of views) expect(IntegrationViewSchema.safeParse(view).error, `seq ${view.seq}`).toBeUndefined();
    const text = integration.fetched.join('\n');
    for (const total of TOTALS) expect(text.includes(`"${total}"`), total).toBe(false);
    const reviewers = host.engine.current().scoring.reviewers;
    const keys = [host.tokens.host, host.tokens.display, host.tokens.clerk, integration.key, ...reviewers.map((r) => host.tokens.reviewerToken(r.id) ?? '')];
    const secrets = ['note ', '"totals"', '"final"', '"rank"', '"grade"', '"scores"', '"ballots"', '"results"', '"submitted"', '"reviewers"', '"windows"', ...reviewers.map((r) => r.name), ...keys];
    for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
    // What it is for: the clock of the speaker at the lectern, and who is next.
    expect(views.some((v) => v.live?.mode === 'running' && v.live.unit === 'Unit A' && v.next?.slotId === 'b')).toBe(true);
  });

  it('gives the clerk everything: every ballot and every total', () => {
    const w = watcher('clerk');
    const final = views(w).at(-1);
    expect(final?.ballots['a']?.['l1']?.scores).toEqual(['91.5']);
    expect(final?.results.find((r) => r.slotId === 'a')?.groups?.[0]?.totals).toEqual(['91.5', '73.5']);
    // The clerk sees a slot's result while it is still open; the host does not.
    expect(views(w).some((v) => v.windows['b'] === 'open' && v.results.some((r) => r.slotId === 'b' && r.final !== null))).toBe(true);
  });
});
