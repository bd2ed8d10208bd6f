import { defineConfig } from 'electron-vite';

// electron-vite builds only the shell: main, the host process's entry (which bundles src/host)
// and the preload. The views are built by `vite build` into dist/ui and served by the host, in
// Electron as in serve mode.
export default defineConfig(({ mode }) => ({
  main: {
    // DevTools only in development builds (electron/build-flags.ts): `npm start` builds with
    // `--mode development`, `npm run dist` in production mode.
    define: { __ROSTRUM_DEVTOOLS__: JSON.stringify(mode === 'development') },
    build: {
      outDir: 'out/main',
      // The host runs in a process of its own (electron/host-process.ts): its entry is built beside main,
      // and so is the thread that reads imported files (src/host/import-thread.ts finds it there).
      rollupOptions: { input: { main: 'electron/main.ts', host: 'electron/host.entry.ts', 'import-worker': 'src/host/import.worker.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module.
      rollupOptions: { input: { preload: 'electron/preload.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
}));
