/**
 * `BrowserDataPort` over Firefox's extension APIs (MV2 background page). With chrome-port.ts, the only
 * code that calls `cookies.remove`, `browsingData.remove*`, `history.deleteUrl`,
 * `downloads.removeFile/erase` for destructive work. What is Firefox's own:
 * - cookies: first-party domains and containers (firefox-cookies.ts);
 * - site data: `browsingData.remove({hostnames, cookieStoreId})` in the group's store, the whole HTTP cache,
 *   no `cacheStorage` key (firefox-site-data.ts);
 * - Cache Storage: only a page of the origin can empty it, so a live tab's frames do it (in
 *   `clearTabStorage`, and in `closeTabs` before the tab goes), and an origin without a live tab gets a
 *   background tab of the port's own at its `/robots.txt` (firefox-cache-storage.ts). Those tabs are
 *   left out of `listTabs`, and `isOwnTab` (beside the port) tells the background to ignore their events;
 * - private browsing: `browsingData` does not reach its localStorage or IndexedDB (in memory until the last
 *   private window closes), so a private tab the port closes empties them first (webext-page-storage.ts);
 * - closed tabs keep their sessionStorage for "reopen closed tab": `forgetClosedTabs` takes them off the
 *   list through `sessions` (firefox-closed-tabs.ts).
 */
import type { EnginePorts } from './browser-port';
import { createCacheStorageCleaner } from './firefox-cache-storage';
import { forgetClosedTabs } from './firefox-closed-tabs';
import { FIREFOX_REGULAR_STORE, firefoxCookies } from './firefox-cookies';
import { removeFirefoxSiteData } from './firefox-site-data';
import type { BrowserDataPort } from './port';
import { FIREFOX_PRIVATE_STORE } from './stores';
import type { WebExtApi } from './webext-api';
import { commonPortMethods } from './webext-common';
import { createWebExtCookies } from './webext-cookies';
import { clearPageStorageInTab } from './webext-page-storage';
import { closeTabs } from './webext-tabs';

export function createFirefoxPort(api: WebExtApi): EnginePorts {
  const cookies = createWebExtCookies(api, firefoxCookies);
  const cleaner = createCacheStorageCleaner(api);
  const storeOf = (tabId: number) =>
    api.tabs.get(tabId).then(
      (t) => t.cookieStoreId,
      () => undefined,
    );
  const port: BrowserDataPort = {
    ...commonPortMethods(api, cleaner.isOwnTab),
    findCookies: (query) => cookies.find(query),
    removeCookie: (cookie) => cookies.removeExact(cookie),
    removeSiteData: (origins, kinds, storeId) =>
      removeFirefoxSiteData(api, cookies, cleaner, origins, kinds, storeId ?? FIREFOX_REGULAR_STORE),
    async clearTabStorage(tabId) {
      const storeId = await storeOf(tabId);
      if (storeId === FIREFOX_PRIVATE_STORE) await clearPageStorageInTab(api, tabId);
      await cleaner.clearLiveTab(tabId, storeId);
    },
    forgetClosedTabs: (hosts, domains, excluded) => forgetClosedTabs(api, hosts, domains, excluded),
    // A page empties its own Cache Storage (and sessionStorage, which Firefox would otherwise keep for
    // "reopen closed tab") on the way out; browsingData cannot do it for one site.
    // A private tab also empties its localStorage and IndexedDB: browsingData does not reach private browsing's
    // (checked in ESR 153, tests/e2e/private-windows.test.ts).
    closeTabs: (ids) =>
      closeTabs(api, ids, async (id, tab) => {
        if (tab.incognito) await clearPageStorageInTab(api, id);
        return cleaner.clearLiveTab(id, tab.cookieStoreId);
      }),
  };
  return { port, isOwnTab: cleaner.isOwnTab };
}
