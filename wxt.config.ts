import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Public half of the signing key: gives Chromium the fixed id ooifmdmmgociepcdfdnbjkpjenpbeigg (see README). */
const CHROMIUM_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuLXbB3ErUkSNzeHMuGpmbqVCaJCQJDIAUIc41s0bEdJzgBVS81MBm6OvO9ETshPne23aWqlJ9xPXbYAEZH5KQF2Hk7HWKyHYw2uHzIKqYivt9Xzjcif4nRvPrP3DOhT70/E0njK/K6qDaHwxkfAU+cdJlgoTaWaWHCKL4tF+h9dluTsEvC8HNqwZr/uAJkr1eaRU0wk9sdPywvKYeS5Ldm1gh60UQAHPzgCJ8Hd5ISqGUusUb+2T6ZYGwl5s71cFbOFpL8vzBhVOMqlr/3F15DkFxGtVby/N0duElaNaGeSilGDQJoSZytyJSu1VmjyMRW0e/D+yYhzOPJrffnB0LwIDAQAB';

export const GECKO_ID = 'safe-logout@safe-logout.org';

/** The project's home and its issue tracker: the manifest's homepage_url, the store listings' website and support links. */
export const HOMEPAGE_URL = 'https://github.com/safe-logout/safe-logout';
export const SUPPORT_URL = `${HOMEPAGE_URL}/issues`;

/**
 * The stores refuse a manifest with `key` (the store assigns the id), while unpacked builds need it for the fixed
 * development id. `wxt zip` builds into the same folder as `wxt build` and then zips it: take `key` out of that
 * folder's manifest for the moment the zip is written, and put the folder back as it was.
 */
let keyedManifest: { path: string; text: string } | undefined;
const restoreKeyedManifest = () => {
  if (keyedManifest) writeFileSync(keyedManifest.path, keyedManifest.text);
  keyedManifest = undefined;
};

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'zip:extension:start': (wxt) => {
      const path = join(wxt.config.outDir, 'manifest.json');
      const text = readFileSync(path, 'utf8');
      const { key: _key, ...storeManifest } = JSON.parse(text);
      keyedManifest = { path, text };
      process.once('exit', restoreKeyedManifest);
      writeFileSync(path, JSON.stringify(storeManifest));
    },
    'zip:extension:done': restoreKeyedManifest,
  },
  zip: {
    excludeSources: [
      '**/*.log',
      'test-results/**',
      '.output/**',
      'coverage/**',
      'walkthrough/**',
      '**/.env*',
      '**/*.pem',
      '**/*.crx',
    ],
  },
  manifest: ({ browser, manifestVersion }) => {
    const firefox = browser === 'firefox';
    const permissions = [
      'storage', // settings, session groups and the purge ledger
      'tabs', // which tab shows which host; close a group's tabs
      'webNavigation', // follow a tab through a login round trip and see the site's logout load
      'webRequest', // see redirect hops (IdP/broker hosts) that never commit a page
      'cookies', // remove and re-check a group's cookies, partitioned ones included
      'browsingData', // remove site storage and HTTP cache for the group's origins
      'history', // remove the group's history entries
      'alarms', // grace timers that survive the worker sleeping
      'scripting', // register the logout watcher on protected hosts only; clear sessionStorage
      'contextMenus', // the "Log out and clear" item on protected pages and on the toolbar button
      'idle', // IT's idle logout: notice when nobody has touched the computer (and, on Chrome, a locked screen)
      'downloads', // delete files downloaded from protected sites, from disk and from the list (IT's clearDownloads)
      'privacy', // turn password saving and autofill off while IT's disablePasswordSaving is on
    ];
    if (firefox) {
      permissions.push(
        'contextualIdentities', // Firefox: list containers without open tabs, so a container session is purged too
        'sessions', // Firefox: take the group's closed tabs off "reopen closed tab" (they keep their sessionStorage)
      );
    }
    const icons = {
      16: 'icon/16.png',
      32: 'icon/32.png',
      48: 'icon/48.png',
      96: 'icon/96.png',
      128: 'icon/128.png',
    };
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      homepage_url: HOMEPAGE_URL,
      icons,
      ...(manifestVersion === 2
        ? { browser_action: { default_title: '__MSG_extName__', default_icon: icons } }
        : { action: { default_title: '__MSG_extName__', default_icon: icons } }),
      // The forced logout from the keyboard; people can change the keys on the browser's shortcuts page.
      commands: {
        'log-out-and-clear': {
          suggested_key: { default: 'Alt+Shift+L' },
          description: '__MSG_commandLogOut__',
        },
      },
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android); covers ESR 153.
                strict_min_version: '142.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {
            key: CHROMIUM_KEY,
            minimum_chrome_version: '120',
            // IT policy (3rdparty) for Chrome and Edge; Firefox reads policies.json without a schema.
            storage: { managed_schema: 'managed_schema.json' },
          }),
      permissions,
      host_permissions: manifestVersion === 2 ? undefined : ['*://*/*'],
      ...(manifestVersion === 2 ? { permissions: [...permissions, '*://*/*'] } : {}),
    };
  },
});
