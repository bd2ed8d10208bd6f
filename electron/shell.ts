import { writeFile } from 'node:fs/promises';
import { IPC, SHELL_EVENTS } from '../src/core/shell-api';
import type { DisplayInfo, ShellNotice, ViewWindow } from '../src/core/shell-api';
import { HostProcess, startShellHost } from './host-process';
import type { HostAddress, HostStart, ShellHost } from './host-process';
import { buildMenu } from './menu';
import { placeMini } from './mini-placement';
import { BoundsMemory, miniWindowSpec } from './mini-window';
import { rememberDisplay, sameRect } from './placement';
import type { AppWindow, IpcSender, Platform } from './platform';
import { applyPlacement, replan } from './projector';
import { isAllowedNavigation, isPrintablePage, isTrustedSender, openableView, secureWebPreferences } from './security';
import type { NetworkSetting } from '../src/core/network';
import { loadSettings, saveSettings } from './settings-file';
import { viewUrl } from './view-urls';

export interface ShellOptions {
  /** The built preload script every window gets. */
  preload: string;
  meetingsDir: string;
  uiDir: string;
  /** The shell's own settings (the projector's screen). */
  settingsFile: string;
  lang: 'zh' | 'en';
  /**
   * The host inside the app, when its own process cannot start. Loaded only then (a lazy import),
   * so the shell itself stays thin: the host's code lives in the host process.
   */
  inApp?: (start: HostStart, remember: (setting: NetworkSetting) => void) => Promise<ShellHost>;
}

const inAppHost = async (start: HostStart, remember: (setting: NetworkSetting) => void): Promise<ShellHost> => {
  const { runShellHost, addressOf } = await import('./host-port');
  const host = await runShellHost(start, remember);
  return {
    // Read when asked: the Network panel may move the host to another port.
    get address() {
      return addressOf(host);
    },
    runs: 'in-app',
    close: () => host.close(),
  };
};

/**
 * The desktop app's logic, over a Platform: starts the host (in its own process), opens the
 * control and projector windows on its pages, keeps the projector on the right screen, opens the
 * other views as app windows, and answers the pages' few requests. Nothing here imports Electron.
 */
export class Shell {
  control: AppWindow | null = null;
  projector: AppWindow | null = null;
  readonly views = new Map<ViewWindow, AppWindow>();
  private placed: { key: string; displayId: number } | null = null;
  /** Where the person leaves the mini timer, written to the settings file once it rests. */
  private readonly miniBounds: BoundsMemory;

  private constructor(
    private readonly platform: Platform,
    private readonly opts: ShellOptions,
    readonly host: ShellHost,
  ) {
    this.miniBounds = new BoundsMemory(
      (ms, run) => platform.later(ms, run),
      (mini) => saveSettings(opts.settingsFile, { ...loadSettings(opts.settingsFile), mini }),
    );
  }

  get address(): HostAddress {
    return this.host.address;
  }

  static async start(platform: Platform, opts: ShellOptions): Promise<Shell> {
    platform.preventDisplaySleep();
    // The network setting of the Network panel, remembered: the fixed port, the LAN, its interface.
    const { network } = loadSettings(opts.settingsFile);
    const where: HostStart = { meetingsDir: opts.meetingsDir, uiDir: opts.uiDir, port: network.port, runs: 'utility', network: { lan: network.lan, interface: network.interface } };
    const remember = (setting: NetworkSetting) => saveSettings(opts.settingsFile, { ...loadSettings(opts.settingsFile), network: setting });
    const host = await startShellHost(
      async () => {
        const own = await HostProcess.start((s) => platform.forkHost(s), where, (l) => platform.log(l));
        own.onNetwork = remember;
        return own;
      },
      () => (opts.inApp ?? inAppHost)({ ...where, runs: 'in-app' }, remember),
      (l) => platform.log(l),
    );
    const shell = new Shell(platform, opts, host);
    await shell.open();
    return shell;
  }

  private async open(): Promise<void> {
    const { platform, opts } = this;
    // The origin as it is when asked: a page that follows the host to a new port may go there.
    platform.guard({ allowNavigation: (url) => isAllowedNavigation(url, this.address.origin), onOpen: (url) => this.openRequested(url) });
    this.answerPages();

    this.control = platform.createWindow({ title: 'Rostrum 讲台', width: 1280, height: 800, webPreferences: secureWebPreferences(opts.preload) });
    this.control.onClosed(() => platform.quit());
    await this.control.load(this.address.controlUrl);

    this.projector = platform.createWindow({
      title: 'Rostrum 讲台 — Display',
      showInactive: true,
      autoHideMenuBar: true,
      backgroundColor: '#0b1020',
      // The projector must never be throttled: a hidden or unfocused window still renders every frame.
      webPreferences: secureWebPreferences(opts.preload, { background: false }),
    });
    this.placeProjector();
    await this.projector.load(this.address.displayUrl);
    // A projector plugged in (or out) mid-meeting: the display window follows; the meeting goes on.
    platform.onScreensChanged(() => {
      this.placeProjector();
      this.keepMiniInView();
    });
  }

  /** The screen under the mini timer unplugged: it comes back where it can be seen (not every system moves it). */
  private keepMiniInView(): void {
    const mini = this.views.get('mini');
    if (!mini) return;
    const { displays, primaryId } = this.platform.screens();
    const now = mini.getBounds();
    const placed = placeMini(displays, primaryId, now, this.control?.getBounds() ?? null);
    if (!sameRect(placed, now)) mini.setBounds(placed);
  }

  /** Opens one of the views as an app window, or brings it forward if it is open already. */
  async openView(view: ViewWindow, url = viewUrl(view, this.address)): Promise<AppWindow> {
    const open = this.views.get(view);
    if (open) {
      open.focus();
      return open;
    }
    const { displays, primaryId } = this.platform.screens();
    const win = this.platform.createWindow(
      view === 'mini'
        ? miniWindowSpec(displays, primaryId, loadSettings(this.opts.settingsFile).mini, this.control?.getBounds() ?? null, this.opts.preload)
        : { title: `Rostrum 讲台 — ${view}`, width: 1200, height: 860, webPreferences: secureWebPreferences(this.opts.preload) },
    );
    this.views.set(view, win);
    win.onClosed(() => {
      if (this.views.get(view) === win) this.views.delete(view);
      if (view !== 'mini') return;
      this.miniBounds.flush();
      this.refreshMenu();
    });
    if (view === 'mini') {
      win.onBoundsChanged((bounds) => this.miniBounds.moved(bounds));
      // The Window menu's tick follows the window.
      this.refreshMenu();
    }
    await win.load(url);
    return win;
  }

  /** The mini timer from the menu or its shortcut: opened when closed, closed when open. */
  toggleMini(): void {
    const open = this.views.get('mini');
    if (open) open.close();
    else void this.openView('mini');
  }

  /** A page asked for a new window (a link with target=_blank): only the host's own views open, as app windows. */
  private openRequested(url: string): void {
    const view = openableView(url, this.address.origin);
    if (!view) return this.platform.log(`rostrum: refused to open ${url.slice(0, 200)}`);
    void this.openView(view, url);
  }

  moveProjector(displayId: number): void {
    const target = this.platform.screens().displays.find((d) => d.id === displayId);
    if (!target) throw new Error(`no screen with id ${displayId} is connected`);
    saveSettings(this.opts.settingsFile, { ...loadSettings(this.opts.settingsFile), projector: rememberDisplay(target) });
    this.placeProjector(true);
  }

  private placeProjector(chosen = false): void {
    if (!this.projector) return;
    const screens = this.platform.screens();
    const plan = replan(this.placed, screens, loadSettings(this.opts.settingsFile).projector, chosen);
    if (!plan) return;
    applyPlacement(this.projector, plan.placement);
    this.placed = { key: plan.key, displayId: plan.placement.displayId };
    this.refreshMenu();
    if (plan.notice) this.tell(plan.notice);
  }

  private tell(notice: ShellNotice): void {
    this.platform.log(`rostrum: the display moved to ${notice.screen} (its screen was ${notice.reason})`);
    this.control?.send(SHELL_EVENTS.notice, notice);
  }

  private refreshMenu(): void {
    const { displays, primaryId } = this.platform.screens();
    this.platform.setMenu(
      buildMenu(this.opts.lang, displays, primaryId, this.placed?.displayId ?? null, this.views.has('mini'), {
        moveProjector: (id) => this.moveProjector(id),
        toggleFullscreen: () => this.projector?.setFullScreen(!this.projector.isFullScreen()),
        focusControl: () => this.control?.focus(),
        // The control view opens its Network panel when its address asks for it (a fragment change: no reload).
        openNetwork: () => {
          this.control?.focus();
          void this.control?.load(`${this.address.controlUrl}&panel=network`);
        },
        openView: (view) => void this.openView(view),
        toggleMini: () => this.toggleMini(),
      }),
    );
  }

  private answerPages(): void {
    const { platform } = this;
    const trusted = (sender: IpcSender) => {
      if (!isTrustedSender(sender.frameUrl, sender.isMainFrame, this.address.origin)) throw new Error('refused: untrusted sender');
    };
    platform.handle(IPC.listDisplays, (sender): DisplayInfo[] => {
      trusted(sender);
      const { displays, primaryId } = platform.screens();
      return displays.map((d) => ({ id: d.id, label: d.label ?? '', width: d.bounds.width, height: d.bounds.height, primary: d.id === primaryId, current: d.id === this.placed?.displayId }));
    });
    platform.handle(IPC.moveDisplayWindow, (sender, [displayId]) => {
      trusted(sender);
      if (typeof displayId !== 'number') throw new Error('displayId must be a number');
      this.moveProjector(displayId);
    });
    platform.handle(IPC.savePdf, async (sender) => {
      trusted(sender);
      if (!sender.window || !isPrintablePage(sender.frameUrl, this.address.origin)) throw new Error('refused: only the report and the QR cards are saved as PDF');
      const view = openableView(sender.frameUrl ?? '', this.address.origin);
      const path = await platform.saveDialog(sender.window, { title: 'PDF', defaultName: `rostrum-${view}.pdf` });
      if (path === null) return null;
      await writeFile(path, await sender.window.printToPdf());
      return path;
    });
  }

  /** Closes the meeting (log and snapshot settled); the windows go with the app. */
  close(): Promise<void> {
    this.miniBounds.flush();
    return this.host.close();
  }
}
