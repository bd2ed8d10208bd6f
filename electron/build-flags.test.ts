import { describe, expect, it } from 'vitest';
import config from '../electron.vite.config';
import { secureWebPreferences } from './security';

describe('DevTools only in development builds', () => {
  it('the shell’s build turns them on in development mode only (npm start), not for the installers', async () => {
    const defined = async (mode: string) => {
      const built = typeof config === 'function' ? await config({ command: 'build', mode }) : await config;
      return built.main?.define?.__ROSTRUM_DEVTOOLS__;
    };
    expect(await defined('development')).toBe('true');
    expect(await defined('production')).toBe('false');
  });

  it('a window of a build that did not say so has none', () => {
    expect(secureWebPreferences('/app/preload.cjs').devTools).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs', { background: false }).devTools).toBe(false);
  });
});
