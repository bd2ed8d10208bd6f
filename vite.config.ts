import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/** The app's icon (assets/icons, rendered from rostrum.svg) as every page's /favicon.ico. */
const favicon = (): Plugin => ({
  name: 'rostrum-favicon',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'favicon.ico', source: readFileSync(new URL('./assets/icons/icon.ico', import.meta.url)) });
  },
});

// The views are one single-page app served by the host (serve mode and Electron alike); the
// path picks the view. Built into dist/ui, which the host serves.
export default defineConfig({
  root: fileURLToPath(new URL('./src/ui', import.meta.url)),
  base: '/',
  plugins: [react(), favicon()],
  // Zod without eval in every view (src/ui/zod-jitless.ts); the shim itself imports `zod/v4`.
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/ui/zod-jitless.ts', import.meta.url)) }] },
  build: {
    outDir: fileURLToPath(new URL('./dist/ui', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
});
