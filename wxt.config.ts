import { defineConfig } from 'wxt';
import { storeCleanPlugin } from './build/store-clean-plugin';

/** Pinned so Firefox keeps one identity across installs (storage, OAuth redirect, test UUID). */
export const GECKO_ID = 'patchbay@patchbay.dev';

/** Loopback is where most developers' MCP servers and local models live: granted at install, no prompt. */
const LOOPBACK_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

/** Model and tool output is untrusted: even if it reached the DOM as HTML, it could load nothing remote. */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; img-src 'self' data: blob:; media-src 'self' data: blob:; frame-src 'self'; base-uri 'none'";

/**
 * MCP Apps' sandbox proxy (public/sandbox.html): an opaque origin that may run an app's inline
 * scripts, never remote ones (no remote code). A ceiling: each app gets a narrower policy from its
 * declared domains (public/sandbox.js); public/sandbox.html carries the same ceiling as a <meta>.
 * Set explicitly because Firefox's default sandbox policy lacks 'unsafe-inline'.
 */
export const SANDBOX_CSP =
  "sandbox allow-scripts; default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline' https: http:; img-src data: blob: https: http:; font-src data: https: http:; media-src data: blob: https: http:; connect-src https: http: wss: ws:; frame-src https: http:; base-uri 'none'; form-action 'none'; object-src 'none'";

/**
 * Lazily imported chunks whose dependencies get no `<link rel="modulepreload">`: the panel's
 * command reply checks (every command's schemas, the SDK's behind them) load after the first
 * screen is drawn, and Vite's preload helper, which appends one link per dependency, cost more
 * main-thread time (10-20 ms in P2's profile) than it saved; the module loader fetches the same
 * files from the chunk's own imports.
 */
const NOT_PRELOADED = /(^|\/)command-reply-check-[^/]*\.js$/;

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // WXT builds Firefox as MV2 unless told otherwise; Patchbay is MV3 everywhere.
  manifestVersion: 3,
  vite: () => ({
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 800,
      modulePreload: { resolveDependencies: (file, deps, { hostType }) => (hostType === 'js' && NOT_PRELOADED.test(file) ? [] : deps) },
    },
    // No eval and no HTML sinks in the shipped code: see build/store-clean-plugin.ts.
    plugins: [storeCleanPlugin()],
  }),
  // `npm run zip`: one zip per store, plus the sources AMO rebuilds the Firefox zip from. The
  // sources are what the build reads (tests, screenshots and local leftovers stay out); WXT already
  // leaves out node_modules, dotfiles and .output.
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['tests/**', 'test-results/**', '**/*.log', 'stats*.html'],
  },
  manifest: ({ browser }) => {
    const isFirefox = browser === 'firefox';
    return {
      name: 'Patchbay',
      description:
        'A full MCP client in your side panel: connectors, chat with tools, approvals, and the raw protocol.',
      // unlimitedStorage: conversations and protocol logs are the user's records. It makes IndexedDB
      // persistent in both browsers without Firefox's persist() prompt, which a sidebar cannot show well.
      // declarativeNetRequestWithHostAccess: the per-connector option that strips our Origin
      // header, for servers whose DNS-rebinding guard refuses extension origins.
      // activeTab + scripting: Attach page reads the tab the user opened Patchbay on, and no other.
      permissions: ['storage', 'unlimitedStorage', 'identity', 'declarativeNetRequestWithHostAccess', 'activeTab', 'scripting'],
      host_permissions: LOOPBACK_HOSTS,
      optional_host_permissions: ['http://*/*', 'https://*/*'],
      action: { default_title: 'Open Patchbay' },
      // Defence in depth under the Markdown policy: extension pages load images and media only from
      // the extension or inline data, frame only the extension's own pages and run only the extension's own scripts.
      // Extension pages frame only the extension's own sandbox proxy (MCP Apps). Chromium serves
      // it as a sandbox page under SANDBOX_CSP. Firefox honours both keys only from 154, and AMO's
      // linter warns on each while strict_min_version is 142 (any custom sandbox CSP too), so the
      // Firefox build leaves them out: there the iframe's sandbox attribute gives the proxy a null
      // principal, and the proxy's own CSP <meta> (the same ceiling) is its policy.
      content_security_policy: isFirefox ? { extension_pages: EXTENSION_PAGES_CSP } : { extension_pages: EXTENSION_PAGES_CSP, sandbox: SANDBOX_CSP },
      ...(isFirefox ? {} : { sandbox: { pages: ['sandbox.html'] } }),
      commands: isFirefox
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+P' },
              description: 'Open the Patchbay sidebar',
            },
          }
        : {
            _execute_action: {
              suggested_key: { default: 'Alt+Shift+P' },
              description: 'Open the Patchbay side panel',
            },
          },
      ...(isFirefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                // Desktop Firefox reads data_collection_permissions from 140, Firefox for Android from
                // 142, and AMO's linter checks the Android minimum even without gecko_android (it falls
                // back to this one; mozilla/web-ext#3561). 142 keeps the lint clean; ESR 153 is current.
                strict_min_version: '142.0',
                data_collection_permissions: { required: ['none'] },
              },
              // No gecko_android: Firefox for Android has no sidebar, so Patchbay has nowhere to live there.
            },
          }
        : { minimum_chrome_version: '116' }),
    };
  },
});
