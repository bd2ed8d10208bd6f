import { useTranslation } from 'react-i18next';
import { useView } from '../app/context';

/** The desktop app had to run the host inside itself: it works, but the host lost its own process. */
export function HostRunsWarning() {
  const { t } = useTranslation();
  const runs = useView((s) => s.network?.runs);
  if (runs !== 'in-app') return null;
  return (
    <p className="host-runs-warning" role="alert" data-testid="in-app">
      ⚠ {t('network.inApp')}
    </p>
  );
}
