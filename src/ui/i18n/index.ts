import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';

/** The page's language as one of ours (i18next may report a region-less or fallback code). */
export const currentLang = (language: string): Lang => (language === 'en' ? 'en' : 'zh-CN');

const STORAGE_KEY = 'rostrum.lang';

/** Chinese when the system (browser or Electron) language is Chinese, unless the person chose. */
export function initialLanguage(stored: string | null, systemLanguages: readonly string[]): Lang {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  return systemLanguages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]);
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
}

export function setLanguage(lng: Lang): void {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
