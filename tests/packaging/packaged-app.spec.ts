import { expect, test } from '@playwright/test';
import { extractAll, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { fork, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_V8_FLAGS } from '../../src/host/process-flags';
import { runtimeGraph } from './dependency-graph';
import { OFF, ON, standInElectron } from './stand-in-electron';

/**
 * The desktop app as `npm run dist` packs it, checked here where no Electron binary exists:
 * electron-builder packs the Linux `dir` target around a stand-in Electron folder, then the
 * app.asar it wrote is read back. Everything the app loads at run time must be inside, and the
 * host, run from the extracted app under Node (as Electron's utility process would run it), must
 * serve the demo meeting to a display page in Chromium.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const demoTitle = '理任务 晒思路 工作目标大比拼';

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** Every file under `dir`, as paths relative to `base` with forward slashes. */
function filesUnder(base: string, dir: string): string[] {
  return readdirSync(join(base, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(base, join(e.parentPath, e.name)).split(sep).join('/'));
}

let work = '';
let unpacked = '';
let asarPath = '';
let app = ''; // app.asar extracted
let inAsar = new Set<string>();

test.describe.configure({ mode: 'serial' });
// Windows and macOS build their real installers in CI (.github/workflows/desktop.yml, `npm run dist`)
// and run them in the Electron smoke suite; this stand-in packing is the check for where no
// Electron binary exists, on the Linux target.
test.skip(process.platform !== 'linux', 'packs the Linux dir target around a stand-in Electron: on this OS, CI builds the real installer and runs the smoke suite');

test.beforeAll(() => {
  test.setTimeout(300_000);
  // What `npm run dist` builds first: the views (npm test has just built them) and the shell, in
  // production mode as for the installers.
  if (!existsSync(join(root, 'dist/ui/index.html'))) run('npm', ['run', 'build:ui']);
  run('npm', ['run', 'build:shell']);
  work = mkdtempSync(join(tmpdir(), 'rostrum-packaging-'));
  run('npx', [
    'electron-builder',
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${standInElectron(join(work, 'electron'))}`,
    `-c.electronVersion=${pkg.devDependencies.electron}`,
    `-c.directories.output=${join(work, 'release')}`,
  ]);
  unpacked = join(work, 'release', 'linux-unpacked');
  asarPath = join(unpacked, 'resources', 'app.asar');
  inAsar = new Set(listPackage(asarPath, { isPack: false }).map((f) => f.split(sep).join('/').replace(/^\//, '')));
  app = join(work, 'app');
  extractAll(asarPath, app);
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('app.asar holds the shell, the host’s entry, the views with their assets, and the sounds', () => {
  const missing = (files: string[]) => files.filter((f) => !inAsar.has(f));
  expect(inAsar.has(pkg.main), `package.json main (${pkg.main})`).toBe(true);
  // Every file the builds wrote: main, its chunks and the host's entry, the preload, every view and asset.
  expect(missing([...filesUnder(root, 'out'), ...filesUnder(root, 'dist/ui')])).toEqual([]);
  // What main loads by path at run time (the preload, the host's entry), read from the built main itself.
  const main = readFileSync(join(app, pkg.main), 'utf8');
  const loaded = [...main.matchAll(/new URL\(\s*["'`](\.{1,2}\/[^"'`]+)["'`],\s*import\.meta\.url\s*\)/g)].map((m) => posix.join(posix.dirname(pkg.main), m[1] ?? ''));
  expect(loaded).toEqual(expect.arrayContaining(['out/preload/preload.cjs', 'out/main/host.js']));
  expect(missing(loaded)).toEqual([]);
  // The page and what it links, as the browser will ask for them.
  const index = readFileSync(join(app, 'dist/ui/index.html'), 'utf8');
  const linked = [...index.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => `dist/ui/${m[1]}`);
  expect(linked.length).toBeGreaterThan(0);
  expect(missing(linked)).toEqual([]);
  // The chimes, byte for byte, wherever the views' build put them.
  const packedAssets = filesUnder(app, 'dist/ui').map((f) => readFileSync(join(app, f)));
  for (const sound of readdirSync(join(root, 'assets/sounds'))) {
    const bytes = readFileSync(join(root, 'assets/sounds', sound));
    expect(packedAssets.some((a) => a.equals(bytes)), `assets/sounds/${sound} in the packed views`).toBe(true);
  }
});

test('every runtime dependency is packed with its own dependencies, in the installed versions, and nothing else', () => {
  const installed = runtimeGraph(root);
  const packed = runtimeGraph(app);
  expect(installed.unresolved).toEqual([]);
  expect(packed.unresolved).toEqual([]);
  expect(installed.packages.has(`exceljs@${pkg.dependencies.exceljs}`), 'exceljs (loaded lazily) is in the graph').toBe(true);
  const ids = (g: typeof installed) => [...g.packages.keys()].sort();
  expect(ids(packed)).toEqual(ids(installed));
  // No devDependency (Electron, React, the build tools) rides along.
  const packages = [...inAsar].filter((f) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(f) && !/\/node_modules\/(@[^/]+\/)?[^/@]+\/(?!node_modules\/).+\/package\.json$/.test(f));
  const graphPaths = new Set([...packed.packages.values()].flatMap((p) => p.paths.map((path) => `${path}/package.json`)));
  expect(packages.filter((f) => !graphPaths.has(f))).toEqual([]);
  // Each dependency's entry loads from the packed tree alone.
  const load = spawnSync(process.execPath, ['--input-type=module', '-e', `for (const d of ${JSON.stringify(Object.keys(pkg.dependencies))}) await import(d);`], { cwd: app, encoding: 'utf8' });
  expect(load.stderr).toBe('');
  expect(load.status).toBe(0);
});

test('the Electron fuses are set: no Node mode, code only from app.asar, its integrity checked', async () => {
  const wire = await getCurrentFuseWire(join(unpacked, 'rostrum'));
  const state = (option: FuseV1Options) => wire[option];
  expect(state(FuseV1Options.RunAsNode)).toBe(OFF);
  expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(OFF);
  expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(OFF);
  expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(ON);
  expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(ON);
  expect(state(FuseV1Options.EnableCookieEncryption)).toBe(ON);
  expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(OFF);
});

test('the packaged host serves the demo meeting; the packaged display renders it; exceljs loads', async ({ page }) => {
  const meetingsDir = join(work, 'meetings');
  // As the shell starts it (electron/main.ts); under Node its link to the shell is Node's IPC
  // channel instead of Electron's parentPort (electron/parent-port.ts).
  // What the shell tells its host process (electron/host-process.ts HostStart), as JSON on its command line.
  const start = { meetingsDir, uiDir: join(app, 'dist/ui'), port: 0, network: { lan: false, interface: 'all' }, runs: 'utility' };
  const host: ChildProcess = fork(join(app, 'out/main/host.js'), [JSON.stringify(start)], {
    cwd: work,
    execArgv: [...HOST_V8_FLAGS],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => host.on('exit', resolve));
  try {
    const said = await new Promise<{ type: string; address?: { origin: string; controlUrl: string; displayUrl: string }; message?: string }>((resolve, reject) => {
      host.once('message', (m) => resolve(m as never));
      void exited.then((code) => reject(new Error(`the packaged host exited (${code}) before it was ready`)));
    });
    expect(said, said.message).toMatchObject({ type: 'ready' });
    const address = said.address!;
    expect(new URL(address.origin).hostname).toBe('127.0.0.1');

    await page.goto(address.displayUrl);
    await expect(page.getByText(demoTitle).first()).toBeVisible({ timeout: 20_000 });

    // exceljs is loaded only when a spreadsheet is asked for: ask for one.
    const hostToken = new URL(address.controlUrl).hash.replace('#token=', '');
    const xlsx = await fetch(`${address.origin}/api/v1/export/results.xlsx`, { headers: { authorization: `Bearer ${hostToken}` } });
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
  } finally {
    // As the shell does on quit: the host settles the meeting and exits by itself.
    if (host.connected) host.send({ type: 'close' });
  }
  expect(await exited).toBe(0);
  expect(readdirSync(meetingsDir)).toContain('demo.rostrum.jsonl');
});
