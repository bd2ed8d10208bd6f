import type { LocalText } from '../../core/meeting';

/** A phase name in the view's language; English falls back to Chinese when left empty. */
export const local = (text: LocalText, lang: string): string => (lang.startsWith('zh') || text.en === '' ? text.zh : text.en);
