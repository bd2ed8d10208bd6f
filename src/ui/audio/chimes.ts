import { Howl, Howler } from 'howler';
import dangerUrl from '../../../assets/sounds/danger.wav?url';
import endUrl from '../../../assets/sounds/end.wav?url';
import warningUrl from '../../../assets/sounds/warning.wav?url';
import type { Sound } from '../../core/protocol';
import { watchReadiness } from './readiness';
import type { AudioContextLike, SoundReadiness } from './readiness';

export interface Chimes {
  play(sound: Sound, volume: number): void;
  /** Resumes audio after a gesture where the browser requires one; harmless otherwise. */
  unlock(): void;
  /** Hears whether the sound can play now or waits for a click, now and at each change. */
  watch(listener: (state: SoundReadiness) => void): void;
  unload(): void;
}

export const SOUND_URLS: Record<Sound, string> = { warning: warningUrl, danger: dangerUrl, end: endUrl };

const clamp = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/** The three cues, loaded once when the view starts so the first chime is not late. */
export function createChimes(): Chimes {
  // Howler suspends an idle context after 30 s: the next chime would then wait for it to resume, and
  // in a browser that wants a gesture it could not resume at all. A hall screen must ring at once.
  Howler.autoSuspend = false;
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
    watch(listener) {
      watchReadiness(Howler.ctx as AudioContextLike | undefined, listener);
    },
    unload() {
      Object.values(howls).forEach((h) => h.unload());
    },
  };
}
