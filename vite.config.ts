import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The views are one single-page app served by the host (serve mode and Electron alike); the
// path picks the view. Built into dist/ui, which the host serves.
export default defineConfig({
  root: fileURLToPath(new URL('./src/ui', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/ui', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
});
