import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeCode } from '../../core/reviewer-code';
import { LanguageToggle } from '../shared/LanguageToggle';
import './review.css';

/**
 * `/review` opened without a key, as a reviewer does who typed the address from the card: a field
 * for the card's code. The code is checked with the host before the view starts, so a mistyped
 * one is said here, in the reviewer's words, and can be typed again.
 */
export function CodeEntry({ onCode }: { onCode(code: string): void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = normalizeCode(typed);
    if (code === '') return setProblem(t('codeEntry.blank'));
    setBusy(true);
    try {
      const res = await fetch('/api/v1/state', { headers: { authorization: `Bearer ${code}` } });
      if (!res.ok) return setProblem(res.status === 401 ? t('codeEntry.wrong') : t('codeEntry.failed', { status: res.status }));
      // Kept in the address, so a reload or a bookmark opens the ballot straight away.
      history.replaceState(null, '', `#token=${encodeURIComponent(code)}`);
      onCode(code);
    } catch {
      setProblem(t('codeEntry.unreachable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="review-root">
      <header className="review-head">
        <strong>{t('codeEntry.title')}</strong>
        <LanguageToggle />
      </header>
      <main>
        <form className="code-entry" onSubmit={(e) => void submit(e)}>
          <label htmlFor="reviewer-code">{t('codeEntry.hint')}</label>
          <input
            id="reviewer-code"
            className="code-input"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setProblem(null);
            }}
            placeholder="ABCD-EFGH"
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            aria-invalid={problem !== null}
            aria-describedby="code-problem"
          />
          <p className="field-error" id="code-problem" role="alert">
            {problem}
          </p>
          <button type="submit" className="primary" disabled={busy}>
            {t('codeEntry.enter')}
          </button>
        </form>
      </main>
    </div>
  );
}
