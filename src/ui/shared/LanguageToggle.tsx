import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** Switches between 中文 and English; the label is the language it switches to. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <button type="button" className="link" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
      {t('control.language')}
    </button>
  );
}
