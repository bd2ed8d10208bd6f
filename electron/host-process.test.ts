import { EventEmitter } from 'node:events';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostProcess, startShellHost } from './host-process';
import type { ChildLike, FromHost, HostStart, ToHost } from './host-process';
import { serveShell } from './host-port';

/** A host process as the shell sees it: it answers as a script says, and exits when told. */
class FakeChild extends EventEmitter implements ChildLike {
  readonly got: ToHost[] = [];
  constructor(readonly start: HostStart) {
    super();
  }
  /** A hung host hears nothing. */
  hung = false;
  postMessage(message: ToHost): void {
    this.got.push(message);
    if (message.type === 'close' && !this.hung) queueMicrotask(() => this.emit('exit', 0));
  }
  killed = false;
  kill(): boolean {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 137));
    return true;
  }
  say(message: FromHost | object): void {
    this.emit('message', message);
  }
}

const address = (port: number) => ({ origin: `http://127.0.0.1:${port}`, controlUrl: `http://127.0.0.1:${port}/control#token=h`, displayUrl: `http://127.0.0.1:${port}/display#token=d` });
const start: HostStart = { meetingsDir: '/meetings', uiDir: '/ui', port: 0, runs: 'utility', network: { lan: false, interface: 'all' } };

/** Forks fake children; each answers "ready" on port 4317 unless told otherwise. */
function forker(answers: ((c: FakeChild) => void)[] = []) {
  const children: FakeChild[] = [];
  const fork = (s: HostStart) => {
    const child = new FakeChild(s);
    children.push(child);
    const answer = answers[children.length - 1] ?? ((c: FakeChild) => c.say({ type: 'ready', address: address(4317) }));
    queueMicrotask(() => answer(child));
    return child;
  };
  return { fork, children };
}
const flush = () => new Promise((r) => setImmediate(r));

describe('the host in its own process, seen from the shell', () => {
  it('starts it and learns where it listens', async () => {
    const { fork } = forker();
    const host = await HostProcess.start(fork, start, () => {});
    expect(host.address.displayUrl).toBe('http://127.0.0.1:4317/display#token=d');
  });

  it('fails with the host’s own reason when the meeting cannot be opened', async () => {
    const { fork } = forker([(c) => c.say({ type: 'failed', message: 'meeting.rostrum.jsonl, line 1: not a Rostrum meeting' })]);
    await expect(HostProcess.start(fork, start, () => {})).rejects.toThrow('line 1: not a Rostrum meeting');
  });

  it('refuses a message that is not of the link’s protocol, and a process that dies before it is ready', async () => {
    await expect(HostProcess.start(forker([(c) => c.say({ type: 'hello' })]).fork, start, () => {})).rejects.toThrow('sent something unexpected: {"type":"hello"}');
    await expect(HostProcess.start(forker([(c) => c.emit('exit', 9)]).fork, start, () => {})).rejects.toThrow('exited (code 9) before it was ready');
  });

  it('gives up on a process that never says it is ready, and ends it', async () => {
    const { fork, children } = forker([() => {}]);
    await expect(HostProcess.start(fork, start, () => {}, 0)).rejects.toThrow('did not say it was ready within 0 s');
    expect(children[0]?.killed).toBe(true);
  });

  it('starts it again on the same port when it dies, so the windows reconnect by themselves', async () => {
    const { fork, children } = forker();
    const log: string[] = [];
    const host = await HostProcess.start(fork, start, (l) => log.push(l));
    children[0]?.emit('exit', 134);
    await flush();
    expect(children).toHaveLength(2);
    expect(children[1]?.start).toEqual({ ...start, port: 4317 });
    expect(log[0]).toMatch(/stopped \(exit code 134\); starting it again on port 4317/);
    // And again after that: each death gets its restart.
    children[1]?.emit('exit', 1);
    await flush();
    expect(children).toHaveLength(3);
    await host.close();
  });

  it('does not start it in a loop when it dies again before it is ready', async () => {
    const { fork, children } = forker([(c) => c.say({ type: 'ready', address: address(4317) }), (c) => c.say({ type: 'failed', message: 'port 4317 is in use' })]);
    const log: string[] = [];
    const host = await HostProcess.start(fork, start, (l) => log.push(l));
    children[0]?.emit('exit', 1);
    await flush();
    children[1]?.emit('exit', 1);
    await flush();
    expect(children).toHaveLength(2);
    expect(log.at(-1)).toMatch(/could not be started again: port 4317 is in use/);
    await host.close();
  });

  it('asks it to close the meeting on quit and waits until the process is gone', async () => {
    const { fork, children } = forker();
    const host = await HostProcess.start(fork, start, () => {});
    await host.close();
    expect(children[0]?.got).toEqual([{ type: 'close' }]);
    expect(children).toHaveLength(1);
  });

  it('ends a host that does not answer, so quitting never hangs', async () => {
    const { fork, children } = forker();
    const host = await HostProcess.start(fork, start, () => {});
    if (children[0]) children[0].hung = true;
    await host.close(0);
    expect(children).toHaveLength(1);
  });
});

describe('where the host runs', () => {
  const inShell = { address: address(5000), runs: 'in-app' as const, close: () => Promise.resolve() };

  it('in its own process when that starts', async () => {
    const own = await HostProcess.start(forker().fork, start, () => {});
    expect(await startShellHost(() => Promise.resolve(own), () => Promise.resolve(inShell), () => {})).toBe(own);
  });

  it('inside the app when its own process cannot start, saying why', async () => {
    const log: string[] = [];
    const own = () => HostProcess.start(forker([(c) => c.emit('exit', 1)]).fork, start, () => {});
    expect(await startShellHost(own, () => Promise.resolve(inShell), (l) => log.push(l))).toBe(inShell);
    expect(log).toEqual([expect.stringMatching(/own process did not start \(the host process exited \(code 1\) before it was ready\); running the host inside the app/)]);
  });
});

/** A folder for meetings beside stub views, and a port that records what the host says. */
async function hostSide() {
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-shell-'));
  const uiDir = join(dir, 'ui');
  await mkdir(uiDir);
  await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>stub</title>');
  const port = Object.assign(new EventEmitter(), { sent: [] as FromHost[], postMessage: (m: FromHost) => port.sent.push(m) });
  return { port, start: { meetingsDir: join(dir, 'meetings'), uiDir, port: 0, runs: 'utility' as const, network: { lan: false, interface: 'all' as const } } };
}

describe('a network setting changed in the control view', () => {
  it('is remembered by the shell, and a restarted host listens where the host listened last', async () => {
    const { fork, children } = forker();
    const host = await HostProcess.start(fork, start, () => {});
    const remembered: unknown[] = [];
    host.onNetwork = (setting) => remembered.push(setting);
    const setting = { lan: true, interface: 'wifi' as const, port: 4400 };
    children[0]?.say({ type: 'network', setting, address: address(4400) });
    expect(remembered).toEqual([setting]);
    expect(host.address.origin).toBe('http://127.0.0.1:4400');
    children[0]?.emit('exit', 1);
    await flush();
    expect(children[1]?.start).toMatchObject({ port: 4400, network: { lan: true, interface: 'wifi' } });
  });
});

describe('the host process, seen from the host', () => {
  it('tells the shell a network setting applied from the control view, with where it listens now', async () => {
    const { port, start } = await hostSide();
    const serving = serveShell(port, start);
    // Opening the demo meeting takes seconds on a busy machine.
    await expect.poll(() => port.sent.length, { timeout: 15_000 }).toBe(1);
    const ready = port.sent[0];
    if (ready?.type !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(ready)}`);
    const token = new URL(ready.address.controlUrl).hash.replace('#token=', '');
    const res = await fetch(`${ready.address.origin}/api/v1/network`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lan: false, interface: 'cable', port: Number(new URL(ready.address.origin).port) }),
    });
    expect(res.status).toBe(200);
    expect(port.sent.at(-1)).toMatchObject({ type: 'network', setting: { lan: false, interface: 'cable' }, address: { origin: ready.address.origin } });
    port.emit('message', { data: { type: 'close' } });
    await serving;
  });

  it('closes at once when asked to while it was still opening the meeting', async () => {
    const { port, start } = await hostSide();
    const serving = serveShell(port, start);
    port.emit('message', { data: { type: 'close' } });
    await serving;
    expect(port.sent.map((m) => m.type)).toEqual(['ready', 'closed']);
  });

  it('opens the demo the first time, says where it listens, and closes the meeting when asked', async () => {
    const { port, start } = await hostSide();
    const serving = serveShell(port, start);
    await expect.poll(() => port.sent.length).toBe(1);
    const ready = port.sent[0];
    if (ready?.type !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(ready)}`);
    expect((await fetch(ready.address.displayUrl)).status).toBe(200);
    // Messages that are not the shell's "close" change nothing.
    port.emit('message', { data: { type: 'quit' } });
    await new Promise((r) => setImmediate(r));
    expect(port.sent).toHaveLength(1);
    port.emit('message', { data: { type: 'close' } });
    await serving;
    expect(port.sent.at(-1)).toEqual({ type: 'closed' });
    await expect(fetch(ready.address.displayUrl)).rejects.toThrow();
  });
});
