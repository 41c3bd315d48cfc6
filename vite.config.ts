import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from app:// in Electron and from 127.0.0.1 in the harness: relative paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2500,
    modulePreload: { polyfill: false },
  },
});
