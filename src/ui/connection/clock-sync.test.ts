import { describe, expect, it } from 'vitest';
import { ClockSync } from './clock-sync';

describe('clock sync', () => {
  it('finds the host clock of a phone whose own clock is minutes off', () => {
    const sync = new ClockSync();
    // The host is 90 000 ms ahead; the pong took 10 ms each way.
    sync.add(1000, 1020, 1000 + 10 + 90_000);
    expect(sync.offset).toBe(90_000);
  });

  it('trusts the sample with the shortest round trip', () => {
    const sync = new ClockSync();
    sync.add(0, 400, 3700 + 100); // a slow, lopsided trip: error up to 200 ms
    sync.add(1000, 1004, 1002 + 3700); // a quick one
    expect(sync.offset).toBe(3700);
    expect(sync.roundTrip).toBe(4);
  });

  it('uses the welcome message until the first pong, then forgets it', () => {
    const sync = new ClockSync();
    sync.seed(50, 5050);
    expect(sync.offset).toBe(5000);
    sync.add(100, 102, 101 + 4990);
    expect(sync.offset).toBe(4990);
  });

  it('keeps only recent samples, so a changed network path is noticed', () => {
    const sync = new ClockSync(2);
    sync.add(0, 2, 1 + 100);
    sync.add(10, 30, 20 + 200);
    sync.add(40, 60, 50 + 300);
    expect(sync.offset).toBe(200);
  });
});
