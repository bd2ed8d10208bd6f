import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { useView } from '../app/context';

/** The meeting's name, what undo would take back, and the language switch. */
export function TopBar() {
  const { t, i18n } = useTranslation();
  const title = useView((s) => s.meeting?.title);
  const last = useView((s) => s.meeting?.history.at(-1));
  const notices = useView((s) => s.notices);
  const dismiss = useView((s) => s.dismiss);
  return (
    <header className="top-bar">
      <h1>
        <span className="brand">{t('app.name')}</span> {title}
      </h1>
      <span className="muted undo-hint" data-testid="undo-hint">
        {last ? t('control.undoWhat', { action: t(`events.${last.action}` as 'events.timer.started', { defaultValue: last.action }) }) : t('control.nothingToUndo')}
      </span>
      <button type="button" className="link" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
        {t('control.language')}
      </button>
      <div className="notices" role="status">
        {notices.map((n) => (
          <button type="button" key={n.id} className="notice" onClick={() => dismiss(n.id)}>
            {n.text} ✕
          </button>
        ))}
      </div>
    </header>
  );
}
