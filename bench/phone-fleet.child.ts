// A hall's phones, in a process of their own: what the phones do with their messages takes the
// bench's other clients (the clerk's, the big screen's driver) no time, as on real phones. Driven
// over IPC by phone-fleet.ts.
import { openReviewers } from './clients';
import type { BenchClient } from './clients';
import type { FleetRequest } from './phone-fleet';

let phones: BenchClient[] = [];

process.on('message', (msg: FleetRequest) => void handle(msg));

async function handle(msg: FleetRequest): Promise<void> {
  switch (msg.type) {
    case 'open':
      phones = await openReviewers(msg.origin, msg.tokens, msg.n);
      return reply(msg.id);
    case 'submit': {
      const got = await Promise.all(
        msg.ballots.map(({ phone, score }) => {
          const client = phones[phone];
          if (!client) throw new Error(`no phone ${phone}`);
          return client.command({ type: 'ballot.submit', slotId: msg.slotId, submissionId: `${msg.tag}-${msg.slotId}-${phone}-0000`, scores: [score], comment: '' });
        }),
      );
      const refused = got.find((g) => !g.ok);
      return reply(msg.id, refused ? `a ballot was refused: ${refused.raw}` : undefined);
    }
    case 'close':
      phones.forEach((p) => p.close());
      return reply(msg.id);
  }
}

function reply(id: number, error?: string): void {
  process.send?.({ id, ...(error ? { error } : {}) });
}
