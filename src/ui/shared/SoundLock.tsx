import { useTranslation } from 'react-i18next';
import type { AudioOutput } from '../../core/state';
import { useView } from '../app/context';

/**
 * On a screen chosen to ring whose browser keeps sound off until a click: says so, large, until
 * someone clicks. The click itself unlocks the sound (start-view.ts listens on the whole page).
 */
export function SoundLock({ kind }: { kind: AudioOutput }) {
  const { i18n } = useTranslation();
  // Both languages: whoever stands nearest the screen should understand it.
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');
  const blocked = useView((s) => s.sound === 'blocked' && (s.meeting?.audio.outputs.includes(kind) ?? false) && !s.meeting?.audio.muted);
  if (!blocked) return null;
  return (
    <button type="button" className={`sound-lock sound-lock-${kind}`} data-testid="sound-lock">
      <svg className="sound-lock-icon" viewBox="0 0 24 24" aria-hidden>
        <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
        <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <strong lang="zh-CN">{zh('sound.enable')}</strong>
      <strong lang="en">{en('sound.enable')}</strong>
      <span>
        {zh('sound.why')} {en('sound.why')}
      </span>
    </button>
  );
}
