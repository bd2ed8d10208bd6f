import { Howl, Howler } from 'howler';
import dangerUrl from '../../../assets/sounds/danger.wav?url';
import endUrl from '../../../assets/sounds/end.wav?url';
import warningUrl from '../../../assets/sounds/warning.wav?url';
import type { Sound } from '../../core/protocol';

export interface Chimes {
  play(sound: Sound, volume: number): void;
  /** Resumes audio after a gesture where the browser requires one; harmless otherwise. */
  unlock(): void;
  unload(): void;
}

export const SOUND_URLS: Record<Sound, string> = { warning: warningUrl, danger: dangerUrl, end: endUrl };

const clamp = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/** The three cues, loaded once when the view starts so the first chime is not late. */
export function createChimes(): Chimes {
  const howls = Object.fromEntries(
    (Object.keys(SOUND_URLS) as Sound[]).map((s) => [s, new Howl({ src: [SOUND_URLS[s]], preload: true })]),
  ) as Record<Sound, Howl>;
  return {
    play(sound, volume) {
      const howl = howls[sound];
      const id = howl.play();
      howl.volume(clamp(volume), id);
    },
    unlock() {
      const ctx = Howler.ctx as AudioContext | undefined;
      if (ctx?.state === 'suspended') void ctx.resume();
    },
    unload() {
      Object.values(howls).forEach((h) => h.unload());
    },
  };
}
