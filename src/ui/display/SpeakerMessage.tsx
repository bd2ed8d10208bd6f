import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { messageShown } from '../../core/speaker-message';
import type { SpeakerMessage as Message } from '../../core/speaker-message';
import { mono } from '../../core/time';
import { useConnection } from '../app/context';
import { local } from '../shared/local-text';
import { useFrame } from '../shared/useFrame';

/**
 * The host's message to the speaker, as a band over the screen's heading: the clock below stays
 * in view, and the cut-off screen still covers it. A timed message hides itself on the frame its
 * time is up, worked out from the same anchor on every screen.
 */
export function SpeakerMessage({ message, screen }: { message: Message; screen: 'stage' | 'display' }) {
  const { i18n } = useTranslation();
  const connection = useConnection();
  const band = useRef<HTMLDivElement>(null);
  useFrame(() => {
    const hidden = !messageShown(message, screen, mono(connection.hostNow()));
    if (band.current && band.current.hidden !== hidden) band.current.hidden = hidden;
  });
  return (
    <div
      ref={band}
      className={`speaker-message${message.flash ? ' flash' : ''}`}
      role="status"
      data-testid="speaker-message"
      hidden={!messageShown(message, screen, mono(connection.hostNow()))}
    >
      {local(message.text, i18n.language)}
    </div>
  );
}
