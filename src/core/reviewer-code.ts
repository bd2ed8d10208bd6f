/**
 * Reviewer codes: printed on a card and typed on a phone by someone in a hurry, so short and
 * unambiguous. Eight characters from an alphabet without 0/O, 1/I/L (31 symbols, about 40 bits),
 * shown grouped 4-4 (`K7QM-3XPA`) and read back whatever the case and with or without the dash
 * or spaces. Meetings made before these codes keep their long keys, which are matched exactly.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

const SHORT_CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** The canonical form of what someone typed: a short code in capitals without separators, else the text as given. */
export function normalizeCode(typed: string): string {
  const trimmed = typed.trim();
  const bare = trimmed.replace(/[\s\-–—_.·]/g, '').toUpperCase();
  return SHORT_CODE.test(bare) ? bare : trimmed;
}

export const isShortCode = (code: string): boolean => SHORT_CODE.test(code);

/** How a code is printed and shown: a short code in two groups of four, a long key as it is. */
export const formatCode = (code: string): string => (isShortCode(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code);

/** A new code from `random(n)`, a uniform integer in 0..n-1 supplied by the caller (a CSPRNG in the host). */
export function makeCode(random: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}
