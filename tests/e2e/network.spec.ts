import { mkdtemp } from 'node:fs/promises';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startHost } from '../../src/host/index';
import type { HostOptions, RunningHost } from '../../src/host/index';
import { listenOn } from '../../src/host/listen';
import { createServer } from 'node:net';
import { scoredMeeting } from '../fixtures/meetings';
import { SCREENSHOTS } from './host.fixture';

// The "Wi-Fi" here is a loopback alias in a fake interface list: the browser only ever talks to
// 127.0.0.0/8, even with the LAN on.
const WIFI = '127.0.0.2';
const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, family: 'IPv4', internal, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: `${address}/8` });
const laptop = () => ({ lo: [v4('127.0.0.1', true)], wlan0: [v4(WIFI)], eth0: [v4('127.0.0.3')] });

async function hostWith(opts: Partial<HostOptions>): Promise<RunningHost> {
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
  // A long speech: it is still running after the moves and clicks of a test on a busy machine.
  const setup = scoredMeeting();
  setup.slots = setup.slots.map((s) => ({ ...s, phases: s.phases.map((p, i) => (i === 0 ? { ...p, durationMs: 600_000, warningMs: 120_000, dangerMs: 30_000 } : p)) }));
  return startHost({ meetingPath: join(dir, 'meeting.rostrum.jsonl'), port: 0, newMeeting: setup, interfaces: laptop, ...opts });
}

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listenOn(server, '0.0.0.0', 0);
  await new Promise((r) => server.close(r));
  return port;
}

test('the control view shows who is connected and the Network panel shows where phones connect', async ({ browser }) => {
  const host = await hostWith({ network: { lan: true, interface: 'wifi' } });
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const control = await ctx.newPage();
    await control.goto(host.controlUrl);
    const presence = control.getByTestId('presence');
    await expect(presence).toBeVisible();
    await expect(presence.getByTestId('presence-phone')).toHaveCount(5);
    await expect(presence.getByTestId('presence-phone').first()).toHaveClass(/link-never/);
    await expect(presence).toContainText(/Projector|投影/);

    // A projector on this machine, a phone through the Wi-Fi address.
    const display = await ctx.newPage();
    await display.goto(host.displayUrl);
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(host.reviewerUrl('l1', `http://${WIFI}:${host.network.port}`) ?? '');
    const first = presence.getByTestId('presence-phone').first();
    await expect(first).toHaveClass(/link-online/);
    await expect(presence.getByTestId('presence-screen').filter({ hasText: /Projector|投影/ })).toHaveClass(/link-online/);
    await expect(presence.getByTestId('presence-screen').filter({ hasText: /Projector|投影/ })).toContainText(/sound ready|声音就绪/);
    await expect(presence).toContainText(/Phones: 1 of 5 online|手机：5 台中 1 台在线/);
    await control.screenshot({ path: `${SCREENSHOTS}/presence-1280x720.png` });
    await control.getByTestId('presence-summary').click();
    await expect(presence).toBeInViewport();
    await presence.getByTestId('presence-phone').first().hover();
    await control.screenshot({ path: `${SCREENSHOTS}/presence-list-1280x720.png` });

    await phone.close();
    await expect(first).toHaveClass(/link-offline/);

    await control.getByTestId('open-network').click();
    const panel = control.getByTestId('network-panel');
    await expect(panel.getByTestId('lan')).toBeChecked();
    await expect(panel.getByTestId('lan-address')).toContainText(`http://${WIFI}:${host.network.port}/review`);
    await expect(panel.locator('.qr svg')).toHaveCount(2);
    await control.screenshot({ path: `${SCREENSHOTS}/network-panel-1280x720.png` });
  } finally {
    await host.close();
  }
});

test('turning the LAN on with another port moves every open screen there, the meeting still running', async ({ browser }) => {
  const host = await hostWith({});
  try {
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const display = await ctx.newPage();
    await display.goto(host.displayUrl);
    const control = await ctx.newPage();
    await control.goto(`${host.controlUrl}&panel=network`);
    const panel = control.getByTestId('network-panel');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(/Only this computer|目前只有本机/);
    const port = await freePort();
    await panel.getByTestId('lan').check();
    await panel.getByRole('radio', { name: /Wi-Fi/ }).check();
    await panel.getByTestId('port').fill(String(port));
    await panel.getByRole('button', { name: /Apply|应用/ }).click();
    for (const page of [control, display]) await expect.poll(() => new URL(page.url()).port).toBe(String(port));
    await expect(display.getByTestId('digits')).toBeVisible();
    await expect(control.locator('[data-action="pause"]')).toBeEnabled();
    expect(host.engine.current().live?.mode).toBe('running');
    await control.getByTestId('open-network').click();
    await expect(control.getByTestId('network-panel').getByTestId('lan-address')).toContainText(`http://${WIFI}:${port}/review`);
  } finally {
    await host.close();
  }
});

