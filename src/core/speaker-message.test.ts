import { describe, expect, it } from 'vitest';
import { actionForKey, actionState } from './actions';
import { replay } from './apply';
import type { MeetingEvent } from './events';
import { messageShown, parsePresetLines, presetLines } from './speaker-message';
import { Rehearsal } from './test-support';
import { mono } from './time';
import type { Mono } from './time';
import { viewFor } from './views';

const key = (code: string) => ({ code, mod: false, alt: false });
const show = { type: 'message.show', text: { zh: '请抓紧时间', en: 'Please speed up' }, target: 'stage', flash: true, durationMs: 10_000 } as const;

describe('messages to the speaker', () => {
  it('shows on the screen it is meant for, from the instant it was sent, and hides itself when its time is up', () => {
    const r = new Rehearsal().ok(show, 1000);
    const m = r.state.message;
    expect(messageShown(m, 'stage', mono(1000))).toBe(true);
    expect(messageShown(m, 'display', mono(1000))).toBe(false);
    expect(messageShown(m, 'stage', mono(10_999))).toBe(true);
    expect(messageShown(m, 'stage', mono(11_000))).toBe(false);
  });

  it('stays until hidden when no duration is given, and hiding is undoable like any host action', () => {
    const r = new Rehearsal().ok({ ...show, target: 'both', durationMs: null }, 0);
    expect(messageShown(r.state.message, 'display', mono(3_600_000))).toBe(true);
    r.ok({ type: 'message.hide' }, 5000);
    expect(r.state.message).toBeNull();
    expect(r.run({ type: 'message.hide' }, 6000)?.code).toBe('not_allowed');
    r.ok({ type: 'undo' }, 7000);
    expect(r.state.message?.text.zh).toBe('请抓紧时间');
    r.ok({ type: 'undo' }, 8000);
    expect(r.state.message).toBeNull();
  });

  it('keys 1–3 send the meeting’s presets on both screens, 0 hides, and edited presets are what the keys send', () => {
    const r = new Rehearsal();
    const one = actionForKey(actionState(r.state), null, key('Digit1'));
    expect(one?.command(actionState(r.state), null)).toEqual({ type: 'message.show', text: { zh: '请抓紧时间', en: 'Please speed up' }, target: 'both', flash: false, durationMs: null });
    r.ok({ type: 'message.presets', presets: [{ zh: '还有一分钟', en: 'One minute left' }] }, 0);
    const edited = actionForKey(actionState(r.state), null, key('Digit1'));
    r.ok(edited!.command(actionState(r.state), null), 10);
    expect(r.state.message?.text.zh).toBe('还有一分钟');
    expect(actionForKey(actionState(r.state), null, key('Digit2'))).toBeUndefined();
    expect(actionForKey(actionState(r.state), null, key('Digit0'))?.name).toBe('hideMessage');
  });

  it('the full stop blacks the projector out and brings it back', () => {
    const r = new Rehearsal();
    const press = () => r.ok(actionForKey(actionState(r.state), null, key('Period'))!.command(actionState(r.state), null), 0);
    press();
    expect(r.state.blackout).toBe(true);
    press();
    expect(r.state.blackout).toBe(false);
    expect(r.run({ type: 'screen.blackout', on: false }, 0)?.code).toBe('not_allowed');
  });

  it('a timed message still ends on time after the host machine rebooted (its anchor moves with the clock)', () => {
    const r = new Rehearsal().ok(show, 1000);
    const rebased = { type: 'clock.rebased', shiftMs: -900, seq: r.events.length + 1, at: 2000 as Mono, wall: 0 as never, by: { role: 'system' } } as MeetingEvent;
    const s = replay([...r.events, rebased]);
    expect(messageShown(s!.message, 'stage', mono(10_099))).toBe(true);
    expect(messageShown(s!.message, 'stage', mono(10_100))).toBe(false);
  });

  it('reaches the hall’s screens and the host, never a reviewer’s phone', () => {
    const r = new Rehearsal().ok(show, 0).ok({ type: 'screen.blackout', on: true }, 0);
    expect(viewFor(r.state, { role: 'display' }).message?.text.zh).toBe('请抓紧时间');
    expect(viewFor(r.state, { role: 'host' }).blackout).toBe(true);
    const phone = viewFor(r.state, { role: 'reviewer', reviewerId: 'x' });
    expect([phone.message, phone.blackout, phone.messagePresets]).toEqual([null, false, []]);
  });

  it('presets are edited as lines, "中文 | English" or one language', () => {
    const presets = parsePresetLines(' 请抓紧时间 | Speed up \n\n请注意音量\n');
    expect(presets).toEqual([
      { zh: '请抓紧时间', en: 'Speed up' },
      { zh: '请注意音量', en: '' },
    ]);
    expect(parsePresetLines(presetLines(presets))).toEqual(presets);
  });
});
