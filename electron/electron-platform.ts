import { app, BrowserWindow, dialog, ipcMain, Menu, powerSaveBlocker, screen, session, utilityProcess } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { DisplayLike, Rect } from './placement';
import type { AppWindow, MenuItem, Platform } from './platform';

/**
 * The Platform over Electron's API: the one place (with main.ts and the preload) that imports
 * Electron. Kept to translation only, so what it does not test (Electron itself) is as little as
 * possible; the shell's logic is in shell.ts.
 */
class ElectronWindow implements AppWindow {
  constructor(readonly win: BrowserWindow) {}
  load(url: string): Promise<void> {
    return this.win.loadURL(url);
  }
  url(): string {
    return this.win.webContents.getURL();
  }
  getBounds(): Rect {
    return this.win.getBounds();
  }
  setBounds(bounds: Rect): void {
    this.win.setBounds(bounds);
  }
  onBoundsChanged(listener: (bounds: Rect) => void): void {
    // 'moved' and 'resized' (once, at the end) exist only on macOS and Windows: these fire everywhere, the shell debounces them.
    const tell = () => {
      if (!this.win.isDestroyed()) listener(this.win.getNormalBounds());
    };
    this.win.on('move', tell);
    this.win.on('resize', tell);
  }
  isFullScreen(): boolean {
    return this.win.isFullScreen();
  }
  setFullScreen(on: boolean): void {
    this.win.setFullScreen(on);
  }
  focus(): void {
    if (this.win.isMinimized()) this.win.restore();
    this.win.focus();
  }
  close(): void {
    this.win.close();
  }
  onClosed(listener: () => void): void {
    this.win.on('closed', listener);
  }
  printToPdf(): Promise<Uint8Array> {
    return this.win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  }
  send(channel: string, payload: unknown): void {
    if (!this.win.isDestroyed()) this.win.webContents.send(channel, payload);
  }
}

const toElectronMenu = (item: MenuItem): MenuItemConstructorOptions => {
  switch (item.kind) {
    case 'item':
      return { label: item.label, click: item.click, ...(item.accelerator ? { accelerator: item.accelerator } : {}), enabled: item.enabled ?? true };
    case 'radio':
      return { label: item.label, type: 'radio', checked: item.checked, click: item.click };
    case 'checkbox':
      return { label: item.label, type: 'checkbox', checked: item.checked, click: item.click, ...(item.accelerator ? { accelerator: item.accelerator } : {}) };
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { role: item.role, ...(item.label ? { label: item.label } : {}) };
    case 'submenu':
      return { label: item.label, submenu: item.items.map(toElectronMenu) };
    default:
      return item satisfies never;
  }
};

const displayOf = (d: Electron.Display): DisplayLike => ({ id: d.id, label: d.label, bounds: d.bounds, workArea: d.workArea });

export function electronPlatform(opts: { hostEntry: string; hostExecArgv: readonly string[] }): Platform {
  /** The shell's windows by their web contents, so an IPC request knows which window asked. */
  const windows = new Map<number, ElectronWindow>();
  return {
    createWindow(spec) {
      const win = new BrowserWindow({
        title: spec.title,
        show: false,
        ...(spec.x !== undefined && spec.y !== undefined ? { x: spec.x, y: spec.y } : {}),
        ...(spec.width ? { width: spec.width } : {}),
        ...(spec.height ? { height: spec.height } : {}),
        ...(spec.minWidth ? { minWidth: spec.minWidth } : {}),
        ...(spec.minHeight ? { minHeight: spec.minHeight } : {}),
        ...(spec.backgroundColor ? { backgroundColor: spec.backgroundColor } : {}),
        autoHideMenuBar: spec.autoHideMenuBar ?? false,
        webPreferences: spec.webPreferences,
      });
      if (spec.alwaysOnTop) {
        win.setAlwaysOnTop(true, spec.alwaysOnTop.level);
        win.setVisibleOnAllWorkspaces(spec.alwaysOnTop.visibleOnAllWorkspaces, { visibleOnFullScreen: spec.alwaysOnTop.visibleOnFullScreen });
      }
      win.once('ready-to-show', () => (spec.showInactive ? win.showInactive() : win.show()));
      const id = win.webContents.id;
      const wrapped = new ElectronWindow(win);
      windows.set(id, wrapped);
      win.on('closed', () => windows.delete(id));
      return wrapped;
    },
    screens: () => ({ displays: screen.getAllDisplays().map(displayOf), primaryId: screen.getPrimaryDisplay().id }),
    onScreensChanged(listener) {
      screen.on('display-added', listener);
      screen.on('display-removed', listener);
      screen.on('display-metrics-changed', listener);
    },
    forkHost: (start) => utilityProcess.fork(opts.hostEntry, [JSON.stringify(start)], { execArgv: [...opts.hostExecArgv], serviceName: 'Rostrum host', stdio: 'inherit' }),
    preventDisplaySleep() {
      powerSaveBlocker.start('prevent-display-sleep');
    },
    async saveDialog(parent, { title, defaultName }) {
      const owner = parent instanceof ElectronWindow ? parent.win : undefined;
      const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    setMenu(items) {
      Menu.setApplicationMenu(Menu.buildFromTemplate(items.map(toElectronMenu)));
    },
    handle(channel, handler) {
      ipcMain.handle(channel, (event, ...args: unknown[]) =>
        handler({ frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame === event.sender.mainFrame, window: windows.get(event.sender.id) ?? null }, args),
      );
    },
    guard(rules) {
      session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      // Every web contents, including any a page might try to create.
      app.on('web-contents-created', (_event, contents) => {
        contents.on('will-navigate', (event, url) => {
          if (!rules.allowNavigation(url)) event.preventDefault();
        });
        contents.on('will-attach-webview', (event) => event.preventDefault());
        contents.setWindowOpenHandler(({ url }) => {
          rules.onOpen(url);
          return { action: 'deny' };
        });
      });
    },
    later(ms, run) {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    quit: () => app.quit(),
    log: (line) => console.error(line),
  };
}
