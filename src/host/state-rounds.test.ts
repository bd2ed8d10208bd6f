import { describe, expect, it } from 'vitest';
import { PHONES_PER_TURN, StateRounds } from './state-rounds';

/** A view that records what it was sent: a phone or a screen. */
interface FakeView {
  name: string;
  phone: boolean;
  got: string[];
}

/** Rounds over fake views, the loop's turns run by hand; a state is a string, each view's message "<state>". */
function setup(o: { phones: number; screens?: number }) {
  const turns: (() => void)[] = [];
  const views = new Set<FakeView>();
  const add = (name: string, phone: boolean) => {
    const v: FakeView = { name, phone, got: [] };
    views.add(v);
    return v;
  };
  const phones = Array.from({ length: o.phones }, (_, i) => add(`phone ${i}`, true));
  const screens = Array.from({ length: o.screens ?? 1 }, (_, i) => add(`screen ${i}`, false));
  let tookOver = 0;
  const rounds = new StateRounds<FakeView, string>({
    views: () => views,
    isPhone: (v) => v.phone,
    connected: (v) => views.has(v),
    begin: (state) => (v) => void v.got.push(state),
    tookOver: () => void tookOver++,
    reply: (v, text) => void v.got.push(text),
    nextTurn: (fn) => void turns.push(fn),
  });
  const turn = () => {
    const now = turns.splice(0);
    now.forEach((fn) => fn());
  };
  const settle = () => {
    while (turns.length > 0) turn();
  };
  const reached = (vs: FakeView[], message: string) => vs.filter((v) => v.got.includes(message)).length;
  return { rounds, views, phones, screens, turn, settle, reached, tookOver: () => tookOver };
}

describe('each change on its way to every view', () => {
  it('goes to the screens on the next turn, then to the phones a few dozen a turn, so nothing else waits behind a hall of phones', () => {
    const { rounds, phones, screens, turn, settle, reached } = setup({ phones: 100, screens: 2 });
    rounds.changed('s1');
    expect(reached([...phones, ...screens], 's1')).toBe(0);
    turn();
    expect(reached(screens, 's1')).toBe(2);
    expect(reached(phones, 's1')).toBe(0);
    turn();
    expect(reached(phones, 's1')).toBe(PHONES_PER_TURN);
    turn();
    expect(reached(phones, 's1')).toBe(2 * PHONES_PER_TURN);
    settle();
    expect(phones.every((p) => p.got.join() === 's1')).toBe(true);
  });

  it('sends changes that land in the same turn as one state, the newest', () => {
    const { rounds, phones, screens, settle } = setup({ phones: 3 });
    rounds.changed('s1');
    rounds.changed('s2');
    settle();
    expect([...phones, ...screens].map((v) => v.got)).toEqual([['s2'], ['s2'], ['s2'], ['s2']]);
  });

  it('sends a reply after the state that shows what it acknowledges, and at once when no change is on its way', () => {
    const { rounds, phones, screens, settle } = setup({ phones: 40 });
    const [screen] = screens as [FakeView];
    const late = phones[39] as FakeView;
    rounds.changed('s1');
    rounds.reply(screen, 'ack screen');
    rounds.reply(late, 'ack phone');
    settle();
    expect(screen.got).toEqual(['s1', 'ack screen']);
    expect(late.got).toEqual(['s1', 'ack phone']);
    rounds.reply(late, 'pong');
    expect(late.got.at(-1)).toBe('pong');
  });

  it('serves first the phones awaiting a reply (the reviewer who just pressed Submit)', () => {
    const { rounds, phones, turn } = setup({ phones: 100 });
    const last = phones[99] as FakeView;
    rounds.changed('s1');
    rounds.reply(last, 'ack ballot');
    turn();
    turn();
    expect(last.got).toEqual(['s1', 'ack ballot']);
  });

  it('gives the phones still waiting for a state the newer one instead, with their replies after it', () => {
    const { rounds, phones, screens, turn, settle, tookOver } = setup({ phones: 100 });
    // 40 reviewers submit together: more than one turn's worth of phones await their ack.
    const submitted = phones.slice(0, 40);
    rounds.changed('locked');
    submitted.forEach((p) => rounds.reply(p, `ack ${p.name}`));
    turn();
    // The reveal comes as the first phones are sent the lock: 68 will not be, 8 of them awaiting their ack.
    rounds.changed('revealed');
    turn();
    expect(screens[0]?.got).toEqual(['locked', 'revealed']);
    expect(tookOver()).toBe(1);
    settle();
    expect(phones[0]?.got).toEqual(['locked', 'ack phone 0', 'revealed']);
    expect(phones[39]?.got).toEqual(['revealed', 'ack phone 39']);
    expect(phones[99]?.got).toEqual(['revealed']);
    expect(phones.filter((p) => p.got.includes('locked'))).toHaveLength(PHONES_PER_TURN);
  });

  it('sends a screen its new state before the phones still waiting for the last one', () => {
    const { rounds, phones, screens, turn } = setup({ phones: 100 });
    const [screen] = screens as [FakeView];
    rounds.changed('locked');
    turn();
    turn();
    rounds.changed('revealed');
    rounds.reply(screen, 'ack reveal');
    turn();
    expect(screen.got).toEqual(['locked', 'revealed', 'ack reveal']);
    expect(phones.filter((p) => p.got.length === 0)).toHaveLength(100 - 2 * PHONES_PER_TURN);
  });

  it('sends nothing to a phone that left while its state was on the way', () => {
    const { rounds, views, phones, turn, settle } = setup({ phones: 40 });
    const gone = phones[39] as FakeView;
    rounds.changed('s1');
    rounds.reply(gone, 'ack');
    turn();
    views.delete(gone);
    settle();
    expect(gone.got).toEqual([]);
  });
});
