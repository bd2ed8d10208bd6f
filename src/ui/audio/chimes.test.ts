import { beforeEach, describe, expect, it, vi } from 'vitest';

const played: { src: string; volume: number }[] = [];

vi.mock('howler', () => {
  class Howl {
    private readonly src: string;
    constructor(opts: { src: string[] }) {
      this.src = opts.src[0] ?? '';
    }
    play() {
      played.push({ src: this.src, volume: -1 });
      return played.length;
    }
    volume(v: number, id: number) {
      const entry = played[id - 1];
      if (entry) entry.volume = v;
    }
    unload() {}
  }
  return { Howl, Howler: { ctx: undefined } };
});

const { createChimes } = await import('./chimes');

describe('chimes', () => {
  beforeEach(() => {
    played.length = 0;
  });

  it('plays the file of the cue at the host’s volume', () => {
    const chimes = createChimes();
    chimes.play('danger', 0.6);
    chimes.play('end', 1);
    expect(played.map((p) => [p.src.split('/').pop()?.replace(/-[\w-]+(?=\.wav)/, ''), p.volume])).toEqual([
      ['danger.wav', 0.6],
      ['end.wav', 1],
    ]);
  });

  it('keeps the volume between silent and full', () => {
    const chimes = createChimes();
    chimes.play('warning', 7);
    chimes.play('warning', -1);
    chimes.play('warning', Number.NaN);
    expect(played.map((p) => p.volume)).toEqual([1, 0, 0]);
  });
});
