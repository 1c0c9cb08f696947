import { defineConfig, type WxtViteConfig } from 'wxt';
import { localeMessageFiles, msg } from './extension/lib/manifest-locales.ts';

type RollupOptions = NonNullable<NonNullable<WxtViteConfig['build']>['rollupOptions']>;
type OnWarn = NonNullable<RollupOptions['onwarn']>;

/**
 * Rollup says on every build, for each bundle, that comments in zod's own files hold a `@__PURE__`
 * annotation where it cannot use one (INVALID_ANNOTATION), and drops them: the bundle is the same, the
 * screen of warnings hides anything that matters. Only that warning, only from zod, is silenced; every
 * other goes on to Vite's handler.
 */
export const onwarn: OnWarn = (warning, warn) => {
  if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? ''))
    return;
  warn(warning);
};

/**
 * The extension lives in extension/; builds land in dist/<browser>-mv<n> (dist/chrome-mv3 for Chrome).
 * Preact's JSX needs no plugin: Vite's esbuild takes `jsxImportSource: "preact"` from tsconfig.json.
 * Every permission is explained in the README.
 */
export default defineConfig({
  srcDir: 'extension',
  outDir: 'dist',
  publicDir: 'extension/public',
  imports: false,
  // MV3 for every browser, Firefox included (WXT would default it to MV2): the extension relies on
  // `action`, `scripting` and a MAIN-world content script, which Firefox runs in MV3 (the last from
  // 128 on). WXT gives Firefox an event page (background.scripts) where Chrome has a service worker.
  manifestVersion: 3,
  vite: () => ({
    build: { rollupOptions: { onwarn } },
    // The pseudo-locale of the tests exists only in a build made with SNAPDESK_PSEUDO_LOCALE=1
    // (extension/lib/i18n.ts); any other build defines it false and drops it.
    define: { __SNAPDESK_PSEUDO_LOCALE__: JSON.stringify(process.env.SNAPDESK_PSEUDO_LOCALE === '1') },
  }),
  // The browser's own strings of the extension in every locale, written from the catalogue.
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeMessageFiles());
    },
  },
  manifest: ({ browser }) => ({
    // In the browser's language, from _locales/ (see extension/lib/manifest-locales.ts).
    default_locale: 'en',
    name: msg('extName'),
    description: msg('extDescription'),
    permissions: ['contextMenus', 'storage', 'alarms', 'scripting', 'unlimitedStorage', 'notifications'],
    host_permissions: ['<all_urls>'],
    action: { default_title: msg('actionTitle') },
    commands: {
      'report-problem': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: msg('commandDescription'),
      },
    },
    // Organisations set the server address and defaults by policy; the schema says what they may set.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'snapdesk@snapdesk.dev',
              // 128 is the first Firefox to run MAIN-world content scripts declared in the manifest.
              strict_min_version: '128.0',
              // What a sent report carries to the organisation's server, declared for Firefox's consent
              // prompt: the page's pixels, console and failed requests, its URL, and the contact e-mail.
              data_collection_permissions: {
                required: ['websiteContent', 'browsingActivity', 'personallyIdentifyingInfo'],
              },
            },
          },
        }
      : { storage: { managed_schema: 'managed-schema.json' } }),
  }),
});
