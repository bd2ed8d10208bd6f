import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysFile, reviewerKeysFile, TokenStore } from './tokens';

const meetingIn = async () => join(await mkdtemp(join(tmpdir(), 'rostrum-keys-')), 'm.rostrum.jsonl');
const key = (c: string) => c.repeat(32);

describe('the keys on disk', () => {
  it('adopts the keys a meeting kept in its own file before they moved to the folder, so open screens keep working', async () => {
    const meeting = await meetingIn();
    await writeFile(reviewerKeysFile(meeting), JSON.stringify({ host: key('h'), display: key('d'), clerk: key('c'), reviewers: { l1: 'r'.repeat(16) }, clerkPin: null }));
    const store = await TokenStore.open(meeting);
    expect(store.identify(key('h'))).toEqual({ role: 'host' });
    expect(store.identify('r'.repeat(16))).toEqual({ role: 'reviewer', reviewerId: 'l1' });
    expect(JSON.parse(await readFile(keysFile(meeting), 'utf8'))).toMatchObject({ host: key('h'), display: key('d') });
    // The meeting's own file keeps only its reviewers' keys: a copy of the meeting carries no host key.
    expect(JSON.parse(await readFile(reviewerKeysFile(meeting), 'utf8'))).toEqual({ reviewers: { l1: 'r'.repeat(16) } });
  });

  it('a start rewrites nothing when the keys are already in place', async () => {
    const meeting = await meetingIn();
    await TokenStore.open(meeting);
    // Keys are written by replacing the file (atomic rename): a rewrite would give it a new inode.
    const files = () => Promise.all([keysFile(meeting), reviewerKeysFile(meeting)].map(async (f) => (await stat(f)).ino));
    const before = await files();
    await TokenStore.open(meeting);
    const after = await files();
    expect(after).toEqual(before);
  });
});
