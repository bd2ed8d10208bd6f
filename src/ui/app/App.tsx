import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewKind } from '../connection/client';
import { DisplayView } from '../display/DisplayView';
import { ViewContext, useView } from './context';
import type { ViewContextValue } from './context';

const ControlView = lazy(() => import('../control/ControlView'));

export function App({ view, ctx }: { view: ViewKind; ctx: ViewContextValue }) {
  return (
    <ViewContext.Provider value={ctx}>
      <LinkBanner />
      {view === 'control' ? (
        <Suspense fallback={null}>
          <ControlView />
        </Suspense>
      ) : (
        <DisplayView variant={view} />
      )}
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
  if (link === 'refused') return <p className="message-page">{t('conn.refused')}</p>;
  if (link === 'online') return null;
  if (!hasMeeting) return <p className="message-page">{t('conn.connecting')}</p>;
  return (
    <div className="link-banner" role="status" data-testid="offline">
      {t('conn.offline')}
    </div>
  );
}
