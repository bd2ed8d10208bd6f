import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from './settings-file';

const dir = () => mkdtempSync(join(tmpdir(), 'rostrum-shell-'));

describe('shell settings', () => {
  it('remember the projector screen across restarts', () => {
    const file = join(dir(), 'shell.json');
    const projector = { id: 2, label: 'EPSON', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
    saveSettings(file, { projector });
    expect(loadSettings(file)).toEqual({ projector });
  });

  it('start fresh when the file is missing or damaged', () => {
    const d = dir();
    expect(loadSettings(join(d, 'none.json'))).toEqual({ projector: null });
    writeFileSync(join(d, 'bad.json'), '{"projector": {"id": "two"}');
    expect(loadSettings(join(d, 'bad.json'))).toEqual({ projector: null });
    writeFileSync(join(d, 'odd.json'), '{"projector": {"id": "two"}}');
    expect(loadSettings(join(d, 'odd.json'))).toEqual({ projector: null });
  });
});
