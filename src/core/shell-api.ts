/**
 * The desktop app's contract with its pages: what the preload exposes as `window.rostrumShell`
 * (absent in a browser), and the channels it rides on. Shared by the shell (electron/) and the
 * views (src/ui), so neither can drift from the other.
 */

export interface DisplayInfo {
  id: number;
  label: string;
  width: number;
  height: number;
  primary: boolean;
  /** The projector window is on this display now. */
  current: boolean;
}

/** Something the shell tells the host's control view; the view says it in the person's language. */
export type ShellNotice =
  /** The projector's screen went away (or a new one came): the display window moved, the meeting goes on. */
  { type: 'projector-moved'; reason: 'unplugged' | 'plugged'; screen: string };

export interface ShellApi {
  listDisplays(): Promise<DisplayInfo[]>;
  moveDisplayWindow(displayId: number): Promise<void>;
  /** Saves the calling page (report or QR cards) as a PDF where the person chooses; null when they cancel. */
  savePdf(): Promise<string | null>;
  /** Hears the shell's notices (control view); returns the way to stop hearing them. */
  onNotice(listener: (notice: ShellNotice) => void): () => void;
}

/** One invoke channel per request method of ShellApi. */
export const IPC = { listDisplays: 'shell:listDisplays', moveDisplayWindow: 'shell:moveDisplayWindow', savePdf: 'shell:savePdf' } as const satisfies Partial<Record<keyof ShellApi, string>>;
/** What the shell sends to a page. */
export const SHELL_EVENTS = { notice: 'shell:notice' } as const;

/**
 * Shows or hides the mini timer: the desktop app's Window menu accelerator, and the same key in
 * the control view in a browser (Ctrl+Shift+M, ⌘⇧M on macOS). Shift keeps it clear of the
 * control view's own keys (M alone mutes).
 */
export const MINI_TIMER_KEY = { code: 'KeyM', accelerator: 'CmdOrCtrl+Shift+M' } as const;

/** The pages the shell opens as app windows besides control and display, from the menu or a link. */
export const VIEW_WINDOWS = ['clerk', 'cards', 'report', 'audit', 'mini'] as const;
export type ViewWindow = (typeof VIEW_WINDOWS)[number];
