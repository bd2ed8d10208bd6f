import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

/** The modules a file loads when it starts: its value imports, not `import type`, not a lazy `import()`. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)';?$|^import\s+'([^']+)';?$/gm)].map((m) => m[1] ?? m[2] ?? '');
}

/** Every file and package the shell's main process loads before anything lazy. */
function loadedAtStart(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() };
}

describe('the shell stays thin', () => {
  it('loads none of the host’s code at start: the host runs in its own process, and in the app only as a lazy fallback', () => {
    const { files, packages } = loadedAtStart(join(root, 'electron/main.ts'));
    expect(files.filter((f) => f.startsWith('src/host/'))).toEqual(['src/host/process-flags.ts']);
    expect(files).not.toContain('electron/host-port.ts');
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual(['electron', 'zod']);
  });
});
