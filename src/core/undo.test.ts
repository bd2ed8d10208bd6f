import { describe, expect, it } from 'vitest';
import { UNDO_DEPTH } from './state';
import { Rehearsal } from './test-support';

describe('undo', () => {
  it('takes back a mistaken "next speaker": the speaker’s clock never stopped', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0);
    const speaking = r.state.live;
    r.ok({ type: 'slot.next' }, 3000);
    expect(r.state.status['a']).toBe('done');
    r.ok({ type: 'undo' }, 4000);
    expect(r.state.live).toEqual(speaking);
    expect(r.state.status['a']).toBe('waiting');
    expect(r.state.history).toEqual([expect.objectContaining({ action: 'timer.started' })]);
  });

  it('undoes step by step, back to the start, then refuses', () => {
    const r = new Rehearsal().ok({ type: 'slot.move', slotId: 'c', sittingId: 'd1', index: 0 }, 0).ok({ type: 'slot.remove', slotId: 'b' }, 1);
    r.ok({ type: 'undo' }, 2);
    expect(r.state.slots.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    r.ok({ type: 'undo' }, 3);
    expect(r.state.slots.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(r.run({ type: 'undo' }, 4)).toMatchObject({ code: 'not_allowed' });
  });

  it('leaves sound settings alone and keeps a bounded history', () => {
    const r = new Rehearsal().ok({ type: 'slot.edit', slotId: 'a', fields: { unit: 'A2' } }, 0).ok({ type: 'audio.set', muted: true }, 1);
    r.ok({ type: 'undo' }, 2);
    expect(r.state.audio.muted).toBe(true);
    expect(r.state.slots[0]?.unit).toBe('A');
    for (let i = 0; i < UNDO_DEPTH + 10; i++) r.ok({ type: 'meeting.rename', title: `t${i}` }, 3 + i);
    expect(r.state.history).toHaveLength(UNDO_DEPTH);
  });

  it('system events (boundaries) are not undone on their own', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).boundary('warning', 2000);
    r.ok({ type: 'undo' }, 2500);
    expect(r.state.live).toBeNull();
  });
});
