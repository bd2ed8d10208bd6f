import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support';

/** `npm run serve` as it runs: the supervisor (serve.ts) and the host process it starts. */
async function serve() {
  const dir = await tempDir();
  await mkdir(join(dir, 'ui'));
  await writeFile(join(dir, 'ui', 'index.html'), '<!doctype html><title>stub</title>');
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/host/serve.ts', '--meeting', join(dir, 'm.rostrum.jsonl'), '--port', '0', '--ui', join(dir, 'ui')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const grew: (() => void)[] = [];
  const take = (d: Buffer) => {
    out += d.toString();
    grew.splice(0).forEach((f) => f());
  };
  proc.stdout.on('data', take);
  proc.stderr.on('data', take);
  const until = (pattern: RegExp, from = 0) =>
    new Promise<RegExpExecArray>((resolve) => {
      const look = () => {
        const m = pattern.exec(out.slice(from));
        if (m) resolve(m);
        else grew.push(look);
      };
      look();
    });
  return { proc, until, length: () => out.length };
}

describe('serve mode', () => {
  it('starts a host that dies again on the same port, and stops at the fifth death in a minute, saying why', async () => {
    const s = await serve();
    const exited = new Promise<number | null>((resolve) => s.proc.once('exit', resolve));
    const first = await s.until(/host process (\d+) started/);
    const url = await s.until(/control[^:]*:\s+(http\S+)/);
    const origin = new URL(url[1] ?? '').origin;
    let pid = Number(first[1]);
    for (let death = 1; death <= 4; death++) {
      const mark = s.length();
      process.kill(pid, 'SIGKILL');
      await s.until(/the host was ended by SIGKILL; starting it again in [\d.]+ s/, mark);
      pid = Number((await s.until(/host process (\d+) started/, mark))[1]);
      // The same address answers again: every screen reconnects by itself.
      const again = await s.until(/control[^:]*:\s+(http\S+)/, mark);
      expect(new URL(again[1] ?? '').origin).toBe(origin);
      expect((await fetch(`${origin}/api/v1/health`)).status).toBe(200);
    }
    const mark = s.length();
    process.kill(pid, 'SIGKILL');
    await s.until(/the host stopped 5 times within 60 s, so it is not started again/, mark);
    expect(await exited).toBe(1);
  }, 120_000);
});
