import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Views from '../../src/core/views';
import { startTestHost, TestClient } from './support';

// A fault in building one audience's view (the display's, once the meeting is named "Boom"):
// no state the protocol accepts makes it happen any more, so it is made here.
vi.mock('../../src/core/views', async (original) => {
  const real = await original<typeof Views>();
  return {
    ...real,
    // The view feed (core/view-feed.ts) builds every role's view through checkedView.
    checkedView: (state: Parameters<typeof real.checkedView>[0], audience: Parameters<typeof real.checkedView>[1]) => {
      if (audience.role === 'display' && state.title === 'Boom') throw new Error('cannot build this view');
      return real.checkedView(state, audience);
    },
  };
});

let host: Awaited<ReturnType<typeof startTestHost>> | null = null;
afterEach(async () => {
  await host?.close();
});

describe('a failure while building one view’s message', () => {
  it('closes that view’s connection with an error; the host and every other view go on', async () => {
    host = await startTestHost();
    const control = await TestClient.open(host.origin, host.tokens.host);
    const display = await TestClient.open(host.origin, host.tokens.display, 'display');
    await control.next('welcome');
    await display.next('welcome');
    const closed = new Promise<number>((resolve) => display.ws.once('close', resolve));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await control.command({ type: 'meeting.rename', title: 'Boom' })).toMatchObject({ type: 'ack' });
    expect((await control.next('state')).state.title).toBe('Boom');
    expect(await display.next('error')).toMatchObject({ code: 'unavailable' });
    expect(await closed).toBe(1011);
    expect(await control.command({ type: 'timer.start' })).toMatchObject({ type: 'ack' });
    control.close();
  });
});
