import { describe, expect, it } from 'vitest';
import type { Stage } from '../../core/phase-clock';
import { ClockPainter } from './clock-painter';
import type { ClockParts } from './clock-painter';

const WORDS = { ready: 'Up next', normal: 'On time', warning: 'Wrap up', danger: 'Finish', cutoff: 'Time is up', overtime: 'Overtime', paused: 'Paused' } satisfies Record<Stage, string>;

/** Elements as the painter sees them, counting every write; text is 60 px wide per character at 100 px. */
function fakeParts(box = { clientWidth: 1000, clientHeight: 500 }, trackWidth = 1000) {
  const writes = { stage: 0, word: 0, text: 0, bar: 0, size: 0, layoutReads: 0 };
  const el = (on: keyof typeof writes) => {
    let text = '';
    const style: Record<string, string> & { removeProperty(p: string): void } = {
      removeProperty: () => undefined,
    } as never;
    return {
      dataset: new Proxy({} as Record<string, string>, { set: (t, k, v) => ((t[k as string] = v), writes.stage++, true) }),
      get textContent() {
        return text;
      },
      set textContent(v: string) {
        text = v;
        writes[on]++;
      },
      style: new Proxy(style, {
        set: (t, k, v) => {
          (t as Record<string, string>)[k as string] = v;
          writes[k === 'transform' ? 'bar' : 'size']++;
          return true;
        },
      }),
    };
  };
  const digits = Object.assign(el('text'), {
    getBoundingClientRect() {
      writes.layoutReads++;
      return { width: digits.textContent.length * 60, height: 90 };
    },
  });
  const parts = { root: el('stage'), word: el('word'), digits, box: { ...box }, track: { clientWidth: trackWidth }, bar: el('bar') };
  return { parts: parts as unknown as ClockParts, writes, digits };
}

describe('the clock painter writes only what changes on the screen', () => {
  it('writes the stage and its word in the same paint as the digits', () => {
    const { parts, writes } = fakeParts();
    const p = new ClockPainter(parts, WORDS, () => 1);
    p.measure();
    p.paint({ stage: 'danger', text: '0:01', progress: 0.99 });
    p.paint({ stage: 'cutoff', text: '0:00', progress: 1 });
    expect(parts.root.dataset['stage']).toBe('cutoff');
    expect(parts.word.textContent).toBe('Time is up');
    expect(parts.digits.textContent).toBe('0:00');
    expect(writes).toMatchObject({ stage: 2, word: 2, text: 2 });
  });

  it('moves the bar only when it moves a whole device pixel', () => {
    const { parts, writes } = fakeParts(undefined, 500);
    const p = new ClockPainter(parts, WORDS, () => 2); // 1,000 device pixels
    p.measure();
    // 480 s at 60 frames a second: 1,000 px move over 28,800 frames, about one in 29.
    for (let f = 0; f < 600; f++) p.paint({ stage: 'normal', text: '7:50', progress: f / 28_800 });
    expect(writes.bar).toBeGreaterThanOrEqual(20);
    expect(writes.bar).toBeLessThanOrEqual(22);
    expect(writes.text).toBe(1);
  });

  it('writes nothing at all in frames where nothing moves', () => {
    const { parts, writes } = fakeParts();
    const p = new ClockPainter(parts, WORDS, () => 1);
    p.measure();
    p.paint({ stage: 'paused', text: '3:12', progress: 0.4 });
    const before = { ...writes };
    for (let f = 0; f < 100; f++) p.paint({ stage: 'paused', text: '3:12', progress: 0.4 });
    expect(writes).toEqual(before);
  });

  it('sizes the digits once per shape of text, to the biggest that fits the box', () => {
    const { parts, writes, digits } = fakeParts({ clientWidth: 1800, clientHeight: 500 });
    const p = new ClockPainter(parts, WORDS, () => 1);
    p.measure();
    p.paint({ stage: 'normal', text: '9:59', progress: 0 });
    // 4 characters: 240 px wide at 100 px; the box's height (500 / 90) binds before its width.
    expect(digits.style.fontSize).toBe(`${Math.floor(100 * 0.98 * (500 / 90))}px`);
    p.paint({ stage: 'normal', text: '9:58', progress: 0 });
    expect(writes.layoutReads).toBe(1);
    // +59:59, 6 characters (360 px at 100 px): now the width binds.
    p.paint({ stage: 'overtime', text: '+59:59', progress: 1 });
    expect(digits.style.fontSize).toBe(`${Math.floor(100 * 0.98 * (1800 / 360))}px`);
    p.paint({ stage: 'overtime', text: '+1:00:00', progress: 1 });
    expect(writes.layoutReads).toBe(3);
    expect(digits.style.fontSize).toBe(`${Math.floor(100 * 0.98 * (1800 / 480))}px`);
  });
});
