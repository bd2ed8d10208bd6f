import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useView } from '../app/context';

/**
 * The big screen exactly as the hall sees it: the display page itself, scaled down, so the host
 * never wonders what the projector shows. It never rings (preview flag).
 */
export function Preview() {
  const { t } = useTranslation();
  const displayUrl = useView((s) => s.displayUrl);
  const frame = useRef<HTMLDivElement>(null);
  // The page is laid out at projector size (1920×1080) and scaled to fit, so the preview shows
  // the real layout rather than a reflowed small one.
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const observer = new ResizeObserver(() => el.style.setProperty('--preview-scale', String(el.clientWidth / 1920)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [displayUrl]);
  if (!displayUrl) return null;
  const url = new URL(displayUrl);
  const src = `${url.pathname}${url.hash}&preview`;
  return (
    <section className="panel preview" aria-label={t('control.preview')}>
      <h2>{t('control.preview')}</h2>
      <div className="preview-frame" ref={frame}>
        <iframe src={src} title={t('control.preview')} tabIndex={-1} />
      </div>
    </section>
  );
}
