import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';

/**
 * A page in some browser engine, as the display bench needs it: open a URL at a size, run a
 * script in it and get its JSON back. Chromium is driven by playwright-core; WebKitGTK by its
 * WebDriver (plain HTTP) under Xvfb; Firefox ESR over WebDriver BiDi (a WebSocket): no driver
 * library is needed for what the bench asks of them.
 */
export interface EnginePage {
  /** `script` is an expression; its value must survive JSON. */
  evaluate<T>(script: string): Promise<T>;
  close(): Promise<void>;
}

export interface Engine {
  name: 'Chromium' | 'WebKitGTK' | 'Firefox ESR';
  /** Why this engine cannot run here, or null. */
  missing(): string | null;
  open(url: string, size: { width: number; height: number }): Promise<EnginePage>;
}

const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });

/** Resolves with the first match of `pattern` in the process's output, or fails after `ms`. */
function waitForOutput(proc: ChildProcess, pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; saw: ${seen.slice(-500)}`)), ms);
    const on = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    proc.stdout?.on('data', on);
    proc.stderr?.on('data', on);
    proc.once('exit', (code) => reject(new Error(`exited (${code}) before ${pattern}; saw: ${seen.slice(-500)}`)));
  });
}

const stop = (proc: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });

export const chromiumEngine: Engine = {
  name: 'Chromium',
  missing: () => (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') ? null : 'no /usr/bin/chromium (apt-get install chromium)'),
  async open(url, size) {
    const browser: Browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: size })).newPage();
    await page.goto(url);
    return {
      evaluate: (script) => page.evaluate(script),
      close: () => browser.close(),
    };
  },
};

/** A display of its own for engines that draw only to X (other benches may run an Xvfb too). */
async function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
  const proc = spawn(XVFB, ['-displayfd', '1', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const m = await waitForOutput(proc, /^(\d+)\n/m);
  return { display: `:${m[1]}`, proc };
}

/** Sends one W3C WebDriver command; its `value`, or an error naming the command. */
async function webdriver<T>(base: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await res.json()) as { value: T & { error?: string; message?: string } };
  if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value.error ?? res.status} ${json.value.message ?? ''}`);
  return json.value;
}

export const webkitEngine: Engine = {
  name: 'WebKitGTK',
  missing: () =>
    [WEBKIT_DRIVER, MINIBROWSER, XVFB].every(existsSync) ? null : 'WebKitGTK not installed (apt-get install --no-install-recommends webkit2gtk-driver xvfb xauth)',
  async open(url, size) {
    const x = await startXvfb();
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: x.display }, stdio: ['ignore', 'pipe', 'pipe'] });
    const base = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; ; i++) {
        try {
          await webdriver(base, 'GET', '/status');
          break;
        } catch (e) {
          if (i > 100) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const session = await webdriver<{ sessionId: string }>(base, 'POST', '/session', {
        capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
      });
      const at = `/session/${session.sessionId}`;
      // The window holds MiniBrowser's toolbar too: the page is a little shorter than `size`.
      await webdriver(base, 'POST', `${at}/window/rect`, { x: 0, y: 0, ...size });
      await webdriver(base, 'POST', `${at}/url`, { url });
      return {
        evaluate: <T>(script: string) => webdriver<T>(base, 'POST', `${at}/execute/async`, { script: `const done = arguments[0]; Promise.resolve(${script}).then((v) => done(v));`, args: [] }),
        async close() {
          await webdriver(base, 'DELETE', at).catch(() => undefined);
          await stop(driver);
          await stop(x.proc);
        },
      };
    } catch (e) {
      await stop(driver);
      await stop(x.proc);
      throw e;
    }
  },
};

/** Firefox's first-run screens and background traffic, off: the bench measures the page alone. */
const FIREFOX_PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.enabled': false,
  'browser.aboutwelcome.enabled': false,
};

export const firefoxEngine: Engine = {
  name: 'Firefox ESR',
  missing: () => (existsSync(FIREFOX) ? null : 'Firefox ESR not installed (apt-get install firefox-esr)'),
  async open(url, size) {
    const profile = await mkdtemp(join(tmpdir(), 'rostrum-bench-firefox-'));
    await writeFile(join(profile, 'user.js'), Object.entries(FIREFOX_PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
    const proc = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', `--window-size=${size.width},${size.height}`, 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const m = await waitForOutput(proc, /WebDriver BiDi listening on (ws:\/\/[^\s]+)/);
      const ws = new WebSocket(`${m[1]}/session`);
      await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
      let nextId = 1;
      const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as { id?: number; type: string; result?: unknown; error?: string; message?: string };
        const w = msg.id === undefined ? undefined : waiting.get(msg.id);
        if (!w || msg.id === undefined) return;
        waiting.delete(msg.id);
        if (msg.type === 'error') w.reject(new Error(`BiDi: ${msg.error}: ${msg.message}`));
        else w.resolve(msg.result);
      });
      const send = <T>(method: string, params: unknown): Promise<T> =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
          ws.send(JSON.stringify({ id, method, params }));
        });
      await send('session.new', { capabilities: {} });
      const tree = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
      const context = tree.contexts[0]?.context;
      if (!context) throw new Error('Firefox has no browsing context');
      await send('browsingContext.setViewport', { context, viewport: size });
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
      return {
        async evaluate<T>(script: string): Promise<T> {
          const r = await send<{ type: string; result: { type: string; value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
            expression: `Promise.resolve(${script}).then((v) => JSON.stringify(v ?? null))`,
            target: { context },
            awaitPromise: true,
          });
          if (r.type === 'exception') throw new Error(`Firefox: ${r.exceptionDetails?.text ?? 'exception'}`);
          return JSON.parse(r.result.value ?? 'null') as T;
        },
        async close() {
          ws.close();
          await stop(proc);
        },
      };
    } catch (e) {
      await stop(proc);
      throw e;
    }
  },
};

export const ENGINES: readonly Engine[] = [chromiumEngine, webkitEngine, firefoxEngine];
