/**
 * What the build decided (electron.vite.config.ts `define`, from the build's mode). DevTools exist
 * only in development builds (`npm start`, `electron-vite dev`): in the packaged app
 * (`npm run dist`, a production build) nobody at the laptop can open a console on the host's
 * pages, which hold the host's key. Outside a build (unit tests) nothing is defined: DevTools off.
 */
declare const __ROSTRUM_DEVTOOLS__: boolean | undefined;

export const DEVTOOLS_ALLOWED: boolean = typeof __ROSTRUM_DEVTOOLS__ === 'boolean' && __ROSTRUM_DEVTOOLS__;
