import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Why the last attempt was refused, said above the buttons; nothing when null or absent. */
  error?: string | null;
  /** Buttons at the left end of the row, away from Cancel and Save (e.g. Remove). */
  start?: ReactNode;
  onCancel(): void;
  /** The main button's label; Save when absent. */
  label?: string;
  /**
   * What the main button does. Absent, it submits the dialog's form, so Enter in a field does the
   * same as a click (a dialog without a form passes its own action).
   */
  onConfirm?(): void;
  disabled?: boolean;
  testId?: string;
}

/** The foot of a dialog (Modal.tsx): the refusal, if any, then Cancel and the main button at the right. */
export function DialogButtons({ error, start, onCancel, label, onConfirm, disabled, testId }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-buttons">
        {start}
        <span className="spacer" />
        <button type="button" className="action" onClick={onCancel}>
          {t('control.cancel')}
        </button>
        <button type={onConfirm ? 'button' : 'submit'} className="action tone-primary" disabled={disabled} onClick={onConfirm} data-testid={testId}>
          {label ?? t('control.save')}
        </button>
      </div>
    </>
  );
}
