import { describe, expect, it } from 'vitest';
import { ClientMessageSchema, HostMessageSchema } from './protocol';
import { viewFor } from './views';
import { Rehearsal } from './test-support';

const pathOf = (value: unknown) => {
  const r = ClientMessageSchema.safeParse(value);
  return r.success ? null : r.error.issues[0]?.path.join('.');
};

describe('the protocol', () => {
  it('accepts well-formed messages', () => {
    expect(ClientMessageSchema.safeParse({ type: 'command', id: 'c1', command: { type: 'timer.adjust', deltaMs: 30_000 } }).success).toBe(true);
    expect(ClientMessageSchema.safeParse({ type: 'ping', id: 1, t0: 5.5 }).success).toBe(true);
  });

  it('rejects malformed ones and says where', () => {
    expect(pathOf({ type: 'hack' })).toBe('type');
    expect(pathOf({ type: 'command', id: 'c1', command: { type: 'timer.adjust', deltaMs: 1.5 } })).toBe('command.deltaMs');
    expect(pathOf({ type: 'command', id: 'c1', command: { type: 'timer.start', extra: true } })).toBe('command');
    expect(pathOf({ type: 'command', id: '', command: { type: 'timer.start' } })).toBe('id');
    expect(pathOf({ type: 'command', id: 'c', command: { type: 'slot.remove', slotId: '../../etc' } })).toBe('command.slotId');
  });

  it('sends views the meeting without undo snapshots, only what undo would take back', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).ok({ type: 'slot.next' }, 1);
    const view = viewFor(r.state, { role: 'host' });
    expect(view.history).toEqual([{ seq: 3, action: 'slot.entered' }]);
    expect(JSON.stringify(view)).not.toContain('before');
    expect(HostMessageSchema.safeParse({ type: 'state', state: JSON.parse(JSON.stringify(view)) }).success).toBe(true);
  });
});
