import { createHash } from 'node:crypto';

const PHONE_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The hash of a phone's device key (the secret the phone keeps in its storage), or null when the
 * key is missing or malformed. Only the hash is kept: the log shows which phone, never the key.
 */
export function phoneOf(key: string | null | undefined): string | null {
  if (typeof key !== 'string' || !PHONE_KEY.test(key)) return null;
  return createHash('sha256').update(key).digest('hex');
}
