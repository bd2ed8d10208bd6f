import type { ChildLike, HostStart } from './host-process';
import type { DisplayLike } from './placement';
import type { AppWindow, IpcSender, MenuItem, Platform, Screens, WindowSpec } from './platform';

export type GuardRules = Parameters<Platform['guard']>[0];

/**
 * The part of a test desktop that only records what the shell asks of it (the menu, the power
 * save, the IPC handlers, the navigation rules, quits, log lines) and plays the screens: shared
 * by the unit tests' FakePlatform and the integration test's Playwright platform, which differ
 * only in their windows and their host process.
 */
export abstract class RecordingPlatform implements Platform {
  menu: readonly MenuItem[] = [];
  awake = false;
  quits = 0;
  readonly logs: string[] = [];
  /** What the save dialog answers. */
  savePath: string | null = null;
  rules: GuardRules | null = null;
  protected readonly handlers = new Map<string, (sender: IpcSender, args: unknown[]) => unknown>();
  private readonly screensChanged = new Set<() => void>();

  /** The screens now: a test sets them before the shell starts, or plugs them later with setScreens. */
  constructor(public screenList: Screens) {}

  abstract createWindow(spec: WindowSpec): AppWindow;
  abstract forkHost(start: HostStart): ChildLike;

  screens(): Screens {
    return this.screenList;
  }
  onScreensChanged(listener: () => void): void {
    this.screensChanged.add(listener);
  }
  /** Plugs or unplugs screens, as the system would report it. */
  setScreens(displays: DisplayLike[], primaryId = 1): void {
    this.screenList = { displays, primaryId };
    this.screensChanged.forEach((l) => l());
  }
  preventDisplaySleep(): void {
    this.awake = true;
  }
  saveDialog(): Promise<string | null> {
    return Promise.resolve(this.savePath);
  }
  setMenu(items: readonly MenuItem[]): void {
    this.menu = items;
  }
  handle(channel: string, handler: (sender: IpcSender, args: unknown[]) => unknown): void {
    this.handlers.set(channel, handler);
  }
  guard(rules: GuardRules): void {
    this.rules = rules;
  }
  /** Real time, for the integration test's real pages; the unit tests' FakePlatform moves time by hand. */
  later(ms: number, run: () => void): () => void {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  }
  quit(): void {
    this.quits += 1;
  }
  log(line: string): void {
    this.logs.push(line);
  }

  /** Answers a page's request over IPC as the shell's handler for that channel does. */
  protected answer(channel: string, sender: IpcSender, args: unknown[]): unknown {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(sender, args);
  }

  /** The menu item with this label, wherever it is (to read whether it is checked, its shortcut). */
  item(label: string, items: readonly MenuItem[] = this.menu): MenuItem | undefined {
    for (const item of items) {
      if (item.kind !== 'separator' && item.kind !== 'role' && item.label === label) return item;
      const inner = item.kind === 'submenu' ? this.item(label, item.items) : undefined;
      if (inner) return inner;
    }
    return undefined;
  }

  /** Clicks the menu item with this label, wherever it is; false when there is none. */
  click(label: string, items: readonly MenuItem[] = this.menu): boolean {
    for (const item of items) {
      if ((item.kind === 'item' || item.kind === 'radio' || item.kind === 'checkbox') && item.label === label) return item.click(), true;
      if (item.kind === 'submenu' && this.click(label, item.items)) return true;
    }
    return false;
  }
}
