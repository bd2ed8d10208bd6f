/** What the Screen Wake Lock API gives (navigator.wakeLock); absent in older browsers and on plain http phones. */
export interface WakeLockSentinelLike {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}
export interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}
export interface PageLike {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Keeps a screen awake while wanted. The browser drops the lock whenever the page is hidden (a
 * phone locked, a tab switched), so it is asked for again each time the page is visible again.
 * A refusal (battery saver, no secure context) is not an error: the screen then sleeps by the
 * device's own settings, as it would have anyway.
 */
export class ScreenAwake {
  private sentinel: WakeLockSentinelLike | null = null;
  private wanted = false;

  constructor(
    private readonly wakeLock: WakeLockLike | undefined,
    private readonly page: PageLike,
  ) {}

  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.page.addEventListener('visibilitychange', this.onVisibility);
    this.acquire();
  }

  stop(): void {
    this.wanted = false;
    this.page.removeEventListener('visibilitychange', this.onVisibility);
    const held = this.sentinel;
    this.sentinel = null;
    void held?.release().catch(() => {});
  }

  get held(): boolean {
    return this.sentinel !== null;
  }

  private readonly onVisibility = () => {
    if (this.page.visibilityState === 'visible') this.acquire();
  };

  private acquire(): void {
    if (!this.wakeLock || !this.wanted || this.sentinel || this.page.visibilityState !== 'visible') return;
    this.wakeLock.request('screen').then(
      (sentinel) => {
        if (!this.wanted || this.sentinel) return void sentinel.release().catch(() => {});
        this.sentinel = sentinel;
        sentinel.addEventListener('release', () => {
          if (this.sentinel === sentinel) this.sentinel = null;
        });
      },
      () => {},
    );
  }
}
