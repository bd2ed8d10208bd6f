import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC, SHELL_EVENTS } from '../src/core/shell-api';
import { FakePlatform, HOST_ORIGIN, LAPTOP, PROJECTOR } from './fake-platform';
import type { FakeWindow } from './fake-platform';
import type { DisplayLike } from './placement';
import { Shell } from './shell';

async function started(setup: (p: FakePlatform) => void = () => {}, folder?: string) {
  const dir = folder ?? (await mkdtemp(join(tmpdir(), 'rostrum-shell-')));
  const platform = new FakePlatform();
  setup(platform);
  const inApp: string[] = [];
  const shell = await Shell.start(platform, {
    preload: '/app/out/preload/preload.cjs',
    meetingsDir: join(dir, 'meetings'),
    uiDir: '/app/dist/ui',
    settingsFile: join(dir, 'shell.json'),
    lang: 'en',
    inApp: (start) => {
      inApp.push(start.runs);
      return Promise.resolve({ address: { origin: HOST_ORIGIN, controlUrl: `${HOST_ORIGIN}/control#token=k`, displayUrl: `${HOST_ORIGIN}/display#token=d` }, runs: 'in-app', close: () => Promise.resolve() });
    },
  });
  return { platform, shell, dir, inApp, control: shell.control as FakeWindow, projector: shell.projector as FakeWindow };
}

const STAGE: DisplayLike = { id: 3, label: 'DELL', bounds: { x: 3840, y: 0, width: 1280, height: 720 }, workArea: { x: 3840, y: 0, width: 1280, height: 720 } };

describe('the desktop shell', () => {
  it('remembers a network setting applied in the control view and lets the windows follow the host to its new port', async () => {
    const { platform, shell, dir } = await started();
    const moved = 'http://127.0.0.1:4400';
    const setting = { lan: true, interface: 'wifi', port: 4400 };
    platform.children[0]?.emit('message', { type: 'network', setting, address: { origin: moved, controlUrl: `${moved}/control#token=hostkey`, displayUrl: `${moved}/display#token=displaykey` } });
    expect(JSON.parse(await readFile(join(dir, 'shell.json'), 'utf8'))).toMatchObject({ network: setting });
    expect(shell.address.origin).toBe(moved);
    expect(platform.rules?.allowNavigation(`${moved}/display#token=displaykey`)).toBe(true);
    expect(platform.rules?.allowNavigation(`${HOST_ORIGIN}/display#token=displaykey`)).toBe(false);
  });


  it('starts the host in its own process, keeps the screens awake, and opens control and display on its pages', async () => {
    const { platform, control, projector, shell } = await started();
    // The fixed port (4317 until the Network panel says otherwise), this machine only.
    expect(platform.forked).toEqual([expect.objectContaining({ runs: 'utility', port: 4317, network: { lan: false, interface: 'all' } })]);
    expect(shell.host.runs).toBe('utility');
    expect(platform.awake).toBe(true);
    expect(control.loaded).toEqual([`${HOST_ORIGIN}/control#token=hostkey`]);
    expect(projector.loaded).toEqual([`${HOST_ORIGIN}/display#token=displaykey`]);
    expect(projector.spec.showInactive).toBe(true);
    // With a second screen, the display is fullscreen on it.
    expect(projector.bounds).toEqual(PROJECTOR.bounds);
    expect(projector.fullscreen).toBe(true);
  });

  it('runs the host inside the app, and says so, only when its own process cannot start', async () => {
    const { shell, inApp, platform } = await started((p) => (p.forkFails = true));
    expect(inApp).toEqual(['in-app']);
    expect(shell.host.runs).toBe('in-app');
    expect(platform.logs.join('\n')).toMatch(/own process did not start \(utility process unavailable\); running the host inside the app/);
  });

  it('quits when the host closes the control window', async () => {
    const { platform, control } = await started();
    control.close();
    expect(platform.quits).toBe(1);
  });
});

describe('every view is a window', () => {
  it('opens clerk, QR cards, report and audit log from the menu, each once', async () => {
    const { platform, shell } = await started();
    for (const label of ['Clerk view', 'QR cards', 'Results report', 'Audit log', 'Mini timer']) expect(platform.click(label)).toBe(true);
    await Promise.resolve();
    expect([...shell.views.keys()]).toEqual(['clerk', 'cards', 'report', 'audit', 'mini']);
    expect([...shell.views.values()].map((w) => (w as FakeWindow).loaded[0])).toEqual([
      `${HOST_ORIGIN}/clerk`,
      `${HOST_ORIGIN}/cards#token=hostkey`,
      `${HOST_ORIGIN}/report`,
      `${HOST_ORIGIN}/audit#token=hostkey`,
      `${HOST_ORIGIN}/mini#token=displaykey`,
    ]);
    // The mini timer floats above the slides, small, and is never throttled.
    expect((shell.views.get('mini') as FakeWindow).spec).toMatchObject({ alwaysOnTop: { level: 'screen-saver' }, width: 360, webPreferences: { backgroundThrottling: false, sandbox: true } });
    // A second click brings the open window forward instead of opening another.
    platform.click('Clerk view');
    expect(platform.windows).toHaveLength(7);
    expect((shell.views.get('clerk') as FakeWindow).focused).toBe(1);
    // Closed, it opens again.
    (shell.views.get('clerk') as FakeWindow).close();
    platform.click('Clerk view');
    expect(platform.windows).toHaveLength(8);
  });

  it('opens a link of a page (target=_blank) as an app window when it is one of the host’s views, and nothing else', async () => {
    const { platform, shell } = await started();
    const open = (url: string) => platform.rules?.onOpen(url);
    open(`${HOST_ORIGIN}/report#token=clerkkey`);
    expect((shell.views.get('report') as FakeWindow).loaded).toEqual([`${HOST_ORIGIN}/report#token=clerkkey`]);
    for (const url of ['https://evil.example/clerk', 'http://127.0.0.1:4318/clerk', `${HOST_ORIGIN}/control#token=hostkey`, `${HOST_ORIGIN}/display`, 'file:///etc/passwd', `${HOST_ORIGIN}/clerk/../../x`])
      open(url);
    expect(platform.windows).toHaveLength(3);
    expect(platform.logs.filter((l) => l.startsWith('rostrum: refused to open'))).toHaveLength(6);
  });

  it('allows navigation only within the host’s origin', async () => {
    const { platform } = await started();
    expect(platform.rules?.allowNavigation(`${HOST_ORIGIN}/display`)).toBe(true);
    expect(platform.rules?.allowNavigation('https://evil.example/')).toBe(false);
  });
});

describe('Save as PDF', () => {
  it('writes the report or the cards where the person chose', async () => {
    const { platform, shell, dir } = await started();
    const cards = await shell.openView('cards');
    platform.savePath = join(dir, 'cards.pdf');
    await expect(platform.invoke(IPC.savePdf, { window: cards as FakeWindow })).resolves.toBe(platform.savePath);
    expect((await readFile(platform.savePath)).subarray(0, 4).toString()).toBe('%PDF');
    platform.savePath = null;
    await expect(platform.invoke(IPC.savePdf, { window: cards as FakeWindow })).resolves.toBeNull();
  });

  it('refuses any other page, a frame inside a page and a foreign page', async () => {
    const { platform, shell, control } = await started();
    const report = (await shell.openView('report')) as FakeWindow;
    platform.savePath = '/should/not/be/written.pdf';
    await expect(platform.invoke(IPC.savePdf, { window: control })).rejects.toThrow('only the report and the QR cards');
    await expect(platform.invoke(IPC.savePdf, { window: report, mainFrame: false })).rejects.toThrow('untrusted sender');
    await expect(platform.invoke(IPC.savePdf, { window: report, url: 'https://evil.example/report' })).rejects.toThrow('untrusted sender');
  });
});

describe('the projector’s screen', () => {
  it('moves to the screen the host chooses, and remembers it', async () => {
    const { platform, projector, dir } = await started((p) => (p.screenList = { displays: [LAPTOP, PROJECTOR, STAGE], primaryId: 1 }));
    await platform.invoke(IPC.moveDisplayWindow, { window: null, url: `${HOST_ORIGIN}/control` }, 3);
    expect(projector.bounds).toEqual(STAGE.bounds);
    expect(JSON.parse(await readFile(join(dir, 'shell.json'), 'utf8')).projector.id).toBe(3);
    const listed = (await platform.invoke(IPC.listDisplays, { window: null, url: `${HOST_ORIGIN}/control` })) as { id: number; current: boolean }[];
    expect(listed.find((d) => d.current)?.id).toBe(3);
    await expect(platform.invoke(IPC.moveDisplayWindow, { window: null, url: `${HOST_ORIGIN}/control` }, '3')).rejects.toThrow('displayId must be a number');
    await expect(platform.invoke(IPC.moveDisplayWindow, { window: null, url: `${HOST_ORIGIN}/control` }, 9)).rejects.toThrow('no screen with id 9');
  });

  it('does not touch fullscreen when the system reports a change that changes no screen', async () => {
    const { platform, projector } = await started();
    const before = projector.fullscreenChanges.length;
    platform.setScreens([{ ...LAPTOP, workArea: { ...LAPTOP.workArea, height: 1000 } }, PROJECTOR]);
    platform.setScreens([LAPTOP, PROJECTOR]);
    expect(projector.fullscreenChanges.slice(before)).toEqual([]);
  });

  it('unplugged mid-speech: the display moves to the laptop as a window and the host is told why', async () => {
    const { platform, projector, control } = await started();
    platform.setScreens([LAPTOP]);
    expect(projector.fullscreen).toBe(false);
    expect(projector.bounds.x + projector.bounds.width / 2).toBe(960);
    expect(control.sent).toEqual([{ channel: SHELL_EVENTS.notice, payload: { type: 'projector-moved', reason: 'unplugged', screen: 'Built-in' } }]);
    // The meeting is not touched: the display still shows the same page.
    expect(projector.loaded).toHaveLength(1);
    // Plugged back in, it goes back, and the host hears that too.
    platform.setScreens([LAPTOP, PROJECTOR]);
    expect(projector.bounds).toEqual(PROJECTOR.bounds);
    expect(projector.fullscreen).toBe(true);
    expect(control.sent.at(-1)?.payload).toEqual({ type: 'projector-moved', reason: 'plugged', screen: 'EPSON' });
  });

  it('lists the screens in the menu and moves the display from there', async () => {
    const { platform, projector } = await started((p) => (p.screenList = { displays: [LAPTOP, PROJECTOR, STAGE], primaryId: 1 }));
    expect(platform.click('Screen 3: DELL 1280×720')).toBe(true);
    expect(projector.bounds).toEqual(STAGE.bounds);
  });
});

describe('the mini timer window', () => {
  const settings = async (dir: string) => JSON.parse(await readFile(join(dir, 'shell.json'), 'utf8')) as { mini?: unknown; network?: unknown };
  const mini = (shell: Shell) => shell.views.get('mini') as FakeWindow | undefined;

  it('floats above full-screen slides on every desktop, at the highest level, and cannot be made unreadably small', async () => {
    const { shell } = await started();
    await shell.openView('mini');
    expect(mini(shell)?.spec).toMatchObject({
      alwaysOnTop: { level: 'screen-saver', visibleOnAllWorkspaces: true, visibleOnFullScreen: true },
      minWidth: 160,
      minHeight: 90,
      autoHideMenuBar: true,
    });
  });

  it('opens the first time in the bottom-right corner of the control window’s screen', async () => {
    const { shell, control } = await started();
    control.bounds = { x: 2000, y: 40, width: 1280, height: 800 };
    await shell.openView('mini');
    expect(mini(shell)?.bounds).toEqual({ x: PROJECTOR.workArea.x + 1920 - 24 - 360, y: 1080 - 24 - 200, width: 360, height: 200 });
  });

  it('is toggled from the Window menu and its shortcut, and the menu shows whether it is open', async () => {
    const { platform, shell } = await started();
    expect(platform.item('Mini timer')).toMatchObject({ kind: 'checkbox', checked: false, accelerator: 'CmdOrCtrl+Shift+M' });
    platform.click('Mini timer');
    await Promise.resolve();
    expect(mini(shell)?.loaded).toEqual([`${HOST_ORIGIN}/mini#token=displaykey`]);
    expect(platform.item('Mini timer')).toMatchObject({ checked: true });
    // Clicked again (or its shortcut pressed again): closed, not brought forward.
    platform.click('Mini timer');
    expect(mini(shell)).toBeUndefined();
    expect(platform.item('Mini timer')).toMatchObject({ checked: false });
    // Closed by its own close button: the tick goes too, and the next click opens it again.
    platform.click('Mini timer');
    await Promise.resolve();
    mini(shell)?.close();
    expect(platform.item('Mini timer')).toMatchObject({ checked: false });
    platform.click('Mini timer');
    expect(mini(shell)).toBeDefined();
    expect(platform.windows.filter((w) => w.spec.title.endsWith('mini'))).toHaveLength(3);
  });

  it('saves where it was dragged once it rests, not once per step of the drag, keeping the other settings', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rostrum-shell-'));
    const network = { lan: true, interface: 'wifi', port: 4400 };
    await writeFile(join(folder, 'shell.json'), JSON.stringify({ network }));
    const { platform, shell, dir } = await started(() => {}, folder);
    const win = (await shell.openView('mini')) as FakeWindow;
    const before = await settings(dir);
    win.drag({ x: 1400, y: 700, width: 360, height: 200 }, { x: 1300, y: 600, width: 360, height: 200 });
    platform.advance(400);
    win.drag({ x: 1200, y: 500, width: 420, height: 240 });
    platform.advance(499);
    // Still moving (each step put the save off): nothing written yet.
    expect((await settings(dir)).mini).toBeUndefined();
    expect(before.mini).toBeUndefined();
    platform.advance(1);
    expect(await settings(dir)).toMatchObject({ mini: { x: 1200, y: 500, width: 420, height: 240 }, network });
  });

  it('reopens where it was left, within the session and after the app restarts', async () => {
    const first = await started();
    const left = { x: 100, y: 150, width: 300, height: 170 };
    ((await first.shell.openView('mini')) as FakeWindow).drag(left);
    // Closed before the save came due: written as it closes.
    mini(first.shell)?.close();
    first.platform.click('Mini timer');
    expect(mini(first.shell)?.bounds).toEqual(left);
    // Moved again and the app quit at once: written as the app closes.
    mini(first.shell)?.drag({ ...left, x: 120 });
    await first.shell.close();
    const again = await started(() => {}, first.dir);
    again.platform.click('Mini timer');
    expect(mini(again.shell)?.bounds).toEqual({ ...left, x: 120 });
  });

  it('on a monitor unplugged while it is open: comes back to the default corner of a connected screen, and stays there', async () => {
    const { platform, shell } = await started();
    const win = (await shell.openView('mini')) as FakeWindow;
    win.drag({ x: 3500, y: 60, width: 300, height: 170 });
    platform.setScreens([LAPTOP]);
    expect(win.bounds).toEqual({ x: 1920 - 24 - 300, y: 25 + 1055 - 24 - 170, width: 300, height: 170 });
    platform.setScreens([LAPTOP, PROJECTOR]);
    expect(win.bounds.x).toBe(1920 - 24 - 300);
  });

  it('left on a monitor that is unplugged by the next start: opens in the default corner, at its remembered size', async () => {
    const first = await started();
    ((await first.shell.openView('mini')) as FakeWindow).drag({ x: 3500, y: 60, width: 300, height: 170 });
    first.platform.advance(500);
    await first.shell.close();
    const again = await started((p) => (p.screenList = { displays: [LAPTOP], primaryId: 1 }), first.dir);
    again.platform.click('Mini timer');
    expect(mini(again.shell)?.bounds).toEqual({ x: 1920 - 24 - 300, y: 25 + 1055 - 24 - 170, width: 300, height: 170 });
  });
});
