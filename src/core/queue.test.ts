import { describe, expect, it } from 'vitest';
import { queueStatus } from './queue';
import { Rehearsal, tinyMeeting } from './test-support';

const statuses = (r: Rehearsal) => ['a', 'b', 'c'].map((id) => queueStatus(r.state, id));

describe('the running order', () => {
  it('shows who is live, who is on deck, and who is done', () => {
    const r = new Rehearsal();
    expect(statuses(r)).toEqual(['waiting', 'waiting', 'waiting']);
    r.ok({ type: 'slot.next' }, 0);
    expect(statuses(r)).toEqual(['onDeck', 'waiting', 'waiting']);
    r.ok({ type: 'timer.start' }, 10);
    expect(statuses(r)).toEqual(['live', 'onDeck', 'waiting']);
    r.ok({ type: 'slot.next' }, 20);
    expect(statuses(r)).toEqual(['done', 'onDeck', 'waiting']);
  });

  it('passes over skipped and absent speakers, and comes back to a restored one', () => {
    const r = new Rehearsal().ok({ type: 'slot.mark', slotId: 'b', status: 'skipped' }, 0).ok({ type: 'timer.start' }, 1);
    r.ok({ type: 'slot.next' }, 2);
    expect(r.state.live?.slotId).toBe('c');
    r.ok({ type: 'slot.mark', slotId: 'c', status: 'absent' }, 3);
    expect(r.state.live).toBeNull();
    expect(statuses(r)).toEqual(['done', 'skipped', 'absent']);
    r.ok({ type: 'slot.mark', slotId: 'b', status: 'waiting' }, 4).ok({ type: 'slot.next' }, 5);
    expect(r.state.live?.slotId).toBe('b');
  });

  it('goes back to the previous speaker, who keeps their record until started again', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).ok({ type: 'slot.next' }, 3000).ok({ type: 'slot.prev' }, 4000);
    expect(r.state.live).toMatchObject({ slotId: 'a', mode: 'ready' });
    expect(r.state.records['a']?.[0]?.usedMs).toBe(3000);
    r.ok({ type: 'timer.start' }, 5000);
    expect(r.state.records['a']?.[0]).toMatchObject({ usedMs: 0, startedWall: 1_700_000_005_000 });
  });

  it('calls any slot to the lectern', () => {
    const r = new Rehearsal().ok({ type: 'slot.goto', slotId: 'c' }, 0);
    expect(r.state.live?.slotId).toBe('c');
    expect(r.run({ type: 'slot.goto', slotId: 'zz' }, 1)).toMatchObject({ code: 'not_found' });
  });

  it('does not skip the speaker who is already speaking', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0);
    expect(r.run({ type: 'slot.mark', slotId: 'a', status: 'skipped' }, 1)).toMatchObject({ code: 'not_allowed' });
  });
});

describe('editing the agenda', () => {
  const order = (r: Rehearsal) => r.state.slots.map((s) => `${s.sittingId}:${s.id}`);

  it('adds a speaker with the default phases at the end of a sitting, or where asked', () => {
    const r = new Rehearsal();
    const fields = { unit: 'New', speaker: '', topic: '', phases: r.state.slots[0]!.phases };
    r.ok({ type: 'slot.add', sittingId: 'd1', fields }, 0);
    expect(order(r)).toEqual(['d1:a', 'd1:b', 'd1:n1', 'd2:c']);
    r.ok({ type: 'slot.add', sittingId: 'd2', index: 0, fields }, 1);
    expect(order(r)).toEqual(['d1:a', 'd1:b', 'd1:n1', 'd2:n2', 'd2:c']);
    expect(r.state.status['n2']).toBe('waiting');
  });

  it('moves a speaker within and across sittings', () => {
    const r = new Rehearsal().ok({ type: 'slot.move', slotId: 'b', sittingId: 'd1', index: 0 }, 0);
    expect(order(r)).toEqual(['d1:b', 'd1:a', 'd2:c']);
    r.ok({ type: 'slot.move', slotId: 'b', sittingId: 'd2', index: 5 }, 1);
    expect(order(r)).toEqual(['d1:a', 'd2:c', 'd2:b']);
  });

  it('edits and removes, but never removes the speaker at the lectern', () => {
    const r = new Rehearsal().ok({ type: 'slot.edit', slotId: 'b', fields: { unit: 'Bee' } }, 0);
    expect(r.state.slots[1]?.unit).toBe('Bee');
    r.ok({ type: 'timer.start' }, 1);
    expect(r.run({ type: 'slot.remove', slotId: 'a' }, 2)).toMatchObject({ code: 'not_allowed' });
    r.ok({ type: 'slot.remove', slotId: 'b' }, 3);
    expect(order(r)).toEqual(['d1:a', 'd2:c']);
    expect(r.run({ type: 'slot.edit', slotId: 'a', fields: { phases: [] } }, 4)).not.toBeNull();
  });
});

describe('replacing the agenda', () => {
  const imported = { sittings: [{ id: 'd1', title: '下午' }], slots: [{ id: 's1', sittingId: 'd1', unit: '科技局', speaker: '', topic: '', phases: tinyMeeting().slots[0]?.phases ?? [] }] };

  it('is taken before the meeting starts, and undo brings the old agenda back', () => {
    const r = new Rehearsal().ok({ type: 'agenda.replace', ...imported }, 0);
    expect(r.state.slots.map((s) => s.unit)).toEqual(['科技局']);
    expect(r.state.status).toEqual({ s1: 'waiting' });
    r.ok({ type: 'undo' }, 1);
    expect(r.state.slots.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('is refused once someone has spoken', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0);
    expect(r.run({ type: 'agenda.replace', ...imported }, 1)?.message).toMatch(/the meeting has started/);
  });

  it('is refused when a slot points at a sitting that is not there', () => {
    const r = new Rehearsal();
    expect(r.run({ type: 'agenda.replace', sittings: imported.sittings, slots: [{ ...imported.slots[0]!, sittingId: 'd9' }] }, 0)?.message).toMatch(/no sitting "d9"/);
  });
});
