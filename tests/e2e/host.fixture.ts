import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingSetup } from '../../src/core/meeting';
import { startHost } from '../../src/host/index';
import type { RunningHost } from '../../src/host/index';
import { shortMeeting } from '../fixtures/meetings';

/**
 * A real host in the test's process, on a free port, serving the built views (`npm run build:ui`)
 * with a fresh meeting file: the browser talks to it exactly as it would in the hall.
 */
export const test = base.extend<{ meeting: MeetingSetup; host: RunningHost }>({
  meeting: [shortMeeting(), { option: true }],
  host: async ({ meeting }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
    const host = await startHost({ meetingPath: join(dir, 'meeting.rostrum.jsonl'), port: 0, newMeeting: meeting });
    await use(host);
    await host.close();
  },
});

export { expect } from '@playwright/test';

export const SCREENSHOTS = 'test-results/screenshots';

/** Opens the clerk view the first time: the clerk chooses the PIN (typed twice) and is let in. */
export async function chooseClerkPin(clerk: Page, url: string, pin = '482913'): Promise<void> {
  await clerk.goto(url);
  await clerk.getByLabel(/^PIN$|^PIN 码$/).fill(pin);
  await clerk.getByLabel(/PIN again|再次输入/).fill(pin);
  await clerk.getByRole('button', { name: /Open|进入/ }).click();
}
