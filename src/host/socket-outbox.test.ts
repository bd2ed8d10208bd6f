import { describe, expect, it } from 'vitest';
import { BEHIND_BYTES, CLOSE_BYTES, SocketOutbox } from './socket-outbox';

/** A socket whose buffer fills as the test says: what is sent stays "buffered" until drained. */
function pipe() {
  const p = { bufferedAmount: 0, sent: [] as string[], terminated: false, send: (m: unknown) => void p.sent.push(String(m)), terminate: () => void (p.terminated = true) };
  return p;
}

describe('a socket that falls behind', () => {
  it('keeps only the newest state while behind, and sends it before the replies that wait for it', () => {
    const p = pipe();
    const out = new SocketOutbox(p);
    out.state('state 1');
    p.bufferedAmount = BEHIND_BYTES + 1;
    out.state('state 2');
    out.reply('ack 2');
    out.state('state 3');
    out.timely('chime');
    expect(p.sent).toEqual(['state 1']);
    p.bufferedAmount = 0;
    out.drained();
    expect(p.sent).toEqual(['state 1', 'state 3', 'ack 2']);
  });

  it('is ended past the harder bound, and sent nothing more', () => {
    const p = pipe();
    const out = new SocketOutbox(p);
    p.bufferedAmount = CLOSE_BYTES + 1;
    out.reply('ack');
    expect(p.terminated).toBe(true);
    expect(out.isClosed).toBe(true);
    p.bufferedAmount = 0;
    out.drained();
    out.state('state');
    expect(p.sent).toEqual([]);
  });

  it('counts the replies it holds against the bound: a peer that sends and never reads is ended too', () => {
    const p = pipe();
    const out = new SocketOutbox(p);
    p.bufferedAmount = BEHIND_BYTES + 1;
    const reply = 'x'.repeat(64 * 1024);
    for (let i = 0; i < CLOSE_BYTES / reply.length + 1 && !p.terminated; i++) out.reply(reply);
    expect(p.terminated).toBe(true);
  });
});
