import { useView } from '../app/context';
import { livePhaseOf } from '../shared/live-phase';
import { useWakeLock } from '../shared/useWakeLock';
import { IdleScreen } from './IdleScreen';
import { LiveScreen } from './LiveScreen';
import { ResultsScreen } from './ResultsScreen';
import { SpeakerMessage } from './SpeakerMessage';
import './display.css';

/** The projector (and, with `stage`, the speaker's monitor): read-only, driven by the host. */
export function DisplayView({ variant = 'display' }: { variant?: 'display' | 'stage' }) {
  const meeting = useView((s) => s.meeting);
  // The hall's screens never sleep mid-speech (in a browser; the desktop app also blocks display sleep).
  useWakeLock(true);
  if (meeting === null) return null;
  const phase = livePhaseOf(meeting);
  // Revealed results take the screen between speakers only: a clock that runs, is paused or has
  // cut the speaker off is always drawn over them (the host also refuses a reveal then).
  const clockUp = phase !== null && phase.live.mode !== 'ready';
  const results = !clockUp && meeting.reveal !== null && meeting.results.length > 0;
  return (
    <div className={`display-root variant-${variant}`}>
      {results ? <ResultsScreen meeting={meeting} /> : phase ? <LiveScreen meeting={meeting} phase={phase} key={`${phase.slot.id}/${phase.live.phaseIndex}`} /> : <IdleScreen meeting={meeting} />}
      {meeting.message && <SpeakerMessage message={meeting.message} screen={variant} />}
      {/* A break: the projector goes black; the speaker's own monitor keeps its clock. */}
      {meeting.blackout && variant === 'display' && <div className="blackout" data-testid="blackout" />}
    </div>
  );
}
