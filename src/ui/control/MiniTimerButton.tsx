import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useView } from '../app/context';
import { MiniTimer } from '../display/MiniTimer';
import { desktopShell } from '../shared/desktop-shell';
import { isMiniTimerPress, isTypingTarget, miniTimerKeyLabel } from './keys';

/** Chromium's Document Picture-in-Picture: a small always-on-top window the page draws into. */
interface PictureInPicture {
  requestWindow(options: { width: number; height: number }): Promise<Window>;
}
/**
 * The browser's picture-in-picture, if it has one. Not in the desktop app: Electron exposes the
 * API but opens no window (electron/electron#39633); the app's own mini timer window is better
 * there anyway (remembered, toggled from the menu).
 */
const pictureInPicture = (): PictureInPicture | undefined =>
  desktopShell() ? undefined : (window as Window & { documentPictureInPicture?: PictureInPicture }).documentPictureInPicture;

/** The page's stylesheets, so the picture-in-picture window draws the timer as the page does. */
function copyStyles(to: Document): void {
  for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) to.head.append(node.cloneNode(true));
}

/**
 * Opens the small timer that stays above the slides: a picture-in-picture window where the
 * browser has one (it floats above other windows, full-screen slides included), else the `/mini`
 * page in a small window of its own; the desktop app opens that one always on top (electron/shell.ts).
 * Ctrl+Shift+M (⌘⇧M) does the same in a browser; in the desktop app that key is the Window menu's.
 */
export function MiniTimerButton() {
  const { t } = useTranslation();
  const displayUrl = useView((s) => s.displayUrl);
  const notify = useView((s) => s.notify);
  const [pip, setPip] = useState<Window | null>(null);
  const toggle = useCallback(async () => {
    if (pip) return pip.close();
    if (!displayUrl) return;
    const api = pictureInPicture();
    if (!api) {
      const url = new URL(displayUrl);
      url.pathname = '/mini';
      window.open(url.href, 'rostrum-mini', 'popup,width=360,height=200');
      return;
    }
    try {
      const win = await api.requestWindow({ width: 360, height: 200 });
      copyStyles(win.document);
      win.document.title = t('mini.title');
      win.addEventListener('pagehide', () => setPip(null));
      setPip(win);
    } catch (e) {
      notify((e as Error).message);
    }
  }, [pip, displayUrl, t, notify]);
  useEffect(() => {
    if (desktopShell()) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isMiniTimerPress(e) || e.repeat || isTypingTarget(e.target)) return;
      // Chromium gives a key press the user activation picture-in-picture needs.
      e.preventDefault();
      void toggle();
    };
    // The picture-in-picture window hears it too: it has the focus once clicked or dragged.
    const targets = pip ? [window, pip] : [window];
    targets.forEach((w) => w.addEventListener('keydown', onKey));
    return () => targets.forEach((w) => w.removeEventListener('keydown', onKey));
  }, [toggle, pip]);
  if (!displayUrl) return null;
  return (
    <>
      <button type="button" className="link" onClick={() => void toggle()} title={miniTimerKeyLabel()} data-testid="mini-timer">
        {pip ? t('mini.close') : t('mini.open')}
      </button>
      {pip && createPortal(<MiniTimer win={pip} />, pip.document.body)}
    </>
  );
}
