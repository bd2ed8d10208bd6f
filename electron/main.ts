import { app, BrowserWindow, ipcMain, Menu, screen, session, utilityProcess } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_V8_FLAGS } from '../src/host/process-flags';
import { HostProcess, startShellHost } from './host-process';
import type { HostStart, ShellHost } from './host-process';
import { addressOf, runShellHost } from './host-port';
import { buildMenu } from './menu';
import { placeProjector, rememberDisplay } from './placement';
import type { DisplayLike } from './placement';
import { isAllowedNavigation, isTrustedSender, secureWebPreferences } from './security';
import { loadSettings, saveSettings } from './settings-file';
import { IPC } from './shell-api';
import type { DisplayInfo } from './shell-api';

// The shell only starts the host (in a process of its own) and opens windows on its pages;
// everything else is the host's.
const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const hostEntry = fileURLToPath(new URL('./host.js', import.meta.url));
const settingsFile = () => join(app.getPath('userData'), 'shell.json');
const lang = () => (app.getLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en');

let host: ShellHost | null = null;
/** The host's origin: the same across meeting switches and restarts (same port). */
const origin = (): string => host?.address.origin ?? '';
let control: BrowserWindow | null = null;
let projector: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (control?.isMinimized()) control.restore();
  control?.focus();
});

// Harden every web contents, including any a page might try to create.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!host || !isAllowedNavigation(url, origin())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

const displays = (): DisplayLike[] => screen.getAllDisplays().map((d) => ({ id: d.id, label: d.label, bounds: d.bounds, workArea: d.workArea }));

/** Puts the projector where it belongs now: the remembered screen if present, else a secondary one. */
function placeProjectorWindow(): void {
  if (!projector) return;
  const placement = placeProjector(displays(), screen.getPrimaryDisplay().id, loadSettings(settingsFile()).projector);
  projector.setFullScreen(false);
  projector.setBounds(placement.bounds);
  if (placement.fullscreen) projector.setFullScreen(true);
  refreshMenu(placement.displayId);
}

function moveProjector(displayId: number): void {
  const target = displays().find((d) => d.id === displayId);
  if (!target) return;
  saveSettings(settingsFile(), { projector: rememberDisplay(target) });
  placeProjectorWindow();
}

function refreshMenu(currentId: number | null): void {
  Menu.setApplicationMenu(
    buildMenu(lang(), displays(), screen.getPrimaryDisplay().id, currentId, {
      moveProjector,
      toggleFullscreen: () => projector?.setFullScreen(!projector.isFullScreen()),
    }),
  );
}

function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return host !== null && isTrustedSender(frame?.url, frame === event.sender.mainFrame, origin());
}

function registerIpc(): void {
  ipcMain.handle(IPC.listDisplays, (event): DisplayInfo[] => {
    if (!trusted(event)) throw new Error('refused: untrusted sender');
    const primary = screen.getPrimaryDisplay().id;
    const current = projector ? screen.getDisplayMatching(projector.getBounds()).id : null;
    return displays().map((d) => ({ id: d.id, label: d.label ?? '', width: d.bounds.width, height: d.bounds.height, primary: d.id === primary, current: d.id === current }));
  });
  ipcMain.handle(IPC.moveDisplayWindow, (event, displayId: unknown) => {
    if (!trusted(event)) throw new Error('refused: untrusted sender');
    if (typeof displayId !== 'number') throw new Error('displayId must be a number');
    moveProjector(displayId);
  });
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const where: HostStart = { meetingsDir: join(app.getPath('userData'), 'meetings'), uiDir: join(app.getAppPath(), 'dist', 'ui'), port: 0 };
  host = await startShellHost(
    () => HostProcess.start((s) => utilityProcess.fork(hostEntry, [JSON.stringify(s)], { execArgv: [...HOST_V8_FLAGS], serviceName: 'Rostrum host', stdio: 'inherit' }), where),
    async () => {
      const inShell = await runShellHost(where);
      return { address: addressOf(inShell), close: () => inShell.close() };
    },
  );
  registerIpc();

  control = new BrowserWindow({ width: 1280, height: 800, title: 'Rostrum 讲台', show: false, webPreferences: secureWebPreferences(preload) });
  control.once('ready-to-show', () => control?.show());
  control.on('closed', () => app.quit());
  await control.loadURL(host.address.controlUrl);

  projector = new BrowserWindow({
    title: 'Rostrum 讲台 — Display',
    show: false,
    frame: true,
    autoHideMenuBar: true,
    backgroundColor: '#0b1020',
    webPreferences: secureWebPreferences(preload, { background: false }),
  });
  projector.once('ready-to-show', () => projector?.showInactive());
  placeProjectorWindow();
  await projector.loadURL(host.address.displayUrl);

  // A projector plugged in (or out) mid-meeting: the display window follows.
  screen.on('display-added', placeProjectorWindow);
  screen.on('display-removed', placeProjectorWindow);
  screen.on('display-metrics-changed', placeProjectorWindow);
}

app.whenReady().then(start, (err: unknown) => {
  console.error('rostrum: could not start', err);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!host) return;
  event.preventDefault();
  const closing = host;
  host = null;
  void closing.close().finally(() => app.exit(0));
});
