import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewKind } from '../connection/client';
import { DisplayView } from '../display/DisplayView';
import { MiniTimer } from '../display/MiniTimer';
import { SoundLock } from '../shared/SoundLock';
import { ViewContext, useView } from './context';
import type { ViewContextValue } from './context';

// The hall's screens load first and alone; the other views are fetched when opened.
const ControlView = lazy(() => import('../control/ControlView'));
const ReviewView = lazy(() => import('../review/ReviewView'));
const ClerkView = lazy(() => import('../clerk/ClerkView'));
const CardsPage = lazy(() => import('../print/CardsPage'));
const ReportPage = lazy(() => import('../print/ReportPage'));
const AuditPage = lazy(() => import('../control/AuditPage'));

function Page({ view, token }: { view: ViewKind; token: string }) {
  switch (view) {
    case 'display':
    case 'stage':
      return <DisplayView variant={view} />;
    case 'mini':
      return <MiniTimer />;
    case 'control':
      return <ControlView token={token} />;
    // Each phone keeps its unsent ballots under its own key: two meetings never mix.
    case 'review':
      return <ReviewView storageKey={`rostrum.review.${token.slice(0, 16)}`} />;
    case 'clerk':
      return <ClerkView token={token} />;
    case 'cards':
      return <CardsPage token={token} />;
    case 'report':
      return <ReportPage />;
    case 'audit':
      return <AuditPage token={token} />;
    default:
      return view satisfies never;
  }
}

export function App({ view, ctx, token }: { view: ViewKind; ctx: ViewContextValue; token: string }) {
  return (
    <ViewContext.Provider value={ctx}>
      <LinkBanner />
      {(view === 'display' || view === 'stage' || view === 'control') && <SoundLock kind={view} />}
      <Suspense fallback={null}>
        <Page view={view} token={token} />
      </Suspense>
    </ViewContext.Provider>
  );
}

/** A page opened without its access key: say where to find the right address. */
export function NoToken() {
  const { t } = useTranslation();
  return <p className="message-page">{t('conn.noToken')}</p>;
}

/** Says on screen when the host is out of reach; the countdown keeps running from its anchors meanwhile. */
function LinkBanner() {
  const { t } = useTranslation();
  const link = useView((s) => s.link);
  const hasMeeting = useView((s) => s.meeting !== null);
  const readOnly = useView((s) => s.readOnly);
  if (readOnly && link === 'online')
    return (
      <div className="link-banner read-only" role="alert" data-testid="read-only">
        {t('conn.readOnly')} {readOnly}
      </div>
    );
  if (link === 'refused') return <p className="message-page">{t('conn.refused')}</p>;
  if (link === 'in-use')
    return (
      <p className="message-page" role="alert" data-testid="card-in-use">
        {t('conn.cardInUse')}
      </p>
    );
  if (link === 'online') return null;
  if (!hasMeeting) return <p className="message-page">{t('conn.connecting')}</p>;
  return (
    <div className="link-banner" role="status" data-testid="offline">
      {t('conn.offline')}
    </div>
  );
}
