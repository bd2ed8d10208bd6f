import { useTranslation } from 'react-i18next';
import type { ScreenPresence } from '../../core/presence';
import { useView } from '../app/context';

const KINDS = ['display', 'stage'] as const;
const ORDER: ScreenPresence['kind'][] = ['display', 'stage', 'control'];
const time = (wall: number, lang: string) => new Date(wall).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });

/**
 * Who is connected: the hall's screens (and whether each that rings can), and every reviewer's
 * phone, so the host knows before the first speaker that every phone works.
 */
export function PresencePanel() {
  const { t, i18n } = useTranslation();
  const presence = useView((s) => s.presence);
  const reviewers = useView((s) => s.meeting?.scoring.reviewers);
  if (!presence || !reviewers) return null;
  const nameOf = (id: string) => reviewers.find((r) => r.id === id)?.name ?? id;
  const online = presence.reviewers.filter((r) => r.status === 'online').length;
  const status = (s: { status: 'online' | 'offline' | 'never'; since: number | null }) =>
    s.status === 'offline' && s.since !== null ? t('presence.offline', { time: time(s.since, i18n.language) }) : t(`presence.${s.status}`);
  const screen = (s: ScreenPresence) => (
    <li key={`${s.kind}:${s.id}`} className={`presence-row link-${s.status}`} data-testid="presence-screen">
      <span className="dot" aria-hidden />
      <span className="presence-name">{t(`presence.${s.kind}`)}</span>
      <span className="muted">{status(s)}</span>
      {s.audio && <span className={`badge sound-${s.audio}`}>{t(`presence.audio.${s.audio}`)}</span>}
      <span className="muted small">{t('presence.from', { address: s.from.replace(/^::ffff:/, '') })}</span>
    </li>
  );
  return (
    <section className="panel presence" aria-labelledby="presence-title" data-testid="presence">
      <h2 id="presence-title">{t('presence.title')}</h2>
      <ul className="presence-list">
        {KINDS.filter((k) => !presence.screens.some((s) => s.kind === k)).map((k) => (
          <li key={k} className="presence-row link-never" data-testid="presence-screen">
            <span className="dot" aria-hidden />
            <span className="presence-name">{t(`presence.${k}`)}</span>
            <span className="muted">{t('presence.never')}</span>
          </li>
        ))}
        {[...presence.screens].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind)).map(screen)}
      </ul>
      <h3>{presence.reviewers.length ? t('presence.phones', { online, total: presence.reviewers.length }) : t('presence.noReviewers')}</h3>
      <ul className="presence-phones">
        {presence.reviewers.map((r) => (
          <li key={r.reviewerId} className={`presence-phone link-${r.status}`} title={status(r)} data-testid="presence-phone">
            <span className="dot" aria-hidden />
            {nameOf(r.reviewerId)} <span className="muted small">{status(r)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The same at a glance, always in sight in the top bar: each kind of hall screen and the phones; a click shows the list. */
export function PresenceSummary() {
  const { t } = useTranslation();
  const presence = useView((s) => s.presence);
  if (!presence) return null;
  const state = (kind: (typeof KINDS)[number]) => {
    const screens = presence.screens.filter((s) => s.kind === kind);
    if (screens.some((s) => s.status === 'online' && s.audio === 'blocked')) return 'blocked';
    if (screens.some((s) => s.status === 'online')) return 'online';
    return screens.length ? 'offline' : 'never';
  };
  const online = presence.reviewers.filter((r) => r.status === 'online').length;
  const total = presence.reviewers.length;
  const show = () => document.getElementById('presence-title')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  return (
    <button type="button" className="link presence-summary" onClick={show} data-testid="presence-summary">
      {KINDS.map((k) => (
        <span key={k} className={`presence-chip link-${state(k)}`} title={state(k) === 'blocked' ? t('presence.audio.blocked') : undefined}>
          <span className="dot" aria-hidden />
          {t(`presence.${k}`)}
        </span>
      ))}
      {total > 0 && (
        <span className={`presence-chip link-${online === total ? 'online' : online ? 'partial' : 'never'}`}>
          <span className="dot" aria-hidden />
          {t('presence.summaryPhones', { online, total })}
        </span>
      )}
    </button>
  );
}
