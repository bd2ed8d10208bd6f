import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { demoMeeting } from '../../src/core/demo';
import { startHost } from '../../src/host/index';
import { freePort } from '../../src/host/listen';
import { panelMeeting } from '../fixtures/meetings';

/**
 * Steps of the desktop app's flow that the shell integration test (Chromium pages over the real
 * shell logic, tests/shell) and the Electron smoke suite (the real app, tests/electron) take the
 * same way, as a person at the control window does. Both reach the host through loopback only.
 */

/**
 * The app's folder (Electron's user-data folder) as a host leaves it the day before: the demo
 * meeting, which the app opens first, with a panel of reviewers on its roster, and a fixed port
 * chosen in the Network panel, a free one (never 4317: another Rostrum may run beside the test).
 * Resolves with that port.
 */
export async function prepareProfile(dir: string): Promise<number> {
  const seeded = await startHost({
    meetingPath: join(dir, 'meetings', 'demo.rostrum.jsonl'),
    port: 0,
    uiDir: resolve('dist/ui'),
    newMeeting: { ...demoMeeting(), scoring: panelMeeting().scoring },
  });
  await seeded.close();
  const port = await freePort('127.0.0.1', 0, false);
  await writeFile(join(dir, 'shell.json'), JSON.stringify({ network: { lan: false, interface: 'all', port } }));
  return port;
}

/** Turns the LAN on in the control view's Network panel, as the host does before the reviewers arrive. */
export async function turnLanOn(control: Page): Promise<void> {
  await control.getByTestId('open-network').click();
  const panel = control.getByTestId('network-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('lan').check();
  await panel.getByRole('button', { name: /^(Apply|应用)$/ }).click();
  await expect(panel.getByRole('status')).toHaveText(/Applied|已应用/);
  await panel.getByRole('button', { name: /^(Close|关闭)$/ }).click();
  await expect(panel).toBeHidden();
}

/**
 * Whether the host listens beyond 127.0.0.1, told through loopback only: a connection to
 * 127.0.0.2 reaches a listener on every address (the LAN on) and is refused by one on 127.0.0.1
 * alone. (The host then closes it: it answers loopback's own address and the chosen interfaces.)
 */
function listensOnEveryAddress(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.2', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' ? resolve(false) : reject(err)));
  });
}

/**
 * Checks that the host listens on every address (the LAN on) or on 127.0.0.1 only. Linux and
 * Windows answer the whole 127.0.0.0/8 range; macOS only 127.0.0.1 (others need an alias), so
 * there it cannot be seen through loopback, and the test says so instead.
 */
export async function expectListening(port: number, where: 'every address' | 'loopback only'): Promise<void> {
  if (process.platform === 'darwin') {
    test.info().annotations.push({ type: 'not checked', description: `that the host listens on ${where}: macOS answers only 127.0.0.1 of the loopback range` });
    return;
  }
  expect(await listensOnEveryAddress(port)).toBe(where === 'every address');
}

/** What a reviewer's card says, and the same address on this machine's loopback to reach it from a test. */
export interface CardOnLoopback {
  /** The address printed on the card (the LAN's where the machine has one). */
  printed: string;
  /** The card's code, as printed (grouped 4-4). */
  code: string;
  /** The printed address with 127.0.0.1 for its host: the same port, the same page. */
  url: string;
}

/** The first reviewer card of the QR cards window, its address moved to loopback. */
export async function firstCardOnLoopback(cards: Page): Promise<CardOnLoopback> {
  const card = cards.getByTestId('qr-card').first();
  await expect(card).toBeVisible();
  const printed = (await card.getByTestId('card-url').innerText()).trim();
  const code = (await card.getByTestId('card-code').innerText()).trim();
  const url = new URL(printed);
  url.hostname = '127.0.0.1';
  return { printed, code, url: url.href };
}
