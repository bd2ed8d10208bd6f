import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewKind } from '../connection/client';

/**
 * Names the tab (and the desktop app's window) for the view it shows, "控制台 · 讲台" / "Control ·
 * Rostrum", in the page's language: with a projector, a stage monitor and the clerk open side by
 * side, the tabs must say which is which.
 */
export function useTabTitle(view: ViewKind | null): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = view ? `${t(`app.tab.${view}`)} · ${t('app.name')}` : t('app.name');
  }, [view, t, i18n.language]);
}
