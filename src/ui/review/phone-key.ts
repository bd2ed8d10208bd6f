const KEY = 'rostrum.phone';

/**
 * This phone's device key: made once and kept in its storage, sent with every connection of a
 * reviewer's card so the host knows the card is still on the phone that first opened it.
 * `crypto.randomUUID` needs a secure context and LAN pages are plain http: random bytes as hex.
 */
export function phoneKey(storage: Pick<Storage, 'getItem' | 'setItem'>, random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const kept = storage.getItem(KEY);
  if (kept !== null && /^[0-9a-f]{32}$/.test(kept)) return kept;
  const made = Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  storage.setItem(KEY, made);
  return made;
}
