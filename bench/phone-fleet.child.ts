// A hall's phones, in a process of their own: what the phones do with their messages takes the
// bench's other clients (the clerk's, the big screen's driver) no time, as on real phones. Driven
// over IPC by phone-fleet.ts.
import { openReviewers } from './clients';
import type { BenchClient } from './clients';
import type { FleetReply, FleetRequest } from './phone-fleet';

let phones: BenchClient[] = [];
/** The phones' next states, once armed: when each arrives, in this process's clock. */
let arrivals: Promise<number[]> | null = null;

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
    case 'arm':
      arrivals = Promise.all(phones.map((p) => p.nextStateAt()));
      return reply(msg.id);
    case 'collect': {
      if (arrivals === null) return reply(msg.id, 'collect before arm');
      const at = Math.max(...(await arrivals));
      arrivals = null;
      return reply(msg.id, undefined, performance.timeOrigin + at);
    }
    case 'close':
      phones.forEach((p) => p.close());
      phones = [];
      return reply(msg.id);
  }
}

function reply(id: number, error?: string, at?: number): void {
  process.send?.({ id, ...(error ? { error } : {}), ...(at === undefined ? {} : { at }) } satisfies FleetReply);
}
