import type { Browser, BrowserContext, Page } from '@playwright/test';
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { IPC, SHELL_EVENTS } from '../../src/core/shell-api';
import type { ChildLike, HostStart, ToHost } from '../../electron/host-process';
import type { Rect } from '../../electron/placement';
import type { AppWindow, Screens, WindowSpec } from '../../electron/platform';
import { RecordingPlatform } from '../../electron/recording-platform';
import { HOST_V8_FLAGS } from '../../src/host/process-flags';

/**
 * The shell's Platform over Playwright, for the integration test: each window is a page of one
 * browser context in Chromium (as Electron's windows share one session), with the preload's API
 * exposed the same way (window.rostrumShell, one IPC channel per request); the host's process is a
 * Node process forked on the same entry (electron/host.entry.ts); the screens are a list the test
 * changes. Only Electron itself is left out.
 */
export class PageWindow implements AppWindow {
  bounds: Rect = { x: 0, y: 0, width: 1280, height: 800 };
  fullscreen = false;
  fullscreenChanges: boolean[] = [];
  private closedListeners: (() => void)[] = [];
  private movedListeners: ((bounds: Rect) => void)[] = [];

  constructor(
    readonly page: Page,
    readonly spec: WindowSpec,
  ) {
    page.on('close', () => this.closedListeners.forEach((l) => l()));
    const placed = placedBounds(spec);
    if (placed) this.setBounds(placed);
  }
  /** The person drags or resizes the window: its page takes the new size, the system reports each step. */
  drag(...steps: Rect[]): void {
    for (const step of steps) {
      this.setBounds(step);
      this.movedListeners.forEach((l) => l(step));
    }
  }
  onBoundsChanged(listener: (bounds: Rect) => void): void {
    this.movedListeners.push(listener);
  }
  async load(url: string): Promise<void> {
    await this.page.goto(url);
  }
  url(): string {
    return this.page.url();
  }
  getBounds(): Rect {
    return this.bounds;
  }
  /** The page's viewport is the window's size, so a fullscreen display renders at the screen's. */
  setBounds(bounds: Rect): void {
    this.bounds = bounds;
    void this.page.setViewportSize({ width: bounds.width, height: bounds.height });
  }
  isFullScreen(): boolean {
    return this.fullscreen;
  }
  setFullScreen(on: boolean): void {
    this.fullscreen = on;
    this.fullscreenChanges.push(on);
  }
  focus(): void {
    void this.page.bringToFront();
  }
  close(): void {
    void this.page.close();
  }
  onClosed(listener: () => void): void {
    this.closedListeners.push(listener);
  }
  async printToPdf(): Promise<Uint8Array> {
    return this.page.pdf({ format: 'A4', printBackground: true });
  }
  send(channel: string, payload: unknown): void {
    void this.page.evaluate(([c, p]) => (window as unknown as { __rostrumShellEmit(c: string, p: unknown): void }).__rostrumShellEmit(c, p), [channel, payload] as const);
  }
}

/** A window the shell places itself (the mini timer) opens there, at that size; the others keep the context's viewport. */
const placedBounds = (spec: WindowSpec): Rect | null =>
  spec.x !== undefined && spec.y !== undefined && spec.width && spec.height ? { x: spec.x, y: spec.y, width: spec.width, height: spec.height } : null;

/** Node's child process as the shell's ChildLike (Electron's UtilityProcess has the same shape). */
class ForkedHost implements ChildLike {
  constructor(readonly process: ChildProcess) {}
  postMessage(message: ToHost): void {
    if (this.process.connected) this.process.send(message);
  }
  kill(): boolean {
    return this.process.kill('SIGKILL');
  }
  on(event: 'message' | 'exit', listener: (arg: never) => void): this {
    if (event === 'message') this.process.on('message', listener as (m: unknown) => void);
    else this.process.on('exit', (code, signal) => (listener as (c: number) => void)(code ?? (signal === 'SIGKILL' ? 137 : 1)));
    return this;
  }
}

export class PlaywrightPlatform extends RecordingPlatform {
  readonly windows: PageWindow[] = [];
  readonly hosts: ChildProcess[] = [];
  private pending: Promise<unknown>[] = [];

  private constructor(
    private readonly context: BrowserContext,
    private readonly hostEntry: string,
    screens: Screens,
  ) {
    super(screens);
  }

  static async create(browser: Browser, hostEntry: string, screens: Screens): Promise<PlaywrightPlatform> {
    const context = await browser.newContext({ locale: 'en-US' });
    const platform = new PlaywrightPlatform(context, hostEntry, screens);
    // The preload's API, exposed to every page of the app as Electron's contextBridge does.
    await context.exposeBinding('__rostrumInvoke', ({ page, frame }, channel: string, args: unknown[]) => platform.invoke(page, frame === page.mainFrame(), frame.url(), channel, args));
    await context.addInitScript(
      ({ ipc, events }) => {
        type Invoke = (channel: string, args: unknown[]) => Promise<unknown>;
        const w = window as unknown as { __rostrumInvoke: Invoke; __rostrumShellEmit?: (c: string, p: unknown) => void; rostrumShell?: unknown };
        const listeners = new Map<string, ((p: unknown) => void)[]>();
        w.__rostrumShellEmit = (c, p) => (listeners.get(c) ?? []).forEach((l) => l(p));
        w.rostrumShell = Object.freeze({
          listDisplays: () => w.__rostrumInvoke(ipc.listDisplays, []),
          moveDisplayWindow: (id: number) => w.__rostrumInvoke(ipc.moveDisplayWindow, [id]),
          savePdf: () => w.__rostrumInvoke(ipc.savePdf, []),
          onNotice: (l: (p: unknown) => void) => {
            listeners.set(events.notice, [...(listeners.get(events.notice) ?? []), l]);
            return () => listeners.set(events.notice, (listeners.get(events.notice) ?? []).filter((x) => x !== l));
          },
        });
      },
      { ipc: IPC, events: SHELL_EVENTS },
    );
    return platform;
  }

  private invoke(page: Page, isMainFrame: boolean, frameUrl: string, channel: string, args: unknown[]): unknown {
    return this.answer(channel, { frameUrl, isMainFrame, window: this.windows.find((w) => w.page === page) ?? null }, args);
  }

  createWindow(spec: WindowSpec): AppWindow {
    // Pages are made asynchronously; the window's load waits for its page.
    const made = this.context.newPage().then((page) => {
      const win = new PageWindow(page, spec);
      this.windows.push(win);
      // A page's request for a new window: the platform never grants it natively, it asks the shell.
      page.on('popup', (popup) => void this.popup(popup));
      return win;
    });
    this.pending.push(made);
    return new LazyWindow(made, spec);
  }

  private async popup(popup: Page): Promise<void> {
    await popup.waitForURL((u) => u.href !== 'about:blank', { waitUntil: 'commit' }).catch(() => {});
    const url = popup.url();
    await popup.close();
    this.rules?.onOpen(url);
  }

  forkHost(start: HostStart): ChildLike {
    const child = fork(this.hostEntry, [JSON.stringify(start)], { execArgv: ['--import', 'tsx', ...HOST_V8_FLAGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.hosts.push(child);
    return new ForkedHost(child);
  }
  async close(): Promise<void> {
    await Promise.allSettled(this.pending);
    await this.context.close();
  }
}

/** A window whose page is still being made: every call waits for it (load) or applies once it exists. */
class LazyWindow implements AppWindow {
  private win: PageWindow | null = null;
  private early: ((w: PageWindow) => void)[] = [];
  private bounds: Rect;
  private fullscreen = false;
  constructor(
    private readonly made: Promise<PageWindow>,
    spec: WindowSpec,
  ) {
    this.bounds = placedBounds(spec) ?? { x: 0, y: 0, width: 1280, height: 800 };
    void made.then((w) => {
      this.win = w;
      this.early.forEach((f) => f(w));
    });
  }
  private apply(f: (w: PageWindow) => void): void {
    if (this.win) f(this.win);
    else this.early.push(f);
  }
  get page(): Promise<Page> {
    return this.made.then((w) => w.page);
  }
  get window(): Promise<PageWindow> {
    return this.made;
  }
  async load(url: string): Promise<void> {
    await (await this.made).load(url);
  }
  url(): string {
    return this.win?.url() ?? '';
  }
  getBounds(): Rect {
    return this.win?.getBounds() ?? this.bounds;
  }
  setBounds(bounds: Rect): void {
    this.bounds = bounds;
    this.apply((w) => w.setBounds(bounds));
  }
  onBoundsChanged(listener: (bounds: Rect) => void): void {
    this.apply((w) => w.onBoundsChanged(listener));
  }
  isFullScreen(): boolean {
    return this.win?.isFullScreen() ?? this.fullscreen;
  }
  setFullScreen(on: boolean): void {
    this.fullscreen = on;
    this.apply((w) => w.setFullScreen(on));
  }
  focus(): void {
    this.apply((w) => w.focus());
  }
  close(): void {
    this.apply((w) => w.close());
  }
  onClosed(listener: () => void): void {
    this.apply((w) => w.onClosed(listener));
  }
  async printToPdf(): Promise<Uint8Array> {
    return (await this.made).printToPdf();
  }
  send(channel: string, payload: unknown): void {
    this.apply((w) => w.send(channel, payload));
  }
}
