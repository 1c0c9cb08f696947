import { defineConfig } from 'wxt';

/**
 * The extension lives in extension/; builds land in dist/<browser>-mv<n> (dist/chrome-mv3 for Chrome).
 * Preact's JSX needs no plugin: Vite's esbuild takes `jsxImportSource: "preact"` from tsconfig.json.
 */
export default defineConfig({
  srcDir: 'extension',
  outDir: 'dist',
  imports: false,
  manifest: {
    name: 'Snapdesk — report a problem',
    description:
      'Report a problem with the page you see: a full-page capture with the URL and time, sent to support.',
  },
});
