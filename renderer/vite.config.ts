/**
 * Builds the renderer into out/renderer. The browser host's bridge is a second entry with a
 * fixed name, which only the browser host puts into the page.
 */
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildPinyinDictionary } from '../build/pinyin-dictionary.ts';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * PDF.js fetches CMaps (for CJK text), the standard fonts, its image and colour decoders and the
 * CMYK colour profile at run time;
 * the kiosk serves its own copies at /pdfjs/… instead of relying on the network or system fonts.
 * The QuickJS build is left out: PDF scripting is never enabled.
 */
function pdfjsDataFiles(): Plugin {
  return {
    name: 'kiosk-pdfjs-data-files',
    apply: 'build',
    writeBundle(options) {
      const pdfjs = here('../node_modules/pdfjs-dist');
      for (const folder of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
        cpSync(`${pdfjs}/${folder}`, `${options.dir!}/pdfjs/${folder}`, {
          recursive: true,
          filter: (source) => !/quickjs/i.test(source),
        });
      }
    },
  };
}

/**
 * `virtual:pinyin-dictionary`: the pinyin keyboard's words, extracted from @pinyin-pro/data when the
 * renderer is built (a string literal: the page's CSP allows no eval, and a string needs none).
 */
function pinyinDictionary(): Plugin {
  const id = 'virtual:pinyin-dictionary';
  return {
    name: 'kiosk-pinyin-dictionary',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}` ? `export default ${JSON.stringify(buildPinyinDictionary())};` : undefined,
  };
}

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), pdfjsDataFiles(), pinyinDictionary()],
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
