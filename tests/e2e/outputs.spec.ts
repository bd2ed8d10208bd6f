import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { decode } from 'node-osc';
import { test, expect, SCREENSHOTS } from './host.fixture';

/** A real UDP listener on loopback, standing in for the mixer: it keeps every OSC message it gets. */
async function mixer(): Promise<{ port: number; got: { address: string; args: unknown[] }[]; close(): void }> {
  const socket = createSocket('udp4');
  const got: { address: string; args: unknown[] }[] = [];
  socket.on('message', (msg) => {
    const m = decode(msg) as { address: string; args: { value: unknown }[] };
    got.push({ address: m.address, args: m.args.map((a) => a.value) });
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: (socket.address() as AddressInfo).port, got, close: () => socket.close() };
}

/** A TCP port on loopback where nothing listens now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('the host adds an OSC output, tests it against a listener, and a phase start fires it; a dead webhook says why', async ({ page, host }) => {
  const desk = await mixer();
  const deadPort = await closedPort();
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(host.controlUrl);
    await expect(page.locator('[data-action="start"]')).toBeEnabled();
    await page.getByTestId('open-outputs').click();
    const panel = page.getByTestId('outputs-panel');
    await expect(panel).toBeVisible();

    // An OSC output to the "mixer", fired when a phase starts.
    await panel.getByTestId('add-osc').click();
    await panel.getByTestId('output-name').fill('Lectern mic');
    await panel.getByTestId('osc-host').fill('127.0.0.1');
    await panel.getByTestId('osc-port').fill(String(desk.port));
    await panel.getByTestId('osc-address').fill('/rostrum/{unit}');
    await panel.getByTestId('osc-arg-0').fill('{remainingS}');
    await panel.locator('[data-trigger="zero"]').uncheck();
    await panel.locator('[data-trigger="phase.started"]').check();
    await page.screenshot({ path: `${SCREENSHOTS}/outputs-editor-1280x720.png` });
    await panel.getByTestId('output-save').click();
    const mic = panel.getByTestId('output-item').filter({ hasText: 'Lectern mic' });
    await expect(mic).toContainText(`OSC 127.0.0.1:${desk.port} /rostrum/{unit}`);
    await expect(mic.getByTestId('output-result')).toHaveCount(0);

    // Test: the listener receives it, and the panel says it was sent.
    await mic.getByTestId('output-test').click();
    await expect(mic.getByTestId('output-result')).toContainText(/Sent at \d\d:\d\d:\d\d|\d\d:\d\d:\d\d 已发送/);
    await expect.poll(() => desk.got.length).toBe(1);

    // A webhook to a port where nothing listens: the Test says why it failed.
    await panel.getByTestId('add-http').click();
    await panel.getByTestId('output-name').fill('Companion');
    await panel.getByTestId('http-url').fill(`http://127.0.0.1:${deadPort}/api/location/1/0/0/press`);
    await panel.getByTestId('output-save').click();
    const companion = panel.getByTestId('output-item').filter({ hasText: 'Companion' });
    await companion.getByTestId('output-test').click();
    await expect(companion.getByTestId('output-result')).toContainText(/connection refused|连接被拒绝/);

    await page.screenshot({ path: `${SCREENSHOTS}/outputs-1280x720.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SCREENSHOTS}/outputs-1920x1080.png` });

    // The first speaker's phase starts: the output fires with the unit and the time left.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.locator('[data-action="start"]').click();
    await expect.poll(() => desk.got.length).toBe(2);
    expect(desk.got[1]).toEqual({ address: '/rostrum/Unit A', args: [5] });
    await page.getByTestId('open-outputs').click();
    await expect(page.getByTestId('outputs-panel').getByTestId('output-item').first().getByTestId('output-result')).toContainText(/Phase started|环节开始/);
  } finally {
    desk.close();
  }
});
