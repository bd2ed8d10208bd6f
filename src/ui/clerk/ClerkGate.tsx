import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../shared/LanguageToggle';
import './clerk.css';

const SESSION_KEY = 'rostrum.clerk';

/** This tab's clerk session: gone when the tab closes, so the next person at the laptop needs the PIN. */
export const clerkSessionToken = (): string | null => sessionStorage.getItem(SESSION_KEY);

type Answer = { token: string } | { error: string; triesLeft?: number; retryInMs?: number };

/** Asks for the clerk's PIN (or, the first time, has the clerk choose one) and hands back the clerk's key. */
export function ClerkGate({ onToken }: { onToken(token: string): void }) {
  const { t } = useTranslation();
  const [pinSet, setPinSet] = useState<boolean | null>(null);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    fetch('/api/v1/clerk/pin')
      .then((r) => (r.ok ? (r.json() as Promise<{ set: boolean }>) : Promise.reject(new Error(String(r.status)))))
      .then((r) => setPinSet(r.set))
      .catch(() => setMessage(t('clerk.gate.unreachable')));
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4,8}$/.test(pin)) return setMessage(t('clerk.gate.format'));
    if (pinSet === false && pin !== again) return setMessage(t('clerk.gate.mismatch'));
    const res = await fetch('/api/v1/clerk/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin, choose: pinSet === false }) });
    const answer = (await res.json()) as Answer;
    if ('token' in answer) {
      sessionStorage.setItem(SESSION_KEY, answer.token);
      return onToken(answer.token);
    }
    setPin('');
    if (answer.retryInMs !== undefined) setMessage(t('clerk.gate.locked', { seconds: Math.ceil(answer.retryInMs / 1000) }));
    else if (answer.triesLeft !== undefined) setMessage(t('clerk.gate.wrong', { count: answer.triesLeft }));
    else setMessage(answer.error);
  };

  return (
    <form className="clerk-gate" onSubmit={(e) => void submit(e)}>
      <LanguageToggle />
      <h1>{t('clerk.title')}</h1>
      <p className="muted">{pinSet === false ? t('clerk.gate.choose') : t('clerk.gate.enter')}</p>
      <input type="password" inputMode="numeric" autoComplete="off" aria-label={t('clerk.gate.pin')} value={pin} onChange={(e) => setPin(e.target.value)} autoFocus />
      {pinSet === false && <input type="password" inputMode="numeric" autoComplete="off" aria-label={t('clerk.gate.again')} placeholder={t('clerk.gate.again')} value={again} onChange={(e) => setAgain(e.target.value)} />}
      <button type="submit" className="primary" disabled={pinSet === null}>
        {t('clerk.gate.open')}
      </button>
      <p role="alert" className="field-error">
        {message}
      </p>
    </form>
  );
}
