import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoredMeeting } from '../fixtures/meetings';
import { FakeTime } from './fake-time';
import { startTestHost, TestClient } from './support';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  // Time stands still, so no boundary or auto-lock changes the state while a refusal is checked.
  const time = new FakeTime();
  host = await startTestHost({ newMeeting: scoredMeeting(), clock: time, timers: time });
  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
});
afterAll(() => host.close());

/** Messages a real view could send: the seeds the mutations start from. */
const VALID: unknown[] = [
  { type: 'ping', id: 1, t0: 12.5 },
  { type: 'cue.test', id: 't1' },
  { type: 'command', id: 'c1', command: { type: 'timer.start' } },
  { type: 'command', id: 'c2', command: { type: 'timer.adjust', deltaMs: 30000 } },
  { type: 'command', id: 'c3', command: { type: 'slot.mark', slotId: 'b', status: 'skipped' } },
  { type: 'command', id: 'c4', command: { type: 'ballot.submit', slotId: 'a', submissionId: 'fuzz-submission-1', scores: ['88.5'], comment: 'ok' } },
  { type: 'command', id: 'c5', command: { type: 'paper.enter', slotId: 'a', reviewerId: 'u1', entryId: 'fuzz-entry-1', scores: ['70'], comment: '' } },
  { type: 'command', id: 'c6', command: { type: 'results.reveal', reveal: { kind: 'ranking', shown: 1 } } },
  { type: 'command', id: 'c7', command: { type: 'slot.edit', slotId: 'a', fields: { unit: 'X' } } },
];

/** A seed with one character deleted, replaced or inserted: near-misses, the most likely bad input. */
const mutated = fc
  .tuple(fc.constantFrom(...VALID.map((v) => JSON.stringify(v))), fc.nat(), fc.constantFrom('delete', 'replace', 'insert'), fc.string({ minLength: 1, maxLength: 1 }))
  .map(([text, at, op, ch]) => {
    const i = at % text.length;
    if (op === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (op === 'replace') return text.slice(0, i) + ch + text.slice(i + 1);
    return text.slice(0, i) + ch + text.slice(i);
  });

/** Structurally plausible messages with wrong parts: right envelope, random command body. */
const wrongShape = fc.record({ type: fc.constantFrom('command', 'ping', 'cue.test', 'hello'), id: fc.oneof(fc.string(), fc.integer()), command: fc.jsonValue() }).map((m) => JSON.stringify(m));

const anyMessage = fc.oneof(mutated, wrongShape, fc.string(), fc.json());

describe('fuzzing the protocol', () => {
  it.each(['control', 'clerk', 'display', 'review'] as const)('from a %s view: the host never crashes, replies to everything, and changes nothing on a refusal', async (view) => {
    const token = { control: host.tokens.host, clerk: host.tokens.clerk, display: host.tokens.display, review: host.tokens.reviewerToken('l1') ?? '' }[view];
    const client = await TestClient.open(host.origin, token, view);
    await client.next('welcome');
    await fc.assert(
      fc.asyncProperty(anyMessage, async (raw) => {
        const before = host.engine.current();
        client.send(raw);
        const reply = await client.nextReply();
        if (reply.type === 'error') expect(host.engine.current()).toBe(before);
        else expect(['ack', 'pong']).toContain(reply.type);
      }),
      { numRuns: 250 },
    );
    // Still answering.
    client.send({ type: 'ping', id: 99, t0: 1 });
    expect(await client.nextReply()).toMatchObject({ type: 'pong', id: 99 });
    client.close();
  });
});
