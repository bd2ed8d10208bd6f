import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { keysFile, reviewerKeysFile } from '../../src/host/tokens';

/** The host as its own Node process, exactly as `npm run serve` runs it, so a test can SIGKILL it. */
export interface ChildHost {
  proc: ChildProcess;
  origin: string;
  hostToken: string;
  tokens: { clerk: string; reviewers: Record<string, string> };
}

/**
 * `wrap` runs the host under another command that then runs it, to give it a real fault: a file
 * size limit (`prlimit --fsize=…`), fewer privileges (`setpriv …`), a slow disk (`strace -e inject=…`).
 */
export async function startChildHost(meetingPath: string, uiDir: string, wrap: string[] = []): Promise<ChildHost> {
  const host = [process.execPath, '--import', 'tsx', 'src/host/cli.ts', '--meeting', meetingPath, '--port', '0', '--ui', uiDir];
  const [command = '', ...args] = [...wrap, ...host];
  const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const control = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /control[^:]*:\s+(http\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    proc.once('exit', (code) => reject(new Error(`the host exited (${code}) before it was ready: ${err}`)));
  });
  const url = new URL(control);
  const tokens = {
    ...(JSON.parse(await readFile(keysFile(meetingPath), 'utf8')) as object),
    ...(JSON.parse(await readFile(reviewerKeysFile(meetingPath), 'utf8')) as object),
  } as ChildHost['tokens'];
  return { proc, origin: url.origin, hostToken: new URLSearchParams(url.hash.slice(1)).get('token') ?? '', tokens };
}

export function kill(host: ChildHost): Promise<void> {
  return new Promise((resolve) => {
    if (host.proc.exitCode !== null || host.proc.signalCode !== null) return resolve();
    host.proc.once('exit', () => resolve());
    host.proc.kill('SIGKILL');
  });
}
