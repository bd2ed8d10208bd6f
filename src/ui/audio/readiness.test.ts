import { describe, expect, it } from 'vitest';
import { watchReadiness } from './readiness';
import type { AudioContextLike } from './readiness';

/** An AudioContext as a browser with an autoplay rule makes it: suspended until a gesture resumes it. */
class FakeContext implements AudioContextLike {
  state = 'suspended';
  private listeners: (() => void)[] = [];
  addEventListener(_type: 'statechange', listener: () => void) {
    this.listeners.push(listener);
  }
  set(state: string) {
    this.state = state;
    this.listeners.forEach((l) => l());
  }
}

describe('sound readiness', () => {
  it('waits for a click while the browser keeps the audio suspended, and is ready once it runs', () => {
    const ctx = new FakeContext();
    const said: string[] = [];
    watchReadiness(ctx, (s) => said.push(s));
    ctx.set('running');
    // A system interruption (another app took the audio) suspends it again.
    ctx.set('interrupted');
    expect(said).toEqual(['blocked', 'ready', 'blocked']);
  });

  it('is ready without Web Audio, where nothing can be unlocked', () => {
    const said: string[] = [];
    watchReadiness(undefined, (s) => said.push(s));
    expect(said).toEqual(['ready']);
  });
});
