// `npm start`: build, then open the Electron app; where Electron cannot run, say so in one line
// and run the same app in serve mode (host in Node, views in a browser).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const run = (cmd, cmdArgs) => {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npx', ['vite', 'build', '--logLevel', 'warn']);

/**
 * Asks the electron package for its binary. Where the binary was never downloaded, that call
 * tries to download it (which fails without network), so it runs in a child with its output
 * captured and a time limit.
 */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error) return { reason: probe.error.message };
  const path = probe.stdout.trim().split('\n').pop() ?? '';
  if (probe.status !== 0 || !existsSync(path)) {
    const why = (probe.stderr.match(/Error: (.*)/) ?? [])[1] ?? 'binary not downloaded';
    return { reason: why.trim() };
  }
  return { path };
}

const electron = electronBinary();
if (electron.path) {
  // A development build: DevTools on (electron/build-flags.ts); `npm run dist` builds without.
  run('npx', ['electron-vite', 'build', '--mode', 'development', '--logLevel', 'warn']);
  const child = spawn(electron.path, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron cannot start here (${electron.reason}); running Rostrum in serve mode, open the URLs below in a browser.`);
  // The host's V8 flags (src/host/process-flags.ts), as the desktop app gives its host process.
  const child = spawn(process.execPath, ['--max-semi-space-size=4', '--import', 'tsx', 'src/host/serve.ts', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
