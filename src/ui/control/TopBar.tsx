import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { LanguageToggle } from '../shared/LanguageToggle';
import { Notices } from '../shared/Notices';
import { useView } from '../app/context';

/** The meeting's name, what undo would take back, and the language switch. */
export function TopBar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const title = useView((s) => s.meeting?.title);
  const last = useView((s) => s.meeting?.history.at(-1));
  return (
    <header className="top-bar">
      <h1>
        <span className="brand">{t('app.name')}</span> {title}
      </h1>
      <span className="muted undo-hint" data-testid="undo-hint">
        {last ? t('control.undoWhat', { action: t(`events.${last.action}` as 'events.timer.started', { defaultValue: last.action }) }) : t('control.nothingToUndo')}
      </span>
      {children}
      <LanguageToggle />
      <Notices />
    </header>
  );
}
