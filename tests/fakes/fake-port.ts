/**
 * An in-memory browser behind `BrowserDataPort`, for unit and integration tests (docs/architecture.md: a port over the browser). It keeps
 * state and answers the way the engines' ports (utils/browser-data/chrome-port.ts, firefox-port.ts) answer
 * in the real browsers. It is a model of its own (host arithmetic in fake-hosts.ts) and imports no
 * adapter code, so tests/unit/browser-data/port-contract.ts, run against it and against the adapters, can
 * tell when the two disagree:
 *
 * - cookies are keyed by store, partition, first-party domain, domain, path and name (fake-cookie-jar.ts);
 * - `removeSiteData` acts in one cookie store (the regular one unless named): it removes cookies of the
 *   origins' whole registrable domains in every partition of it, plus every cookie partitioned under the
 *   origins' sites (or isolated under their domains by Firefox first-party isolation); storage as each
 *   engine does (fake-site-data.ts: `engine: 'firefox'` clears the whole HTTP cache, and Cache Storage and
 *   service workers only where the real port reaches them: through live tabs — `closeTabs` and
 *   `clearTabStorage` — and, for https origins, in the store if a cookie of the origins was sent to the host
 *   there, through a tab of its own; Chromium never reaches incognito storage but through a live tab);
 * - sessionStorage lives in tabs; history, downloads (with a file on a fake disk) and tabs behave.
 *
 * Seed and inspect with the helpers (`setCookie`, `setSiteData`, `openTab`, `snapshot()` …) and inject
 * trouble with `failNext` (a call rejects) and `stickCookies` / `stickSiteData` (removal "succeeds" but
 * the data stays, like a cookie a live page sets again).
 */

import type { HistoryEntry, SiteDataKind, TabInfo } from '@/utils/browser-data/port';
import { createCookieJar } from './fake-cookie-jar';
import { createFakeDownloads } from './fake-downloads';
import { domainMatch, hostOf, schemefulSite, webOrigin } from './fake-hosts';
import type { FakePort, FakePortInit, TabSeed } from './fake-port-types';
import {
  type FakeEngine,
  firefoxCacheReach,
  itemKey,
  removedBySiteData,
  removesCookie,
  type SiteDataItem,
  type SiteDataSeed,
} from './fake-site-data';
import { createTrouble } from './fake-trouble';

export type { CookieSeed } from './fake-cookie-jar';
export type * from './fake-port-types';
export type { FakeEngine, SiteDataItem, SiteDataSeed } from './fake-site-data';

interface FakeTab extends TabInfo {
  frames: string[];
  /** frame origin → key → value */
  sessionStorage: Map<string, Map<string, string>>;
}

const STORES: Record<FakeEngine, { normal: string; private: string }> = {
  chrome: { normal: '0', private: '1' },
  firefox: { normal: 'firefox-default', private: 'firefox-private' },
};

export function createFakePort(init: FakePortInit = {}): FakePort {
  const engine = init.engine ?? 'chrome';
  const stores = STORES[engine];
  const now = init.now ?? Date.now;
  const jar = createCookieJar(stores.normal, now);
  const siteData = new Map<string, SiteDataItem>();
  const history = new Map<string, HistoryEntry>();
  /** What forms saved (the suggestions a field offers), with when. */
  const formEntries: { field: string; value: string; at: number }[] = [];
  /** The recently-closed list: URLs of closed tabs (a reopened tab would bring its sessionStorage back). */
  const closed: string[] = [];
  const close = (id: number) => {
    const url = tabs.get(id)?.url;
    if (tabs.delete(id) && url !== undefined) closed.unshift(url);
  };
  const downloads = createFakeDownloads(init.downloadsApi !== false, now);
  const tabs = new Map<number, FakeTab>();
  const trouble = createTrouble();
  const { call, cookieSticks, itemSticks } = trouble;
  let nextTabId = 1;

  const isPrivateStore = (storeId: string) => storeId === stores.private;
  const isWebUrl = (url: string | undefined) => /^https?:/.test(url ?? '');

  function setSiteData(seed: SiteDataSeed): SiteDataItem {
    const item: SiteDataItem = {
      storeId: seed.storeId ?? stores.normal,
      origin: webOrigin(seed.origin),
      kind: seed.kind,
      key: seed.key ?? (seed.kind === 'cache' ? `${webOrigin(seed.origin)}/` : 'data'),
      ...(seed.topLevelSite ? { topLevelSite: seed.topLevelSite } : {}),
    };
    siteData.set(itemKey(item), item);
    return { ...item };
  }

  /** The store as the browser names it: groups and plans name the regular one by leaving it out. */
  const actualStore = (storeId: string | undefined) => storeId ?? stores.normal;

  function removeSiteData(
    origins: readonly string[],
    kinds: readonly SiteDataKind[],
    storeId: string | undefined,
  ): void {
    const wanted = new Set(origins.map(webOrigin));
    if (wanted.size === 0) return;
    const store = actualStore(storeId);
    const kindSet = new Set(kinds);
    // Firefox: Cache Storage and service workers of origins used in the store (a cookie sent to the host),
    // through a page of the origin, before cookies go.
    const byPage = new Set<string>(['cacheStorage', 'serviceWorkers']);
    const cacheTargets =
      engine === 'firefox' && (kindSet.has('cacheStorage') || kindSet.has('serviceWorkers'))
        ? firefoxCacheReach(
            wanted,
            jar.all().filter((c) => c.storeId === store),
            isPrivateStore,
          )
        : new Set<string>();
    const cookieGoes = removesCookie(wanted);
    if (kindSet.has('cookies')) jar.removeWhere((c) => c.storeId === store && cookieGoes(c), cookieSticks);
    for (const [key, item] of siteData) {
      const target = `${item.storeId} ${item.origin}`;
      if (byPage.has(item.kind) && !item.topLevelSite && cacheTargets.has(target) && !itemSticks(item))
        siteData.delete(key);
    }
    for (const [key, item] of siteData) {
      if (
        item.storeId === store &&
        removedBySiteData(engine, item, wanted, kindSet, isPrivateStore) &&
        !itemSticks(item)
      ) {
        siteData.delete(key);
      }
    }
  }

  function clearTabStorage(tabId: number): void {
    const tab = tabs.get(tabId);
    // A closed tab has nothing left; a restricted page (about:, the web store…) refuses the script.
    if (!tab || !isWebUrl(tab.url)) return;
    tab.sessionStorage.clear();
    // Firefox: the injected script also empties Cache Storage and unregisters service workers. Chromium
    // incognito (which browsingData never reaches): it empties everything of the page's frames.
    // A private tab's page (both engines) empties everything of its own before it closes.
    const reach: readonly string[] = tab.incognito
      ? ['localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers']
      : engine === 'firefox'
        ? ['cacheStorage', 'serviceWorkers']
        : [];
    if (!reach.length) return;
    const topOrigin = new URL(tab.url!).origin;
    const topSite = schemefulSite(topOrigin);
    const store = tab.cookieStoreId ?? (tab.incognito ? stores.private : stores.normal);
    const frames = tab.frames.filter(isWebUrl).map((url) => new URL(url).origin);
    for (const [key, item] of siteData) {
      if (!reach.includes(item.kind) || item.storeId !== store || itemSticks(item)) continue;
      const inTop = item.origin === topOrigin && item.topLevelSite === undefined;
      const inFrame =
        frames.includes(item.origin) &&
        (schemefulSite(item.origin) === topSite
          ? item.topLevelSite === undefined
          : item.topLevelSite === topSite);
      if (inTop || inFrame) siteData.delete(key);
    }
  }

  function openTab(seed: TabSeed = {}): number {
    const id = nextTabId++;
    const incognito = seed.incognito ?? false;
    tabs.set(id, {
      id,
      windowId: seed.windowId ?? 1,
      incognito,
      ...(seed.url !== undefined ? { url: seed.url } : {}),
      ...(engine === 'firefox' || seed.cookieStoreId
        ? { cookieStoreId: seed.cookieStoreId ?? (incognito ? stores.private : stores.normal) }
        : {}),
      frames: [...(seed.frames ?? [])],
      sessionStorage: new Map(),
    });
    return id;
  }

  const tabInfo = ({ frames: _frames, sessionStorage: _storage, ...info }: FakeTab): TabInfo => ({ ...info });

  const port: FakePort = {
    engine,
    defaultStoreId: stores.normal,
    privateStoreId: stores.private,

    findCookies: (query) => call('findCookies', () => jar.find(query)),
    removeCookie: (cookie) =>
      call('removeCookie', () => {
        jar.removeWhere(
          (c) =>
            c.storeId === cookie.storeId &&
            (c.partitionKey?.topLevelSite ?? '') === (cookie.partitionKey?.topLevelSite ?? '') &&
            (c.firstPartyDomain ?? '') === (cookie.firstPartyDomain ?? '') &&
            c.domain === cookie.domain.toLowerCase() &&
            c.path === cookie.path &&
            c.name === cookie.name,
          cookieSticks,
        );
      }),
    removeSiteData: (origins, kinds, storeId) =>
      call('removeSiteData', () => removeSiteData(origins, kinds, storeId)),
    clearTabStorage: (tabId) => call('clearTabStorage', () => clearTabStorage(tabId)),
    findHistory: (hosts, since) =>
      call('findHistory', () => {
        const wanted = new Set(hosts.map((h) => h.toLowerCase()));
        return [...history.values()]
          .filter((entry) => wanted.has(hostOf(entry.url) ?? ''))
          .filter((entry) => (entry.lastVisitTime ?? now()) >= since)
          .map((entry) => ({ ...entry }));
      }),
    deleteHistory: (url) =>
      call('deleteHistory', () => {
        history.delete(url);
        // Chromium takes a deleted URL's closed tabs off the recently-closed list too.
        if (engine === 'chrome') closed.splice(0, closed.length, ...closed.filter((u) => u !== url));
      }),
    findDownloads: (hosts, since) => call('findDownloads', () => downloads.find(hosts, since)),
    removeDownload: (id) => call('removeDownload', () => downloads.remove(id)),
    listTabs: () => call('listTabs', () => [...tabs.values()].map(tabInfo)),
    closeTabs: (ids) =>
      call('closeTabs', () => {
        for (const id of ids) {
          // Firefox: the page empties its sessionStorage and Cache Storage on the way out; a Chromium
          // incognito page empties everything of its own.
          if (engine === 'firefox' || tabs.get(id)?.incognito) clearTabStorage(id);
          close(id);
        }
      }),
    // The model keeps no time for an HTTP cache entry: every one counts as stored since `since`.
    removeHttpCache: () =>
      call('removeHttpCache', () => {
        for (const [key, item] of siteData)
          if (item.kind === 'cache' && !trouble.itemSticks(item)) siteData.delete(key);
      }),
    removeFormData: (since) =>
      call('removeFormData', () => {
        formEntries.splice(0, formEntries.length, ...formEntries.filter((e) => e.at < since));
      }),
    forgetClosedTabs: (hosts, domains, excluded) =>
      call('forgetClosedTabs', () => {
        if (engine !== 'firefox') return 0; // Chrome: deleting the URL from history does it (deleteHistory)
        const before = closed.length;
        const ours = (url: string) => {
          const host = hostOf(url)?.toLowerCase();
          return (
            !!host &&
            (hosts.includes(host) || domains.some((d) => domainMatch(host, d))) &&
            !excluded.some((x) => domainMatch(host, x))
          );
        };
        closed.splice(0, closed.length, ...closed.filter((url) => !ours(url)));
        return before - closed.length;
      }),

    setCookie: (seed) => jar.set(seed),
    setSiteData,
    setTabStorage(tabId, origin, key, value) {
      const tab = tabs.get(tabId);
      if (!tab) throw new Error(`fake: no tab ${tabId}`);
      const frameOrigin = webOrigin(origin);
      const storage = tab.sessionStorage.get(frameOrigin) ?? new Map<string, string>();
      storage.set(key, value);
      tab.sessionStorage.set(frameOrigin, storage);
    },
    addHistory(entry) {
      // Visited now unless the seed says when.
      history.set(entry.url, { lastVisitTime: now(), ...entry });
    },
    addDownload: downloads.add,
    deleteFile: downloads.deleteFile,
    openTab,
    personClosesTab: close,
    fillForm: (field, value) => {
      formEntries.push({ field, value, at: now() });
    },
    snapshot: () => ({
      cookies: jar.all(),
      siteData: [...siteData.values()].map((item) => ({ ...item })),
      sessionStorage: [...tabs.values()].flatMap((tab) =>
        [...tab.sessionStorage].flatMap(([origin, storage]) =>
          [...storage].map(([key, value]) => ({ tabId: tab.id, origin, key, value })),
        ),
      ),
      history: [...history.values()].map((entry) => ({ ...entry })),
      downloads: downloads.entries(),
      files: downloads.files(),
      tabs: [...tabs.values()].map(tabInfo),
      closedTabs: [...closed],
      formData: formEntries.map((e) => `${e.field}=${e.value}`),
    }),
    failNext: trouble.failNext,
    stickCookies: trouble.stickCookies,
    stickSiteData: trouble.stickSiteData,
    callCount: trouble.callCount,
  };

  for (const seed of init.cookies ?? []) port.setCookie(seed);
  for (const seed of init.siteData ?? []) setSiteData(seed);
  for (const entry of init.history ?? []) port.addHistory(entry);
  for (const seed of init.downloads ?? []) port.addDownload(seed);
  for (const seed of init.tabs ?? []) openTab(seed);
  return port;
}
