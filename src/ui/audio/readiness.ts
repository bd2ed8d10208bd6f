/** Whether a screen's sound can play now, or waits for a click (a browser's autoplay rule). */
export type SoundReadiness = 'ready' | 'blocked';

/** What of an AudioContext this needs: its state, and hearing it change. */
export interface AudioContextLike {
  readonly state: string;
  addEventListener(type: 'statechange', listener: () => void): void;
}

/**
 * Tells `listener` the sound's readiness now and at every change. A context that is not running
 * (suspended until a gesture) cannot ring; without Web Audio at all nothing here can tell, and
 * the sound is taken as ready.
 */
export function watchReadiness(ctx: AudioContextLike | undefined, listener: (state: SoundReadiness) => void): void {
  const say = () => listener(ctx === undefined || ctx.state === 'running' ? 'ready' : 'blocked');
  ctx?.addEventListener('statechange', say);
  say();
}
