import { describe, expect, it } from 'vitest';
import { Fanout } from './fanout';

/** A socket that records what it was sent, and turns of the loop run by hand. */
function setup() {
  const turns: (() => void)[] = [];
  const fanout = new Fanout<{ send(t: string): void; got: string[] }>((fn) => turns.push(fn));
  const view = () => {
    const got: string[] = [];
    return { got, send: (t: string) => got.push(t) };
  };
  const turn = () => turns.shift()?.();
  return { fanout, view, turn, turns };
}

describe('the fan-out of changes to many views', () => {
  it('sends to a few dozen views per turn of the loop, so nothing else waits behind a hall of phones', () => {
    const { fanout, view, turn, turns } = setup();
    const phones = Array.from({ length: 100 }, view);
    phones.forEach((p) => fanout.state(p, 'state 1'));
    expect(phones.filter((p) => p.got.length > 0)).toHaveLength(0);
    turn();
    expect(phones.filter((p) => p.got.length > 0)).toHaveLength(32);
    while (turns.length > 0) turn();
    expect(phones.every((p) => p.got.join() === 'state 1')).toBe(true);
  });

  it('replaces a state still queued with the newer one, and keeps a reply after the state it follows', () => {
    const { fanout, view, turn } = setup();
    const phone = view();
    fanout.state(phone, 'state 1');
    fanout.reply(phone, 'ack 1');
    fanout.state(phone, 'state 2');
    turn();
    expect(phone.got).toEqual(['state 2', 'ack 1']);
  });

  it('sends a reply at once when nothing is queued for that view', () => {
    const { fanout, view } = setup();
    const phone = view();
    fanout.reply(phone, 'pong');
    expect(phone.got).toEqual(['pong']);
  });
  it('sends a screen its new state before the phones still waiting for the last one', () => {
    const turns: (() => void)[] = [];
    type Sink = { send(t: string): void; got: string[]; screen: boolean };
    const fanout = new Fanout<Sink>((fn) => turns.push(fn), (v) => v.screen);
    const sink = (screen: boolean): Sink => {
      const got: string[] = [];
      return { got, screen, send: (t: string) => got.push(t) };
    };
    const phones = Array.from({ length: 100 }, () => sink(false));
    const screen = sink(true);
    phones.forEach((p) => fanout.state(p, 'locked'));
    turns.shift()?.();
    fanout.state(screen, 'revealed');
    fanout.reply(screen, 'ack');
    turns.shift()?.();
    expect(screen.got).toEqual(['revealed', 'ack']);
    expect(phones.filter((p) => p.got.length > 0)).toHaveLength(32 + 31);
    while (turns.length > 0) turns.shift()?.();
    expect(phones.every((p) => p.got.join() === 'locked')).toBe(true);
  });
});
