import { describe, expect, it } from 'vitest';
import { phoneKey } from './phone-key';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
};

describe('the phone’s device key', () => {
  it('is made once and kept: the same phone sends the same key after a reload', () => {
    const storage = memory();
    const first = phoneKey(storage);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(phoneKey(storage)).toBe(first);
  });

  it('differs from one phone to another, and replaces anything unreadable', () => {
    expect(phoneKey(memory())).not.toBe(phoneKey(memory()));
    const storage = memory();
    storage.setItem('rostrum.phone', 'garbage');
    expect(phoneKey(storage)).toMatch(/^[0-9a-f]{32}$/);
  });
});
