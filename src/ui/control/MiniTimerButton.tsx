import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useView } from '../app/context';
import { MiniTimer } from '../display/MiniTimer';

/** Chromium's Document Picture-in-Picture: a small always-on-top window the page draws into. */
interface PictureInPicture {
  requestWindow(options: { width: number; height: number }): Promise<Window>;
}
const pictureInPicture = (): PictureInPicture | undefined => (window as Window & { documentPictureInPicture?: PictureInPicture }).documentPictureInPicture;

/** The page's stylesheets, so the picture-in-picture window draws the timer as the page does. */
function copyStyles(to: Document): void {
  for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) to.head.append(node.cloneNode(true));
}

/**
 * Opens the small timer that stays above the slides: a picture-in-picture window where the
 * browser has one (it floats above other windows, full-screen slides included), else the `/mini`
 * page in a small window of its own; the desktop app opens that one always on top (electron/shell.ts).
 */
export function MiniTimerButton() {
  const { t } = useTranslation();
  const displayUrl = useView((s) => s.displayUrl);
  const notify = useView((s) => s.notify);
  const [pip, setPip] = useState<Window | null>(null);
  if (!displayUrl) return null;
  const open = async () => {
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
  };
  return (
    <>
      <button type="button" className="link" onClick={() => void (pip ? pip.close() : open())} data-testid="mini-timer">
        {pip ? t('mini.close') : t('mini.open')}
      </button>
      {pip && createPortal(<MiniTimer win={pip} />, pip.document.body)}
    </>
  );
}
