import { describe, expect, it } from 'vitest';
import { afterRefusal, newSubmissionId, Outbox } from './outbox';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};
const ballot = (slotId: string, total: string, submissionId: string) => ({ slotId, submissionId, scores: [total], comment: '' });

describe('the phone’s outbox', () => {
  it('keeps an unsent ballot across a reload (a new Outbox on the same storage)', () => {
    const storage = memory();
    new Outbox(storage, 'k').put(ballot('a', '90', 'submission-1'));
    expect(new Outbox(storage, 'k').pending()).toEqual([ballot('a', '90', 'submission-1')]);
  });

  it('keeps only the latest unsent ballot per slot, and forgets one once acknowledged', () => {
    const box = new Outbox(memory(), 'k');
    box.put(ballot('a', '80', 'submission-1'));
    box.put(ballot('b', '70', 'submission-2'));
    box.put(ballot('a', '85', 'submission-3'));
    expect(box.pending().map((b) => b.submissionId)).toEqual(['submission-2', 'submission-3']);
    box.remove('submission-2');
    expect(box.pending().map((b) => b.submissionId)).toEqual(['submission-3']);
  });

  it('drops what it cannot read instead of sending it', () => {
    const storage = memory();
    storage.setItem('k', '{not json');
    expect(new Outbox(storage, 'k').pending()).toEqual([]);
    storage.setItem('k', JSON.stringify([{ slotId: 'a', scores: ['x'] }]));
    expect(new Outbox(storage, 'k').pending()).toEqual([]);
  });

  it('makes submission ids that differ and that the host accepts (8–64 characters)', () => {
    const a = newSubmissionId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newSubmissionId()).not.toBe(a);
  });
});

describe('a ballot the host did not take', () => {
  it('stays on the phone when the host is away, and is sent again by itself after the host’s wait', () => {
    expect(afterRefusal('unavailable', undefined)).toEqual({ keep: true, retryInMs: null });
    expect(afterRefusal('rate_limited', 12_500)).toEqual({ keep: true, retryInMs: 12_500 });
    expect(afterRefusal('rate_limited', undefined)).toEqual({ keep: true, retryInMs: 10_000 });
  });

  it('is dropped, and the reason shown, when no retry can succeed', () => {
    expect(afterRefusal('not_allowed', undefined)).toEqual({ keep: false });
    expect(afterRefusal('invalid', undefined)).toEqual({ keep: false });
  });
});
