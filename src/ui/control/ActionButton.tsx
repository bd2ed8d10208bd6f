import { useTranslation } from 'react-i18next';
import type { HostAction } from '../../core/actions';
import { actionByName } from '../../core/actions';
import type { ActionName } from '../../core/actions';
import { useView } from '../app/context';
import { keyLabel } from './keys';

/** A button for a host action: its label, its first shortcut, greyed out when not allowed. */
export function ActionButton({ name, target, perform, tone = 'plain' }: { name: ActionName; target: string | null; perform: (a: HostAction) => void; tone?: 'plain' | 'primary' | 'danger' }) {
  const { t } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const action = actionByName(name);
  if (!action || meeting === null) return null;
  const key = action.keys[0];
  return (
    <button
      type="button"
      className={`action tone-${tone}`}
      disabled={!action.allowed(meeting, target)}
      onClick={() => perform(action)}
      data-action={name}
      title={key ? keyLabel(key) : undefined}
    >
      <span>{t(`actions.${name}`)}</span>
      {key && <kbd>{keyLabel(key)}</kbd>}
    </button>
  );
}
