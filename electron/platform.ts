import type { ChildLike, HostStart } from './host-process';
import type { DisplayLike, Rect } from './placement';
import type { secureWebPreferences } from './security';

/**
 * Everything the shell needs of a desktop, and nothing more. The shell's logic (shell.ts) talks
 * to Electron only through this; electron-platform.ts implements it once over Electron's API,
 * and the integration test implements it over Playwright pages and a forked Node process, so the
 * shell's whole flow runs where no Electron binary does.
 */
export interface Platform {
  /** Every window the shell opens comes from here, with the webPreferences it really gets. */
  createWindow(spec: WindowSpec): AppWindow;
  screens(): Screens;
  /** Screens plugged in or out, or their size or arrangement changed. */
  onScreensChanged(listener: () => void): void;
  /** Starts the host's own process (Electron's utilityProcess) running electron/host.entry.ts. */
  forkHost(start: HostStart): ChildLike;
  /** Keeps the screens awake while the app runs (a projector must not sleep mid-speech). */
  preventDisplaySleep(): void;
  /** Asks where to save a file; null when the person cancels. */
  saveDialog(parent: AppWindow, opts: { title: string; defaultName: string }): Promise<string | null>;
  setMenu(items: readonly MenuItem[]): void;
  /** Answers a page's request on an IPC channel; the handler is told who asked. */
  handle(channel: string, handler: (sender: IpcSender, args: unknown[]) => unknown): void;
  /**
   * Guards every web contents, including any a page creates: navigation is allowed only where
   * `allowNavigation` says, and a page's request for a new window is never granted natively but
   * handed to `onOpen`, which may open an app window of its own.
   */
  guard(rules: { allowNavigation(url: string): boolean; onOpen(url: string): void }): void;
  /**
   * Runs `run` once after `ms` (the debounced save of a window's bounds); returns its cancel. Here
   * and not a global timer, so the unit tests move time by hand instead of sleeping.
   */
  later(ms: number, run: () => void): () => void;
  /** Ends the app (the control window was closed); the shell's close() runs before it exits. */
  quit(): void;
  log(line: string): void;
}

export interface Screens {
  displays: DisplayLike[];
  primaryId: number;
}

export type WebPreferences = ReturnType<typeof secureWebPreferences>;

export interface WindowSpec {
  title: string;
  /** Shown without taking the focus (the projector must not steal it from the control window). */
  showInactive?: boolean;
  /** Where it opens; without them, the system's choice. */
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  /** The smallest the person may make it. */
  minWidth?: number;
  minHeight?: number;
  backgroundColor?: string;
  autoHideMenuBar?: boolean;
  /** Above other windows (the mini timer on the lectern laptop); absent: an ordinary window. */
  alwaysOnTop?: AlwaysOnTop;
  webPreferences: WebPreferences;
}

/** How far above the others a window floats: Electron's setAlwaysOnTop and setVisibleOnAllWorkspaces, as data. */
export interface AlwaysOnTop {
  /**
   * The window level (macOS, Windows; Linux knows only on top or not): 'screen-saver' is the
   * highest, above full-screen apps such as a PowerPoint or WPS slideshow; below 'pop-up-menu' a
   * window goes under the Dock and the taskbar.
   */
  level: 'floating' | 'pop-up-menu' | 'screen-saver';
  /** On every virtual desktop (macOS Spaces, Linux workspaces), so a slideshow's own Space has it too. */
  visibleOnAllWorkspaces: boolean;
  /** (macOS) Also over other apps' full-screen windows. */
  visibleOnFullScreen: boolean;
}

export interface AppWindow {
  load(url: string): Promise<void>;
  /** The address of the page it shows now. */
  url(): string;
  getBounds(): Rect;
  setBounds(bounds: Rect): void;
  /** The person moved or resized it; told the new bounds, many times while they drag. */
  onBoundsChanged(listener: (bounds: Rect) => void): void;
  isFullScreen(): boolean;
  setFullScreen(on: boolean): void;
  focus(): void;
  close(): void;
  onClosed(listener: () => void): void;
  printToPdf(): Promise<Uint8Array>;
  send(channel: string, payload: unknown): void;
}

/** Who sent an IPC request: only the top frame of one of the host's pages is answered. */
export interface IpcSender {
  frameUrl: string | undefined;
  isMainFrame: boolean;
  window: AppWindow | null;
}

/** The application menu as data: built by menu.ts, shown by the platform, clicked by tests. */
export type MenuItem =
  | { kind: 'item'; label: string; click(): void; accelerator?: string; enabled?: boolean }
  | { kind: 'radio'; label: string; checked: boolean; click(): void }
  /** An item that shows whether something is on (a window open) and switches it. */
  | { kind: 'checkbox'; label: string; checked: boolean; click(): void; accelerator?: string }
  | { kind: 'separator' }
  | { kind: 'role'; role: 'quit' | 'editMenu' | 'reload' | 'toggleDevTools'; label?: string }
  | { kind: 'submenu'; label: string; items: readonly MenuItem[] };
