/**
 * `BrowserDataPort` over Chromium's extension APIs (MV3 service worker). With firefox-port.ts, the only
 * code that calls `cookies.remove`, `browsingData.remove*`, `history.deleteUrl`,
 * `downloads.removeFile/erase` for destructive work. What is Chromium's own:
 * - cookies: no first-party isolation; the regular store is read first (chrome-cookies.ts);
 * - site data: one `browsingData.remove({origins})`, then a sweep of the cookies it cannot reach
 *   (chrome-site-data.ts); Cache Storage is origin-keyed there, so that call removes it too;
 * - a live tab's sessionStorage goes through a script in its frames (webext-tab-storage.ts); in an incognito
 *   tab, which `browsingData` never reaches, the script empties all of its frames' storage
 *   (webext-page-storage.ts), also before the port closes the tab;
 * - closed tabs: deleting a URL from history takes its closed tabs off the recently-closed list, and
 *   their sessionStorage is gone with the site's data: `forgetClosedTabs` has nothing to do.
 * The port never opens a tab of its own.
 */
import type { EnginePorts } from './browser-port';
import { CHROME_REGULAR_STORE, chromeCookies } from './chrome-cookies';
import { removeChromeSiteData } from './chrome-site-data';
import type { BrowserDataPort } from './port';
import type { WebExtApi } from './webext-api';
import { commonPortMethods } from './webext-common';
import { createWebExtCookies } from './webext-cookies';
import { clearPageStorageInTab } from './webext-page-storage';
import { clearTabStorage } from './webext-tab-storage';
import { closeTabs } from './webext-tabs';

const noOwnTabs = (_tabId: number) => false;

export function createChromePort(api: WebExtApi): EnginePorts {
  const cookies = createWebExtCookies(api, chromeCookies);
  const port: BrowserDataPort = {
    ...commonPortMethods(api, noOwnTabs),
    findCookies: (query) => cookies.find(query),
    removeCookie: (cookie) => cookies.removeExact(cookie),
    removeSiteData: (origins, kinds, storeId) =>
      removeChromeSiteData(api, cookies, origins, kinds, storeId ?? CHROME_REGULAR_STORE),
    async clearTabStorage(tabId) {
      const incognito = await api.tabs.get(tabId).then(
        (t) => t.incognito,
        () => false,
      );
      await (incognito ? clearPageStorageInTab(api, tabId) : clearTabStorage(api, tabId));
    },
    forgetClosedTabs: async () => 0,
    closeTabs: (ids) =>
      closeTabs(api, ids, async (id, tab) => (tab.incognito ? clearPageStorageInTab(api, id) : undefined)),
  };
  return { port, isOwnTab: noOwnTabs };
}
