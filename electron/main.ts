import { app } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_V8_FLAGS } from '../src/host/process-flags';
import { electronPlatform } from './electron-platform';
import { Shell } from './shell';

// The app's lifecycle only: the shell's logic is in shell.ts, Electron's side in electron-platform.ts.
const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const hostEntry = fileURLToPath(new URL('./host.js', import.meta.url));

let shell: Shell | null = null;

// A profile of its own when asked (the smoke suite's temporary one): before the single-instance
// lock, which is per profile.
const userData = app.commandLine.getSwitchValue('user-data-dir');
if (userData) app.setPath('userData', userData);
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => shell?.control?.focus());

async function start(): Promise<void> {
  const platform = electronPlatform({ hostEntry, hostExecArgv: HOST_V8_FLAGS });
  shell = await Shell.start(platform, {
    preload,
    meetingsDir: join(app.getPath('userData'), 'meetings'),
    uiDir: join(app.getAppPath(), 'dist', 'ui'),
    settingsFile: join(app.getPath('userData'), 'shell.json'),
    lang: app.getLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en',
  });
}

app.whenReady().then(start).catch((err: unknown) => {
  console.error('rostrum: could not start', err);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
// Quitting waits for the meeting to be settled (log and snapshot on disk), then exits.
app.on('will-quit', (event) => {
  if (!shell) return;
  event.preventDefault();
  const closing = shell;
  shell = null;
  void closing.close().finally(() => app.exit(0));
});
