import { EventEmitter } from 'node:events';
import type { ChildLike, HostStart, ToHost } from './host-process';
import type { DisplayLike, Rect } from './placement';
import type { AppWindow, WindowSpec } from './platform';
import { RecordingPlatform } from './recording-platform';

/**
 * A desktop made of plain objects, for the shell's unit tests: windows record what is done to
 * them, screens are a list the test changes, the host process answers "ready" at once.
 */
export class FakeWindow implements AppWindow {
  loaded: string[] = [];
  bounds: Rect = { x: 0, y: 0, width: 800, height: 600 };
  fullscreen = false;
  /** Every fullscreen change, in order: a flicker in the hall is an off followed by an on. */
  fullscreenChanges: boolean[] = [];
  focused = 0;
  sent: { channel: string; payload: unknown }[] = [];
  pdf = new Uint8Array([37, 80, 68, 70]);
  private closed = new Set<() => void>();
  private moved = new Set<(bounds: Rect) => void>();
  constructor(readonly spec: WindowSpec) {
    if (spec.width && spec.height) this.bounds = { x: spec.x ?? 0, y: spec.y ?? 0, width: spec.width, height: spec.height };
  }
  /** The person drags or resizes the window: the system reports every step on the way. */
  drag(...steps: Rect[]): void {
    for (const step of steps) {
      this.bounds = step;
      this.moved.forEach((l) => l(step));
    }
  }
  load(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  url(): string {
    return this.loaded.at(-1) ?? '';
  }
  getBounds(): Rect {
    return this.bounds;
  }
  setBounds(bounds: Rect): void {
    this.bounds = bounds;
  }
  onBoundsChanged(listener: (bounds: Rect) => void): void {
    this.moved.add(listener);
  }
  isFullScreen(): boolean {
    return this.fullscreen;
  }
  setFullScreen(on: boolean): void {
    this.fullscreen = on;
    this.fullscreenChanges.push(on);
  }
  focus(): void {
    this.focused += 1;
  }
  close(): void {
    this.closed.forEach((l) => l());
  }
  onClosed(listener: () => void): void {
    this.closed.add(listener);
  }
  printToPdf(): Promise<Uint8Array> {
    return Promise.resolve(this.pdf);
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

export const LAPTOP: DisplayLike = { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 25, width: 1920, height: 1055 } };
export const PROJECTOR: DisplayLike = { id: 2, label: 'EPSON', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, workArea: { x: 1920, y: 0, width: 1920, height: 1080 } };

export const HOST_ORIGIN = 'http://127.0.0.1:4317';

class ReadyChild extends EventEmitter implements ChildLike {
  constructor(readonly start: HostStart) {
    super();
    queueMicrotask(() =>
      this.emit('message', { type: 'ready', address: { origin: HOST_ORIGIN, controlUrl: `${HOST_ORIGIN}/control#token=hostkey`, displayUrl: `${HOST_ORIGIN}/display#token=displaykey` } }),
    );
  }
  postMessage(message: ToHost): void {
    if (message.type === 'close') queueMicrotask(() => this.emit('exit', 0));
  }
  kill(): boolean {
    queueMicrotask(() => this.emit('exit', 137));
    return true;
  }
}

export class FakePlatform extends RecordingPlatform {
  windows: FakeWindow[] = [];
  forked: HostStart[] = [];
  /** The host processes forked, to have one say something (a network setting applied). */
  children: EventEmitter[] = [];
  forkFails = false;
  /** The time of the platform's timers (later): a test moves it with advance(). */
  now = 0;
  private timers: { at: number; run: () => void }[] = [];

  constructor() {
    super({ displays: [LAPTOP, PROJECTOR], primaryId: 1 });
  }

  createWindow(spec: WindowSpec): FakeWindow {
    const w = new FakeWindow(spec);
    this.windows.push(w);
    return w;
  }
  forkHost(start: HostStart): ChildLike {
    this.forked.push(start);
    if (this.forkFails) throw new Error('utility process unavailable');
    const child = new ReadyChild(start);
    this.children.push(child);
    return child;
  }

  override later(ms: number, run: () => void): () => void {
    const timer = { at: this.now + ms, run };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }
  /** Moves time on, running the timers that come due on the way, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.now = next.at;
      next.run();
    }
    this.now = until;
  }

  /** A page's request over IPC, as the preload would send it. */
  async invoke(channel: string, from: { window: FakeWindow | null; url?: string; mainFrame?: boolean }, ...args: unknown[]): Promise<unknown> {
    return this.answer(channel, { frameUrl: from.url ?? from.window?.url(), isMainFrame: from.mainFrame ?? true, window: from.window }, args);
  }
}
