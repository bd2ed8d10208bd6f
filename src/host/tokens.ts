import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ViewRole } from '../core/protocol';

const TokensSchema = z.object({ host: z.string().min(32), display: z.string().min(32) });
export type Tokens = z.infer<typeof TokensSchema>;

const newToken = (): string => randomBytes(24).toString('base64url');

/**
 * Tokens live beside the meeting file (readable by the owner only), not inside it: the meeting
 * may be copied as a template, the keys must not travel with it. They survive a host restart so
 * open screens reconnect on their own.
 */
export async function loadOrCreateTokens(meetingFile: string): Promise<Tokens> {
  const file = `${meetingFile}.tokens.json`;
  try {
    return TokensSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    const tokens = { host: newToken(), display: newToken() };
    await writeFile(file, JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600 });
    return tokens;
  }
}

/** Constant-time comparison, so a wrong guess learns nothing from how long the refusal took. */
export function roleForToken(tokens: Tokens, presented: string | null | undefined): ViewRole | null {
  if (!presented) return null;
  for (const role of ['host', 'display'] as const) {
    const a = Buffer.from(tokens[role]);
    const b = Buffer.from(presented);
    if (a.length === b.length && timingSafeEqual(a, b)) return role;
  }
  return null;
}
