import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DEFAULT_NETWORK, NetworkSettingSchema } from '../src/core/network';
import type { NetworkSetting } from '../src/core/network';
import type { Rect, RememberedDisplay } from './placement';

export interface ShellSettings {
  projector: RememberedDisplay | null;
  /** Whether phones may connect, on which interface, on which port: chosen in the control view's Network panel. */
  network: NetworkSetting;
  /** Where the person last left the mini timer window, and its size (null: never opened, or never moved). */
  mini: Rect | null;
}

/** Whole pixels on a desktop that is at most a few screens wide: anything else is a damaged file. */
const RectSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

/** A missing or unreadable file is a fresh start, never a crash at launch; a bad part is that part's default. */
export function loadSettings(file: string): ShellSettings {
  let raw: Partial<Record<keyof ShellSettings, unknown>>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
  } catch {
    return { projector: null, network: DEFAULT_NETWORK, mini: null };
  }
  const p = raw.projector as RememberedDisplay | null | undefined;
  const valid = p && typeof p.id === 'number' && p.bounds && typeof p.bounds.width === 'number';
  const network = NetworkSettingSchema.safeParse(raw.network);
  const mini = RectSchema.safeParse(raw.mini);
  return {
    projector: valid ? p : null,
    network: network.success && network.data.port !== 0 ? network.data : DEFAULT_NETWORK,
    mini: mini.success ? mini.data : null,
  };
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old settings intact. */
export function saveSettings(file: string, settings: ShellSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
  renameSync(`${file}.tmp`, file);
}
