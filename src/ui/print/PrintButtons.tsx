import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopShell } from '../shared/desktop-shell';

/**
 * Print, and in the desktop app Save as PDF: the shell asks where, and prints the page with
 * Chromium's own engine (printToPDF). In a browser, its print dialog does both.
 */
export function PrintButtons() {
  const { t } = useTranslation();
  const shell = desktopShell();
  const [said, setSaid] = useState<string | null>(null);
  const savePdf = (api: NonNullable<typeof shell>) =>
    api.savePdf().then(
      (path) => setSaid(path === null ? null : t('shell.saved', { path })),
      (e: Error) => setSaid(t('shell.notSaved', { reason: e.message })),
    );
  if (!shell)
    return (
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('cards.print')}
      </button>
    );
  return (
    <>
      <button type="button" className="primary" onClick={() => void savePdf(shell)}>
        {t('shell.savePdf')}
      </button>
      <button type="button" className="secondary" onClick={() => window.print()}>
        {t('shell.print')}
      </button>
      {said && (
        <span role="status" data-testid="pdf-status">
          {said}
        </span>
      )}
    </>
  );
}
