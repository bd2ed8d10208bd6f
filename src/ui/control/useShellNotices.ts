import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useView } from '../app/context';
import { desktopShell } from '../shared/desktop-shell';

/** The desktop app's word to the host (the projector's screen went away, a screen came), shown in the control view's notices. */
export function useShellNotices(): void {
  const { t } = useTranslation();
  const notify = useView((s) => s.notify);
  useEffect(
    () =>
      desktopShell()?.onNotice((n) => {
        if (n.type === 'projector-moved') notify(t(n.reason === 'unplugged' ? 'shell.projectorUnplugged' : 'shell.projectorPlugged', { screen: n.screen }));
      }),
    [notify, t],
  );
}
