import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './host.fixture';

/** The control view's dialogs, each with the button that opens it and the heading that names it. */
const DIALOGS: { open: (page: Page) => ReturnType<Page['getByRole']>; name: string }[] = [
  { open: (p) => p.getByRole('button', { name: 'Add speaker' }).last(), name: 'Add speaker' },
  { open: (p) => p.getByRole('button', { name: 'Import agenda…' }), name: 'Import an agenda' },
  { open: (p) => p.getByRole('button', { name: 'Scoring setup…' }), name: 'Scoring setup' },
  { open: (p) => p.getByTestId('open-network'), name: 'Network' },
  { open: (p) => p.getByRole('button', { name: 'Meetings', exact: true }), name: 'Meetings' },
  { open: (p) => p.getByTestId('open-outputs'), name: 'Outputs' },
];

const openControl = async (page: Page, url: string) => {
  await page.addInitScript(() => localStorage.getItem('rostrum.lang') ?? localStorage.setItem('rostrum.lang', 'en'));
  await page.goto(url);
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
};

test('every dialog of the control view is one modal: named by its heading, Tab stays inside, Escape closes it, focus returns to its button', async ({ host, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openControl(page, host.controlUrl);
  for (const { open, name } of DIALOGS) {
    const opener = open(page);
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    // Twice as many Tabs as the dialog has controls, both ways: focus never leaves it.
    const stops = await dialog.locator('button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea, a[href]').count();
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < stops * 2 + 2; i++) {
        await page.keyboard.press(key);
        expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `${name}: ${key} ${i}`).toBe(true);
      }
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    // A Cancel or Close button unmounts the dialog without its close event: focus still goes back.
    await opener.click();
    await page.getByRole('dialog', { name }).getByRole('button', { name: /^(Cancel|Close)$/ }).first().click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(opener).toBeFocused();
  }
});

test('an upload the host refuses says why in the screen’s language, in both import dialogs', async ({ host, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openControl(page, host.controlUrl);
  // Over the host's body limit: refused before the file is read (HTTP 413), not a preview.
  const huge = { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') };
  await page.getByRole('button', { name: 'Import agenda…' }).click();
  await page.getByTestId('agenda-file').setInputFiles(huge);
  await expect(page.getByTestId('upload-failure')).toHaveText(/^The file was not read: it is larger than the host accepts/);
  await page.screenshot({ path: `${SCREENSHOTS}/dialog-upload-refused-1280x720.png` });
  await page.keyboard.press('Escape');

  // One byte over the import limit reaches the host, which names the limit: a problem of the whole
  // file, said as the file's, not as "row 0".
  await page.getByRole('button', { name: 'Scoring setup…' }).click();
  await page.getByTestId('roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') });
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(/^The file: the file is .*file size limit/);
  await page.keyboard.press('Escape');

  await page.evaluate(() => localStorage.setItem('rostrum.lang', 'zh-CN'));
  await page.reload();
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
  await page.getByRole('button', { name: '导入议程…' }).click();
  await page.getByTestId('agenda-file').setInputFiles(huge);
  await expect(page.getByTestId('upload-failure')).toHaveText(/^文件未被读取：文件超过主持端允许的大小/);
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])
    await page.setViewportSize(size).then(() => page.screenshot({ path: `${SCREENSHOTS}/dialog-upload-refused-zh-${size.width}x${size.height}.png` }));
});
