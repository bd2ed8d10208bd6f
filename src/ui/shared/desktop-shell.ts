import type { ShellApi } from '../../core/shell-api';

/** The desktop app's API (electron/preload.ts), or null in a browser: each view works in both. */
export const desktopShell = (): ShellApi | null => (window as { rostrumShell?: ShellApi }).rostrumShell ?? null;
