import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_V8_FLAGS } from '../src/host/process-flags';

// The flags are given on command lines that cannot import them: this keeps them from drifting apart.
describe('the host runs with the same V8 flags in every mode', () => {
  it('serve mode, from npm run serve and from npm start without Electron', () => {
    const serve = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.serve ?? '';
    const start = readFileSync('scripts/start.mjs', 'utf8');
    // npm run serve starts the supervisor, which gives the host process the flags from the one list.
    expect(serve).toContain('src/host/serve.ts');
    expect(readFileSync('src/host/serve.ts', 'utf8')).toContain('...HOST_V8_FLAGS');
    for (const flag of HOST_V8_FLAGS) expect(start).toContain(`'${flag}'`);
  });
});
