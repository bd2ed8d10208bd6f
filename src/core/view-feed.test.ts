import { describe, expect, it } from 'vitest';
import { defaultScoring } from './scoring.setup';
import { Rehearsal, tinyMeeting } from './test-support';
import { ViewFeed } from './view-feed';
import type { PhoneText, Viewer } from './view-feed';
import type { Audience } from './views';
import { checkedView, viewFor, viewProblem } from './views';

/** Three speakers, two leaders; unit A has spoken, scoring for it is open, and l1 has scored it. */
function scored(): Rehearsal {
  const scoring = defaultScoring();
  const r = new Rehearsal({
    ...tinyMeeting(),
    scoring: {
      ...scoring,
      reviewers: [
        { id: 'l1', name: 'Leader One', groupId: 'leaders', unit: '' },
        { id: 'l2', name: 'Leader Two', groupId: 'leaders', unit: '' },
      ],
    },
  });
  return r
    .ok({ type: 'timer.start' }, 0)
    .ok({ type: 'phase.next' }, 1000)
    .ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'sub-000001', scores: ['91.5'], comment: 'good' }, 2000, { role: 'reviewer', reviewerId: 'l1' });
}

const ROLES: Audience[] = [{ role: 'host' }, { role: 'clerk' }, { role: 'display' }, { role: 'reviewer', reviewerId: 'l1' }];

describe('the views of each role', () => {
  it('pass their own role’s schema at every step of a meeting', () => {
    const r = scored()
      .ok({ type: 'scoring.lock', slotId: 'a' }, 3000)
      .ok({ type: 'slot.next' }, 3500)
      .ok({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, 4000);
    for (const audience of ROLES) expect(viewProblem(audience, viewFor(r.state, audience)), audience.role).toBeNull();
  });

  it('are refused for any field a role may not have, or any field at all the schema does not name', () => {
    const state = scored().state;
    const host = viewFor(state, { role: 'host' });
    expect(viewProblem({ role: 'host' }, { ...host, ballots: state.ballots })).toMatch(/^ballots/);
    expect(viewProblem({ role: 'host' }, { ...host, secret: 1 })).toMatch(/secret/);
    // Open slot a has a score; the host learns it only once the slot is locked.
    const clerk = viewFor(state, { role: 'clerk' });
    expect(viewProblem({ role: 'host' }, { ...host, results: clerk.results })).toMatch(/^results/);
    const display = viewFor(state, { role: 'display' });
    expect(viewProblem({ role: 'display' }, { ...display, results: [{ slotId: 'a', unit: 'A', final: '91.50', rank: 1, grade: null, provisional: false }] })).toMatch(/revealed|reveals/);
    expect(viewProblem({ role: 'display' }, { ...display, submitted: { a: ['l1'] } })).toMatch(/^submitted/);
    const phone = viewFor(state, { role: 'reviewer', reviewerId: 'l2' });
    expect(viewProblem({ role: 'reviewer', reviewerId: 'l2' }, { ...phone, ballots: state.ballots })).toMatch(/another reviewer/);
    expect(viewProblem({ role: 'reviewer', reviewerId: 'l2' }, viewFor(state, { role: 'reviewer', reviewerId: 'l1' }))).toMatch(/l2/);
  });

  it('give the host a locked slot’s group scores, never a ballot’s total', () => {
    const state = scored().ok({ type: 'scoring.lock', slotId: 'a' }, 3000).state;
    const checked = checkedView(state, { role: 'host' });
    expect(checked.ok && checked.view.results[0]?.groups?.[0]).toEqual({ groupId: 'leaders', name: '主要领导', weight: '0.5', score: '91.50' });
  });
});

describe('the view feed', () => {
  const viewer = (audience: Audience): Viewer => ({ audience });
  const text = (t: string | PhoneText | null): string | null => (t === null ? null : typeof t === 'string' ? t : `${t.head}${t.own}}}`);

  it('sends each role its view, and a phone nothing while only the clock changes', () => {
    const r = scored();
    const feed = new ViewFeed(() => undefined);
    const [host, phone] = [viewer({ role: 'host' }), viewer({ role: 'reviewer', reviewerId: 'l1' })];
    feed.welcome(r.state, host);
    feed.welcome(r.state, phone);
    r.ok({ type: 'timer.pause' }, 2500);
    const round = feed.round(r.state);
    expect(JSON.parse(text(round(host)) ?? 'null')).toEqual({ type: 'state', state: viewFor(r.state, { role: 'host' }) });
    expect(round(phone)).toBeNull();
    r.ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'sub-000002', scores: ['80'], comment: '' }, 3000, { role: 'reviewer', reviewerId: 'l1' });
    expect(JSON.parse(text(feed.round(r.state)(phone)) ?? 'null')).toEqual({ type: 'state', state: viewFor(r.state, { role: 'reviewer', reviewerId: 'l1' }) });
  });

  it('sends a screen nothing while only the seq changes, and the new view once it shows something new', () => {
    const r = scored();
    const feed = new ViewFeed(() => undefined);
    const [display, host] = [viewer({ role: 'display' }), viewer({ role: 'host' })];
    feed.welcome(r.state, display);
    feed.welcome(r.state, host);
    // A second ballot and the lock: the host sees both, the big screen neither.
    r.ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'sub-000002', scores: ['80'], comment: '' }, 2500, { role: 'reviewer', reviewerId: 'l2' });
    let round = feed.round(r.state);
    expect(round(display)).toBeNull();
    expect(round(host)).not.toBeNull();
    r.ok({ type: 'scoring.lock', slotId: 'a' }, 3000);
    expect(feed.round(r.state)(display)).toBeNull();
    // Between speakers the screen shows the next one; then the score revealed.
    r.ok({ type: 'slot.next' }, 3200);
    expect(feed.round(r.state)(display)).not.toBeNull();
    r.ok({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, 3500);
    round = feed.round(r.state);
    expect(JSON.parse(text(round(display)) ?? 'null')).toEqual({ type: 'state', state: viewFor(r.state, { role: 'display' }) });
    // A second big screen connected since is sent the same view, the first nothing again.
    const late = viewer({ role: 'display' });
    expect(round(late)).not.toBeNull();
    expect(round(display)).toBeNull();
  });

  it('sends a phone nothing for another reviewer’s ballots, and its view as soon as its own ballot changes, in any slot', () => {
    const r = scored();
    const feed = new ViewFeed(() => undefined);
    const [l1, l2] = [viewer({ role: 'reviewer', reviewerId: 'l1' }), viewer({ role: 'reviewer', reviewerId: 'l2' })];
    feed.welcome(r.state, l1);
    feed.welcome(r.state, l2);
    const ballot = (slotId: string, reviewerId: string, score: string, at: number) =>
      r.ok({ type: 'ballot.submit', slotId, submissionId: `sub-${slotId}-${reviewerId}-${at}`, scores: [score], comment: '' }, at, { role: 'reviewer', reviewerId });
    const sent = (v: Viewer) => {
      const t = feed.round(r.state)(v);
      return t === null ? null : (JSON.parse(text(t) ?? 'null') as { state: unknown }).state;
    };
    ballot('a', 'l2', '70', 2500);
    expect(sent(l1)).toBeNull();
    ballot('a', 'l2', '71', 3500);
    expect(sent(l1)).toBeNull();
    // Slot b opens and takes its first ballot (l2's): a slot more in the ballots.
    r.ok({ type: 'slot.next' }, 4000).ok({ type: 'timer.start' }, 4100).ok({ type: 'phase.next' }, 4200);
    expect(sent(l1)).not.toBeNull();
    ballot('b', 'l2', '60', 4300);
    expect(sent(l1)).toBeNull();
    ballot('b', 'l1', '65', 4400);
    expect(sent(l1)).toEqual(viewFor(r.state, { role: 'reviewer', reviewerId: 'l1' }));
    ballot('a', 'l1', '92', 5400);
    expect(sent(l1)).toEqual(viewFor(r.state, { role: 'reviewer', reviewerId: 'l1' }));
  });

  it('sends nothing of a view that fails its role’s schema, and says why', () => {
    const r = scored();
    const refused: string[] = [];
    const feed = new ViewFeed((audience, problem) => refused.push(`${audience.role}: ${problem}`));
    // A phone of a reviewer taken off the roster: its own part names no reviewer.
    const ghost = viewer({ role: 'reviewer', reviewerId: 'gone' });
    expect(feed.welcome(r.state, ghost)).toBeNull();
    expect(feed.round(r.state)(ghost)).toBeNull();
    expect(refused).toEqual([expect.stringMatching(/^reviewer: scoring.reviewers/), expect.stringMatching(/^reviewer: scoring.reviewers/)]);
  });
  it('after a state some phones were never sent, the next is compared with what each phone had, not with that state', () => {
    const [sent, skipped] = [viewer({ role: 'reviewer', reviewerId: 'l1' }), viewer({ role: 'reviewer', reviewerId: 'l2' })];
    const run = (forget: boolean) => {
      const feed = new ViewFeed(() => undefined);
      const at = scored();
      feed.welcome(at.state, sent);
      feed.welcome(at.state, skipped);
      // Scoring opens for slot b: every phone's view changes; only the first phone is sent it
      // before a newer state (a pause: nothing a phone sees) takes over.
      at.ok({ type: 'scoring.open', slotId: 'b' }, 2500);
      expect(feed.round(at.state)(sent)).not.toBeNull();
      at.ok({ type: 'timer.pause' }, 2600);
      if (forget) feed.forgetLast();
      return { next: feed.round(at.state), state: at.state };
    };
    expect(run(false).next(skipped)).toBeNull();
    const { next, state } = run(true);
    expect(JSON.parse(text(next(skipped)) ?? 'null')).toEqual({ type: 'state', state: viewFor(state, { role: 'reviewer', reviewerId: 'l2' }) });
    expect(next(sent)).toBeNull();
  });
});
