import { useTranslation } from 'react-i18next';
import { ACTIONS } from '../../core/actions';
import { keyLabel, miniTimerKeyLabel } from './keys';

/** Every shortcut, generated from the action list itself so it can never drift from the keys. */
export function ShortcutList() {
  const { t } = useTranslation();
  return (
    <section className="panel shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('control.shortcuts')}</h2>
      <dl>
        {ACTIONS.map((a) => (
          <div key={a.name} className="shortcut">
            <dt>{a.keys.map((k) => <kbd key={keyLabel(k)}>{keyLabel(k)}</kbd>)}</dt>
            <dd>{t(`actions.${a.name}`)}</dd>
          </div>
        ))}
        <div className="shortcut">
          <dt><kbd>↑</kbd><kbd>↓</kbd></dt>
          <dd>{t('control.selected')}</dd>
        </div>
        <div className="shortcut">
          <dt><kbd>{miniTimerKeyLabel()}</kbd></dt>
          <dd>{t('mini.toggle')}</dd>
        </div>
      </dl>
    </section>
  );
}
