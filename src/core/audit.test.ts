import { describe, expect, it } from 'vitest';
import { auditRows, auditTable } from './audit';
import { defaultScoring } from './scoring.setup';
import { Rehearsal } from './test-support';

function meeting(): Rehearsal {
  return new Rehearsal()
    .ok({ type: 'scoring.configure', scoring: { ...defaultScoring(), reviewers: [{ id: 'l1', name: 'L', groupId: 'leaders', unit: '' }] } }, 10)
    .ok({ type: 'scoring.open', slotId: 'a' }, 20, { role: 'host', device: 'control@127.0.0.1' })
    .ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'submission-1', scores: ['88'], comment: 'good' }, 30, { role: 'reviewer', reviewerId: 'l1', device: 'review@10.0.0.7' });
}

describe('the audit log', () => {
  it('is every event with who, from which device, and when to the millisecond', () => {
    const rows = auditRows(meeting().events, true);
    expect(rows.map((r) => [r.seq, r.role, r.device, r.type])).toEqual([
      [1, 'system', '', 'meeting.created'],
      [2, 'host', '', 'scoring.configured'],
      [3, 'host', 'control@127.0.0.1', 'scoring.opened'],
      [4, 'reviewer:l1', 'review@10.0.0.7', 'ballot.submitted'],
    ]);
    expect(auditTable(rows).rows[3]?.[1]).toBe('2023-11-14T22:13:20.030Z');
  });

  it('shows ballot scores and comments to the clerk only', () => {
    const [forClerk, forHost] = [true, false].map((clerk) => auditRows(meeting().events, clerk).at(-1)?.detail);
    expect(JSON.parse(forClerk ?? '')).toMatchObject({ scores: ['88'], comment: 'good' });
    expect(JSON.parse(forHost ?? '')).toEqual({ slotId: 'a', reviewerId: 'l1', submissionId: 'submission-1' });
  });
});
