/**
 * Builds the renderer into out/renderer. The browser host's bridge is a second entry with a
 * fixed name, which only the browser host puts into the page.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // Inline nothing as data: URLs; every asset is a file the kiosk serves itself.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        index: here('index.html'),
        'host-bridge': here('../preload/browser/host-bridge.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'host-bridge' ? 'host-bridge.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
