import { writeFile } from 'node:fs/promises';
import type { MeetingEvent } from '../src/core/events';
import { eventLine, headerLine } from '../src/host/log-line';
import { benchMeeting } from './meetings';

/**
 * Writes a meeting log of `total` events as a long day leaves it: 20 speakers, 200 reviewers each
 * scoring every speaker and changing their minds twice, and the rest of the events the host
 * pausing and resuming (the cheapest events to write, the same cost to read back).
 */
export async function writeBigLog(file: string, total = 100_000): Promise<void> {
  const setup = benchMeeting(20, 200);
  const reviewers = setup.scoring?.reviewers ?? [];
  // Written as the host writes them (each line with its checksum): reading them back is what is measured.
  const lines: Buffer[] = [headerLine(1_780_000_000_000)];
  let seq = 0;
  let at = 1_000;
  const push = (body: object, by: object = { role: 'host', device: 'control@127.0.0.1' }) => {
    seq++;
    at += 7;
    lines.push(eventLine({ ...body, seq, at, wall: 1_780_000_000_000 + at, by } as MeetingEvent));
  };
  push({ type: 'meeting.created', setup }, { role: 'system' });
  const perSlotFixed = 6 + reviewers.length * 3 + 1;
  const pairs = Math.floor((total - 1 - setup.slots.length * perSlotFixed) / setup.slots.length / 2);
  if (pairs < 0) throw new Error(`a day of 20 speakers and 200 reviewers takes at least ${1 + setup.slots.length * perSlotFixed} events`);
  setup.slots.forEach((slot, i) => {
    push({ type: 'slot.entered', slotId: slot.id });
    push({ type: 'timer.started', slotId: slot.id, phaseIndex: 0 });
    for (let p = 0; p < pairs; p++) {
      push({ type: 'timer.paused' });
      push({ type: 'timer.resumed' });
    }
    for (const boundary of ['warning', 'danger', 'zero']) push({ type: 'boundary.reached', slotId: slot.id, phaseIndex: 0, boundary }, { role: 'system' });
    push({ type: 'scoring.opened', slotId: slot.id });
    for (let round = 0; round < 3; round++) {
      reviewers.forEach((r, k) =>
        push(
          { type: 'ballot.submitted', slotId: slot.id, reviewerId: r.id, submissionId: `s${i}-${r.id}-${round}-000000`, scores: [String(80 + ((k + round) % 20))], comment: '' },
          { role: 'reviewer', reviewerId: r.id, device: 'review@192.168.1.20' },
        ),
      );
    }
    push({ type: 'scoring.locked', slotId: slot.id });
  });
  while (seq < total) {
    push({ type: 'audio.set', volume: 0.8 });
  }
  await writeFile(file, Buffer.concat(lines));
}
