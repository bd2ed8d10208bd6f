import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RememberedDisplay } from './placement';

export interface ShellSettings {
  projector: RememberedDisplay | null;
}

/** A missing or unreadable file is a fresh start, never a crash at launch. */
export function loadSettings(file: string): ShellSettings {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<ShellSettings>;
    const p = raw.projector;
    const valid = p && typeof p.id === 'number' && p.bounds && typeof p.bounds.width === 'number';
    return { projector: valid ? p : null };
  } catch {
    return { projector: null };
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old settings intact. */
export function saveSettings(file: string, settings: ShellSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
  renameSync(`${file}.tmp`, file);
}
