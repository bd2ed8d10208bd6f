import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { runHost } from '../../src/host/host-supervisor';
import { shortMeeting } from '../fixtures/meetings';
import { SCREENSHOTS } from './host.fixture';

test('meeting files: a template, a new meeting from it, and back; the projector follows every switch', async ({ browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
  const supervisor = await runHost({ meetingPath: join(dir, 'first.rostrum.jsonl'), port: 0, newMeeting: shortMeeting(60_000) });
  try {
    const host = supervisor.current();
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const control = await ctx.newPage();
    await control.goto(host.controlUrl);
    const display = await ctx.newPage();
    await display.goto(host.displayUrl);
    await expect(display.getByText('Unit A')).toBeVisible();

    await control.getByRole('button', { name: /^(Meetings|会议文件)$/ }).click();
    const template = control.getByTestId('save-template');
    await template.getByRole('textbox').fill('Quarterly 季度');
    await template.getByRole('button').click();
    await expect(control.locator('.meeting-files').getByRole('status')).toContainText('Quarterly 季度.rostrum-template.json');
    const fresh = control.getByTestId('new-meeting');
    await fresh.getByRole('textbox').fill('Next 下次');
    await fresh.getByRole('combobox').selectOption({ label: 'Test meeting 测试会议 (3 speakers, 0 reviewers)' });
    await control.screenshot({ path: `${SCREENSHOTS}/control-files-1280.png` });
    await fresh.getByRole('button').click();

    // Every open screen reconnects by itself and shows the new meeting: same agenda, nothing done.
    await expect(control.locator('.top-bar h1')).toContainText('Next 下次', { timeout: 15_000 });
    await expect(display.getByText('Next 下次')).toBeVisible({ timeout: 15_000 });
    await expect(control.locator('[data-action="start"]')).toBeEnabled();

    await control.getByRole('button', { name: /^(Meetings|会议文件)$/ }).click();
    const rows = control.getByTestId('meeting-list').locator('tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(/Next 下次.*(Open now|当前会议)/);
    control.once('dialog', (d) => void d.accept());
    await rows.nth(1).getByRole('button', { name: /^(Open|打开)$/ }).click();
    await expect(control.locator('.top-bar h1')).toContainText('Test meeting 测试会议', { timeout: 15_000 });
    // The first meeting exactly as it was left: the speech still running on the big screen.
    await expect(display.locator('[data-stage="normal"]')).toBeVisible({ timeout: 15_000 });

    // The same dialog in Chinese, dates included.
    await control.getByRole('button', { name: '中文' }).click();
    await control.getByRole('button', { name: '会议文件' }).click();
    await expect(control.getByTestId('meeting-list').locator('tr').nth(0)).toContainText(/当前会议/);
    await expect(control.getByTestId('meeting-list')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    await control.screenshot({ path: `${SCREENSHOTS}/control-files-zh-1280.png` });
    await ctx.close();
  } finally {
    await supervisor.close();
  }
});
