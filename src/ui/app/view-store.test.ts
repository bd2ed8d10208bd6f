import { describe, expect, it } from 'vitest';
import { viewFor } from '../../core/views';
import { initialState } from '../../core/state';
import { demoMeeting } from '../../core/demo';
import { createViewStore } from './view-store';

const meetingAt = (seq: number) => viewFor({ ...initialState(demoMeeting()), seq }, { role: 'display' });

describe('the view store', () => {
  it('goes online with the welcome and takes newer states', () => {
    const store = createViewStore();
    store.getState().welcome('display', meetingAt(3), null);
    expect(store.getState().link).toBe('online');
    store.getState().update(meetingAt(4));
    expect(store.getState().meeting?.seq).toBe(4);
  });

  it('never rolls back to an older state that arrives late', () => {
    const store = createViewStore();
    store.getState().welcome('host', meetingAt(9), 'http://x/display#token=t');
    store.getState().update(meetingAt(8));
    expect(store.getState().meeting?.seq).toBe(9);
  });

  it('keeps the last three notices', () => {
    const store = createViewStore();
    ['a', 'b', 'c', 'd'].forEach((t) => store.getState().notify(t));
    expect(store.getState().notices.map((n) => n.text)).toEqual(['b', 'c', 'd']);
  });
});
