import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../src/core/audit';
import { scoredMeeting } from '../fixtures/meetings';
import { startTestHost, TestClient } from './support';

let host: Awaited<ReturnType<typeof startTestHost>>;
const clients: TestClient[] = [];
beforeEach(async () => {
  host = await startTestHost({ newMeeting: scoredMeeting() });
  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await host.close();
});

const PHONE_A = 'phone-a-0123456789abcdef';
const PHONE_B = 'phone-b-0123456789abcdef';
const l1 = () => host.tokens.reviewerToken('l1') ?? '';
const phone = async (key: string) => {
  const c = await TestClient.open(host.origin, l1(), 'review', {}, key);
  clients.push(c);
  await c.next('welcome');
  return c;
};
const ballot = (score: string, submissionId: string) => ({ type: 'ballot.submit', slotId: 'a', submissionId, scores: [score], comment: '' });
const stateAs = (key: string | null) => fetch(`${host.origin}/api/v1/state`, { headers: { authorization: `Bearer ${l1()}`, ...(key === null ? {} : { 'x-rostrum-phone': key }) } });
const audit = async (): Promise<AuditRow[]> => (await fetch(`${host.origin}/api/v1/audit`, { headers: { authorization: `Bearer ${host.tokens.clerk}` } })).json() as Promise<AuditRow[]>;

describe('a reviewer’s card', () => {
  it('is claimed by the first phone that opens it; any other phone, the host’s copy of the key included, is refused', async () => {
    const a = await phone(PHONE_A);
    expect(await a.command(ballot('91.5', 'submission-a-1'))).toMatchObject({ type: 'ack' });
    // The host printed the cards, so it has the key; on any other device it neither connects nor reads.
    const cards = (await (await fetch(`${host.origin}/api/v1/cards`, { headers: { authorization: `Bearer ${host.tokens.host}` } })).json()) as { cards: { id: string; code: string }[] };
    expect(cards.cards.find((c) => c.id === 'l1')?.code.replace(/-/g, '')).toBe(l1());
    await expect(TestClient.open(host.origin, l1(), 'review', {}, PHONE_B)).rejects.toThrow('HTTP 409');
    await expect(TestClient.open(host.origin, l1(), 'review', {}, null)).rejects.toThrow('HTTP 400');
    const refused = await stateAs(PHONE_B);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: 'card_in_use', message: '此评分卡已在另一部手机上使用，请联系计分员 / This card is in use on another phone — ask the clerk' });
    expect((await stateAs(null)).status).toBe(409);
    expect((await stateAs(PHONE_A)).status).toBe(200);
    // Nothing of l1's ballot changed, and the phone that holds the card still works after a reconnect.
    expect(host.engine.current().ballots['a']?.['l1']?.scores).toEqual(['91.5']);
    a.close();
    const again = await phone(PHONE_A);
    expect(await again.command(ballot('92', 'submission-a-2'))).toMatchObject({ type: 'ack' });
  });

  it('moves to another phone only when the clerk releases it, which the audit log records, with each ballot’s phone', async () => {
    const a = await phone(PHONE_A);
    await a.command(ballot('80', 'submission-a-1'));
    const clerk = await TestClient.open(host.origin, host.tokens.clerk, 'clerk');
    clients.push(clerk);
    const claimed = (await clerk.next('welcome')).state.claims['l1'];
    expect(claimed?.device).toMatch(/^[0-9a-f]{8}$/);
    const hostView = await TestClient.open(host.origin, host.tokens.host, 'control');
    clients.push(hostView);
    expect(await hostView.command({ type: 'card.release', reviewerId: 'l1' })).toMatchObject({ type: 'error', code: 'forbidden' });

    const closed = new Promise<number>((resolve) => a.ws.once('close', (code) => resolve(code)));
    expect(await clerk.command({ type: 'card.release', reviewerId: 'l1' })).toMatchObject({ type: 'ack' });
    expect(await closed).toBe(4409);
    const b = await phone(PHONE_B);
    expect(await b.command(ballot('85', 'submission-b-1'))).toMatchObject({ type: 'ack' });
    await expect(TestClient.open(host.origin, l1(), 'review', {}, PHONE_A)).rejects.toThrow('HTTP 409');

    const ballotOf = host.engine.current().ballots['a']?.['l1'];
    expect(ballotOf?.device).not.toBe(claimed?.device);
    const rows = await audit();
    const release = rows.find((r) => r.type === 'card.released');
    expect(release).toMatchObject({ role: 'clerk', detail: JSON.stringify({ reviewerId: 'l1' }) });
    const submits = rows.filter((r) => r.type === 'ballot.submitted');
    expect(submits.map((r) => [r.role, r.device.replace(/^.*#|@.*$/g, '')])).toEqual([
      ['reviewer:l1', claimed?.device],
      ['reviewer:l1', ballotOf?.device],
    ]);
    expect(JSON.parse(submits[1]?.detail ?? '{}')).toMatchObject({ device: ballotOf?.device });
  });
});
