/**
 * `BrowserDataPort` over the real WebExtension APIs (MV3 service worker / MV2 background page). The
 * only module that calls `cookies.remove`, `browsingData.remove*`, `history.deleteUrl`,
 * `downloads.removeFile/erase` (STYLE.md §10). Engine differences are documented where they are
 * handled: webext-cookies.ts, webext-site-data.ts, webext-tab-storage.ts, webext-cache-storage.ts.
 */
import { browser } from 'wxt/browser';
import { hostnameOf, urlOnHosts } from './domains';
import type { BrowserDataPort, DownloadEntry, TabInfo } from './port';
import type { RawDownload, WebExtApi } from './webext-api';
import { createCacheStorageCleaner } from './webext-cache-storage';
import { type Engine, findAllCookies, removeExactCookie } from './webext-cookies';
import { removeSiteData } from './webext-site-data';
import { clearTabStorage } from './webext-tab-storage';

export type { Engine } from './webext-cookies';

const HISTORY_MAX_RESULTS = 10_000;
const DOWNLOAD_STATES = new Set<DownloadEntry['state']>(['in_progress', 'interrupted', 'complete']);

function toDownloadEntry(raw: RawDownload): DownloadEntry {
  return {
    id: raw.id,
    url: raw.finalUrl || raw.url,
    filename: raw.filename,
    exists: raw.exists,
    state: DOWNLOAD_STATES.has(raw.state as DownloadEntry['state'])
      ? (raw.state as DownloadEntry['state'])
      : 'interrupted',
    ...(raw.referrer ? { referrer: raw.referrer } : {}),
  };
}

export function createWebExtPort(
  api: WebExtApi = browser as unknown as WebExtApi,
  engine: Engine = import.meta.env.FIREFOX ? 'firefox' : 'chrome',
): BrowserDataPort {
  // Firefox empties Cache Storage through pages of the origin (webext-cache-storage.ts).
  const cleaner = engine === 'firefox' ? createCacheStorageCleaner(api) : undefined;
  const storeOf = (tabId: number) =>
    api.tabs.get(tabId).then(
      (t) => t.cookieStoreId,
      () => undefined,
    );
  return {
    findCookies: (query) => findAllCookies(api, engine, query),
    removeCookie: (cookie) => removeExactCookie(api, engine, cookie),
    removeSiteData: (origins, kinds) => removeSiteData(api, engine, origins, kinds, cleaner),
    async clearTabStorage(tabId) {
      if (cleaner) await cleaner.clearLiveTab(tabId, await storeOf(tabId));
      else await clearTabStorage(api, engine, tabId);
    },
    isOwnTab: (tabId) => cleaner?.isOwnTab(tabId) ?? false,

    async findHistory(hosts) {
      const wanted = new Set(hosts.map((h) => h.toLowerCase()));
      const found = new Map<string, { url: string; title?: string; lastVisitTime?: number }>();
      // `text` matches anywhere in URL or title: search per host, keep exact-host hits.
      const results = await Promise.all(
        [...wanted].map((text) =>
          api.history.search({ text, startTime: 0, maxResults: HISTORY_MAX_RESULTS }),
        ),
      );
      for (const item of results.flat()) {
        if (!item.url || found.has(item.url) || !wanted.has(hostnameOf(item.url) ?? '')) continue;
        found.set(item.url, {
          url: item.url,
          ...(item.title ? { title: item.title } : {}),
          ...(item.lastVisitTime !== undefined ? { lastVisitTime: item.lastVisitTime } : {}),
        });
      }
      return [...found.values()];
    },
    async deleteHistory(url) {
      await api.history.deleteUrl({ url });
    },

    async findDownloads(hosts) {
      // Without the `downloads` permission the namespace is absent: there is nothing we could remove.
      if (!api.downloads) return [];
      const wanted = hosts && new Set(hosts.map((h) => h.toLowerCase()));
      const on = (url?: string) => !!wanted && wanted.has(hostnameOf(url) ?? '');
      return (await api.downloads.search({}))
        .filter((d) => !wanted || on(d.url) || on(d.finalUrl) || on(d.referrer))
        .map(toDownloadEntry);
    },
    async removeDownload(id) {
      const downloads = api.downloads;
      if (!downloads) return;
      const [item] = await downloads.search({ id });
      if (!item) return; // already erased
      // An unfinished download has no file to remove yet: cancelling deletes the partial file.
      if (item.state === 'in_progress') await downloads.cancel(id).catch(() => undefined);
      else if (item.exists) await downloads.removeFile(id);
      await downloads.erase({ id });
    },

    async removeFormData(since) {
      await api.browsingData.remove({ since }, { formData: true });
    },

    async forgetClosedTabs(hosts, domains) {
      if (engine !== 'firefox' || !api.sessions) return 0;
      const sessions = api.sessions;
      const ours = (url?: string) => urlOnHosts(url, hosts, domains);
      // Firefox keeps at most 25 of each; a window goes whole when one of its tabs was the group's.
      const closed = await sessions.getRecentlyClosed({ maxResults: 25 });
      const forgets = closed.flatMap((s) => {
        if (s.tab && ours(s.tab.url) && s.tab.sessionId && s.tab.windowId !== undefined)
          return [sessions.forgetClosedTab(s.tab.windowId, s.tab.sessionId)];
        if (s.window?.sessionId && s.window.tabs?.some((t) => ours(t.url)))
          return [sessions.forgetClosedWindow(s.window.sessionId)];
        return [];
      });
      await Promise.all(forgets);
      return forgets.length;
    },

    async listTabs() {
      const tabs = await api.tabs.query({});
      return tabs.flatMap((tab): TabInfo[] =>
        tab.id === undefined || cleaner?.isOwnTab(tab.id)
          ? []
          : [
              {
                id: tab.id,
                windowId: tab.windowId ?? -1,
                incognito: tab.incognito,
                ...(tab.url !== undefined ? { url: tab.url } : {}),
                ...(tab.cookieStoreId !== undefined ? { cookieStoreId: tab.cookieStoreId } : {}),
              },
            ],
      );
    },
    async closeTabs(ids) {
      if (ids.length === 0) return;
      const tabs = new Map((await api.tabs.query({})).map((t) => [t.id, t]));
      const toClose = ids.filter((id) => tabs.has(id));
      if (toClose.length === 0) return;
      // Firefox: a page empties its own Cache Storage (and sessionStorage, which Firefox would otherwise
      // keep for "reopen closed tab") on the way out; browsingData cannot do it for one site.
      if (cleaner)
        await Promise.all(toClose.map((id) => cleaner.clearLiveTab(id, tabs.get(id)?.cookieStoreId)));
      try {
        await api.tabs.remove(toClose);
      } catch {
        // A tab closed in between makes the whole call fail: close the rest one by one.
        await Promise.allSettled(toClose.map((id) => api.tabs.remove(id)));
      }
    },
  };
}
