import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './modal.css';

/** What Tab can reach inside the dialog, in document order. */
const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

interface Props {
  /** The heading the dialog is named by (aria-labelledby). */
  title: ReactNode;
  onClose(): void;
  className?: string;
  testId?: string;
  /** A Close button beside the heading, for dialogs that have no Cancel of their own. */
  closeButton?: boolean;
  children: ReactNode;
}

/**
 * The one modal of the views: a native `<dialog>` shown modal, so the page behind is inert and
 * Escape closes it (the control view's shortcuts ignore keys typed in a dialog, keys.ts). On top
 * of what the browser gives: Tab wraps inside the dialog instead of leaving for the browser's own
 * controls, and focus goes back to what opened it, however the dialog went away (a Cancel that
 * unmounts it never fires the dialog's own close, which is where the browser would restore it).
 */
export function Modal({ title, onClose, className, testId, closeButton = false, children }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const wrapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const all = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
    const first = all[0];
    const last = all.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog ref={dialog} className={`modal ${className ?? ''}`} aria-labelledby={titleId} aria-modal="true" onClose={onClose} onKeyDown={wrapTab} data-testid={testId}>
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        {closeButton && (
          <button type="button" className="action" onClick={onClose}>
            {t('audit.close')}
          </button>
        )}
      </div>
      {children}
    </dialog>
  );
}
