import type { Stage } from '../../core/phase-clock';

/**
 * Colour is never the only cue: each stage also has a shape, readable by the colour-blind and on
 * a washed-out projector.
 */
export function StageIcon({ stage }: { stage: Stage }) {
  switch (stage) {
    case 'warning':
      return (
        <svg viewBox="0 0 100 100" className="stage-icon" aria-hidden="true">
          <polygon points="50,6 96,92 4,92" fill="currentColor" />
          <rect x="45" y="34" width="10" height="32" fill="var(--icon-ink)" />
          <rect x="45" y="72" width="10" height="10" fill="var(--icon-ink)" />
        </svg>
      );
    case 'danger':
      return (
        <svg viewBox="0 0 100 100" className="stage-icon" aria-hidden="true">
          <polygon points="30,4 70,4 96,30 96,70 70,96 30,96 4,70 4,30" fill="currentColor" />
          <rect x="44" y="22" width="12" height="36" fill="var(--icon-ink)" />
          <rect x="44" y="66" width="12" height="12" fill="var(--icon-ink)" />
        </svg>
      );
    case 'cutoff':
      return (
        <svg viewBox="0 0 100 100" className="stage-icon" aria-hidden="true">
          <rect x="8" y="8" width="84" height="84" rx="6" fill="currentColor" />
        </svg>
      );
    case 'paused':
      return (
        <svg viewBox="0 0 100 100" className="stage-icon" aria-hidden="true">
          <rect x="18" y="10" width="22" height="80" fill="currentColor" />
          <rect x="60" y="10" width="22" height="80" fill="currentColor" />
        </svg>
      );
    case 'overtime':
      return (
        <svg viewBox="0 0 100 100" className="stage-icon" aria-hidden="true">
          <circle cx="50" cy="50" r="46" fill="currentColor" />
          <rect x="44" y="22" width="12" height="56" fill="var(--icon-ink)" />
          <rect x="22" y="44" width="56" height="12" fill="var(--icon-ink)" />
        </svg>
      );
    default:
      return null;
  }
}
