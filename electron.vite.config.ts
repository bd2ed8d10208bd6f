import { defineConfig } from 'electron-vite';

// electron-vite builds only the shell: main (which bundles src/host) and the preload. The views
// are built by `vite build` into dist/ui and served by the host, in Electron as in serve mode.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: 'electron/main.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module.
      rollupOptions: { input: { preload: 'electron/preload.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
});
