import { describe, expect, it } from 'vitest';
import { ScreenAwake } from './wake-lock';
import type { PageLike, WakeLockLike, WakeLockSentinelLike } from './wake-lock';

/** A browser's wake lock as the spec has it: the system releases it when the page is hidden. */
class FakeBrowser implements WakeLockLike, PageLike {
  visibilityState = 'visible';
  requests = 0;
  refuse = false;
  held: (WakeLockSentinelLike & { released: boolean; fire(): void })[] = [];
  private listeners = new Set<() => void>();
  request(): Promise<WakeLockSentinelLike> {
    this.requests += 1;
    if (this.refuse) return Promise.reject(new DOMException('battery saver', 'NotAllowedError'));
    const onRelease: (() => void)[] = [];
    const sentinel = {
      released: false,
      release: () => ((sentinel.released = true), onRelease.forEach((l) => l()), Promise.resolve()),
      addEventListener: (_t: 'release', l: () => void) => void onRelease.push(l),
      fire: () => onRelease.forEach((l) => l()),
    };
    this.held.push(sentinel);
    return Promise.resolve(sentinel);
  }
  addEventListener(_t: 'visibilitychange', l: () => void): void {
    this.listeners.add(l);
  }
  removeEventListener(_t: 'visibilitychange', l: () => void): void {
    this.listeners.delete(l);
  }
  setVisibility(state: 'visible' | 'hidden'): void {
    this.visibilityState = state;
    // The browser drops the lock of a hidden page by itself.
    if (state === 'hidden') this.held.filter((s) => !s.released).forEach((s) => ((s.released = true), s.fire()));
    this.listeners.forEach((l) => l());
  }
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('keeping the screen awake', () => {
  it('holds the lock while wanted and asks again when the page is visible again', async () => {
    const b = new FakeBrowser();
    const awake = new ScreenAwake(b, b);
    awake.start();
    await settle();
    expect(awake.held).toBe(true);
    b.setVisibility('hidden');
    expect(awake.held).toBe(false);
    await settle();
    expect(b.requests).toBe(1);
    b.setVisibility('visible');
    await settle();
    expect(b.requests).toBe(2);
    expect(awake.held).toBe(true);
  });

  it('lets the screen sleep once no longer wanted, and does not ask again', async () => {
    const b = new FakeBrowser();
    const awake = new ScreenAwake(b, b);
    awake.start();
    await settle();
    awake.stop();
    expect(b.held[0]?.released).toBe(true);
    b.setVisibility('hidden');
    b.setVisibility('visible');
    await settle();
    expect(b.requests).toBe(1);
  });

  it('takes a refusal, or a browser without the API, quietly', async () => {
    const b = new FakeBrowser();
    b.refuse = true;
    const awake = new ScreenAwake(b, b);
    awake.start();
    await settle();
    expect(awake.held).toBe(false);
    const without = new ScreenAwake(undefined, b);
    without.start();
    without.stop();
  });

  it('releases a lock granted after it was no longer wanted', async () => {
    const b = new FakeBrowser();
    const awake = new ScreenAwake(b, b);
    awake.start();
    awake.stop();
    await settle();
    expect(b.held[0]?.released).toBe(true);
    expect(awake.held).toBe(false);
  });
});
