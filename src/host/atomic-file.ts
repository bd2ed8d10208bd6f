import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Owner-only: a meeting's files hold every ballot and every key; nobody else on the machine reads them. */
export const OWNER_ONLY = 0o600;

const tempPrefix = (file: string): string => `.${basename(file)}.`;

/**
 * Replaces a file so that a crash at any instant leaves either the old content or the new, never
 * a mix: write a temporary file beside it, fsync it, rename it over the target, fsync the
 * directory (the rename itself is durable only then). The temporary file is created with the
 * final file's mode, so the content is never readable by others, not even for an instant.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array | ((fh: FileHandle) => Promise<void>), mode = OWNER_ONLY): Promise<void> {
  const temp = join(dirname(file), `${tempPrefix(file)}${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(temp, 'wx', mode);
  try {
    // A function writes the content itself, a piece at a time (a snapshot: megabytes).
    await (typeof data === 'function' ? data(fh) : fh.writeFile(data));
    await fh.sync();
    await fh.close();
    await rename(temp, file);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw err;
  }
  await syncDir(dirname(file));
}

/** Writes every byte, at `position` or where the file stands, or fails: a write may take fewer bytes than it was given (a disk nearly full). */
export async function writeAll(fh: FileHandle, bytes: Uint8Array, position?: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, position === undefined ? null : position + done);
    if (bytesWritten <= 0) throw Object.assign(new Error('the disk took no more bytes'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

/**
 * Removes the temporary files a host that died in the middle of `writeFileAtomic(file)` left
 * beside it. Only for a file no other writer is writing now. Best effort: a folder that cannot be
 * written keeps them, and that is all.
 */
export async function removeLeftoverTemps(file: string): Promise<void> {
  const prefix = tempPrefix(file);
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  const leftovers = names.filter((n) => n.startsWith(prefix) && /^[0-9a-f]{8}\.tmp$/.test(n.slice(prefix.length)));
  await Promise.all(leftovers.map((n) => rm(join(dirname(file), n), { force: true }).catch(() => undefined)));
}

/** A new or renamed file's directory entry is durable only once the directory itself is synced. */
export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
