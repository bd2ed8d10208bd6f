import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../core/meeting';
import { elapsedAt, grantedMs } from '../../core/phase-clock';
import type { Live, PhaseRecord } from '../../core/state';
import { formatOvertime, overtimeSeconds } from '../../core/time';
import type { Mono } from '../../core/time';
import { useConnection } from '../app/context';
import { useFrame } from '../shared/useFrame';
import { durationText } from './duration';

/**
 * Time used (ms) and overtime (whole seconds, as the hall saw them) of a slot: its closed phases'
 * records plus, for the live phase, the anchors at `now`.
 */
export function usedAt(slot: Slot, records: readonly PhaseRecord[], live: Live | null, now: number): { used: number; overtime: number } {
  const running = live !== null && live.mode !== 'ready' ? live : null;
  const closed = records.filter((r) => r.phaseIndex !== running?.phaseIndex);
  let used = closed.reduce((sum, r) => sum + r.usedMs, 0);
  let overtime = closed.reduce((sum, r) => sum + overtimeSeconds(r.overtimeMs), 0);
  const spec = running && slot.phases[running.phaseIndex];
  if (running && spec) {
    const elapsed = elapsedAt(running, now as Mono);
    used += elapsed;
    overtime += overtimeSeconds(elapsed - grantedMs(running, spec));
  }
  return { used, overtime };
}

/**
 * The live row's actual time, drawn from the anchors on every frame like the big screen (the
 * DOM is written only when the text changes, once a second), not from the last event.
 */
export function LiveRowTime({ slot, records, live }: { slot: Slot; records: readonly PhaseRecord[]; live: Live }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const used = useRef<HTMLSpanElement>(null);
  const over = useRef<HTMLSpanElement>(null);
  useFrame(() => {
    const now = usedAt(slot, records, live, connection.hostNow());
    const usedText = durationText(now.used);
    const overText = now.overtime > 0 ? t('control.overtime', { time: formatOvertime(now.overtime) }) : '';
    if (used.current && used.current.textContent !== usedText) used.current.textContent = usedText;
    if (over.current && over.current.textContent !== overText) over.current.textContent = overText;
  });
  return (
    <>
      <span ref={used} data-testid="actual" />
      <span className="overtime" ref={over} />
    </>
  );
}
