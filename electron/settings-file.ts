import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_NETWORK, NetworkSettingSchema } from '../src/core/network';
import type { NetworkSetting } from '../src/core/network';
import type { RememberedDisplay } from './placement';

export interface ShellSettings {
  projector: RememberedDisplay | null;
  /** Whether phones may connect, on which interface, on which port: chosen in the control view's Network panel. */
  network: NetworkSetting;
}

/** A missing or unreadable file is a fresh start, never a crash at launch; a bad part is that part's default. */
export function loadSettings(file: string): ShellSettings {
  let raw: Partial<Record<keyof ShellSettings, unknown>>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
  } catch {
    return { projector: null, network: DEFAULT_NETWORK };
  }
  const p = raw.projector as RememberedDisplay | null | undefined;
  const valid = p && typeof p.id === 'number' && p.bounds && typeof p.bounds.width === 'number';
  const network = NetworkSettingSchema.safeParse(raw.network);
  return { projector: valid ? p : null, network: network.success && network.data.port !== 0 ? network.data : DEFAULT_NETWORK };
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old settings intact. */
export function saveSettings(file: string, settings: ShellSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
  renameSync(`${file}.tmp`, file);
}
