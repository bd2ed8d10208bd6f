import { useView } from '../app/context';
import { livePhaseOf } from '../shared/live-phase';
import { IdleScreen } from './IdleScreen';
import { LiveScreen } from './LiveScreen';
import { ResultsScreen } from './ResultsScreen';
import './display.css';

/** The projector (and, with `stage`, the speaker's monitor): read-only, driven by the host. */
export function DisplayView({ variant = 'display' }: { variant?: 'display' | 'stage' }) {
  const meeting = useView((s) => s.meeting);
  if (meeting === null) return null;
  const phase = livePhaseOf(meeting);
  // Revealed results take the screen until the host hides them; the host reveals between speakers.
  const results = meeting.reveal !== null && meeting.results.length > 0;
  return (
    <div className={`display-root variant-${variant}`}>
      {results ? <ResultsScreen meeting={meeting} /> : phase ? <LiveScreen meeting={meeting} phase={phase} key={`${phase.slot.id}/${phase.live.phaseIndex}`} /> : <IdleScreen meeting={meeting} />}
    </div>
  );
}
