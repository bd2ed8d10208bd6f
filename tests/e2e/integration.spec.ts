import { createSocket } from 'node:dgram';
import { mkdtemp } from 'node:fs/promises';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode, Message } from 'node-osc';
import { test, expect } from '@playwright/test';
import { startHost } from '../../src/host/index';
import { scoredMeeting } from '../fixtures/meetings';
import { SCREENSHOTS } from './host.fixture';

// The hall's "Wi-Fi" is a loopback alias in a fake interface list: the test only ever talks to
// 127.0.0.0/8, and OSC goes to 127.0.0.1, even with the LAN on.
const WIFI = '127.0.0.2';
const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, family: 'IPv4', internal, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: `${address}/8` });

test('the host makes an integration key in the Network panel; a control surface starts a speaker with it, over HTTP and OSC, until it is revoked', async ({ browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
  const setup = scoredMeeting();
  // A long speech: still running after the clicks of a test on a busy machine.
  setup.slots = setup.slots.map((s) => ({ ...s, phases: s.phases.map((p, i) => (i === 0 ? { ...p, durationMs: 600_000, warningMs: 120_000, dangerMs: 30_000 } : p)) }));
  const host = await startHost({
    meetingPath: join(dir, 'meeting.rostrum.jsonl'),
    port: 0,
    oscPort: 0,
    newMeeting: setup,
    network: { lan: true, interface: 'wifi' },
    interfaces: () => ({ lo: [v4('127.0.0.1', true)], wlan0: [v4(WIFI)] }),
  });
  const udp = createSocket('udp4');
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const display = await ctx.newPage();
    await display.goto(host.displayUrl);
    const control = await ctx.newPage();
    await control.goto(`${host.controlUrl}&panel=network`);
    const panel = control.getByTestId('network-panel');
    const integration = panel.getByTestId('integration');
    await expect(integration).toContainText(/No integration key|尚无集成密钥/);
    await integration.getByTestId('integration-create').click();
    const keyBox = integration.getByTestId('integration-key');
    await expect(keyBox).toHaveValue(/^[\w-]{40,}$/);
    const key = await keyBox.inputValue();
    await expect(integration).toContainText(`http://${WIFI}:${host.network.port}/api/v1/actions/`);
    await integration.scrollIntoViewIfNeeded();
    await control.screenshot({ path: `${SCREENSHOTS}/integration-panel-1280x720.png` });

    // A control surface on the LAN: HTTP to the Wi-Fi address, the key as a bearer token.
    const lan = `http://${WIFI}:${host.network.port}`;
    const act = (name: string, token = key) => fetch(`${lan}/api/v1/actions/${name}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect((await act('start')).status).toBe(200);
    await expect(display.getByTestId('digits')).toHaveText(/^(10:00|9:5\d)$/);
    expect(host.engine.current().live?.mode).toBe('running');
    await expect(control.locator('[data-action="pause"]')).toBeEnabled();
    // Scoring is not the integration's: refused.
    expect((await act('openScoring')).status).toBe(403);

    // OSC from a real UDP socket to 127.0.0.1: pause; then a packet with a wrong key, shown in the panel.
    const port = host.integration.status().listening ?? 0;
    const send = (msg: Message) => new Promise<void>((resolve, reject) => udp.send(encode(msg), port, '127.0.0.1', (err) => (err ? reject(err) : resolve())));
    await send(new Message('/rostrum/pause', key));
    await expect(control.locator('[data-action="resume"]')).toBeEnabled();
    await send(new Message('/rostrum/resume', 'a-guess'));
    await expect(integration.getByTestId('osc-counts')).toContainText(/2 OSC packets received: 1 run, 1 refused|已收 2 个 OSC 包：执行 1，拒绝 1/);
    await expect(integration.getByTestId('osc-last-error')).toContainText(/wrong or missing key|密钥错误或缺失/);
    await integration.scrollIntoViewIfNeeded();
    await control.screenshot({ path: `${SCREENSHOTS}/integration-panel-osc-1280x720.png` });
    const wide = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await wide.goto(`${host.controlUrl}&panel=network`);
    await expect(wide.getByTestId('integration-key')).toHaveValue(key);
    await wide.screenshot({ path: `${SCREENSHOTS}/integration-panel-1920x1080.png` });
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(`${host.controlUrl}&panel=network`);
    await phone.getByTestId('integration-key').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SCREENSHOTS}/integration-panel-390x844.png` });

    // The audit log says who did it, in words.
    const audit = await ctx.newPage();
    await audit.goto(`${host.origin}/audit#token=${host.tokens.host}`);
    await expect(audit.locator('td[data-role="integration"]')).toHaveCount(2);
    await expect(audit.locator('td[data-role="integration"]').first()).toHaveText(/^(integration|集成控制)$/);

    // Revoked: the old key stops at once.
    await integration.getByTestId('integration-revoke').click();
    await expect(integration.getByTestId('integration-create')).toBeVisible();
    expect((await act('resume')).status).toBe(401);
    expect((await fetch(`${lan}/api/v1/state`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
    expect(host.engine.current().live?.mode).toBe('paused');
    await expect(control.locator('[data-action="resume"]')).toBeEnabled();
  } finally {
    udp.close();
    await host.close();
  }
});
