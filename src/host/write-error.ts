/** What a failed write means to the person at the laptop, by the system's error code. */
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: "the disk quota is used up",
  EFBIG: 'the file has reached the largest size allowed',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'the disk reported an error',
};

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code ? REASONS[code] : undefined;
  if (reason) return `${reason} (${code})`;
  return err instanceof Error ? err.message : String(err);
}

/** Whether an error says the file or folder may not be written (as opposed to a failing disk). */
export const isNotWritable = (err: unknown): boolean => ['EACCES', 'EPERM', 'EROFS'].includes((err as NodeJS.ErrnoException).code ?? '');
