/**
 * A small stand-in for the browsers' `cookies` / `browsingData` / `tabs` / `scripting` / `downloads` /
 * `history` / `sessions` APIs that reproduces the behaviour measured in Chromium 156 and Firefox ESR 153
 * (see utils/browser-data/webext-cookies.ts and the engines' adapters), so `createChromePort` and
 * `createFirefoxPort` can be tested without a browser. It models each browser, not the adapter, and is
 * deliberately as awkward as the real thing: Chrome's `cookies.remove` takes every same-name cookie the URL
 * would receive, Firefox's takes the first one it meets; Firefox's `browsingData` matches storage by
 * host[:port] and knows no `cacheStorage` key; only a page of an origin can empty its Cache Storage.
 */

import { registrableDomain, stripDot } from '@/utils/browser-data/domains';
import type {
  CookieGetAllDetails,
  CookieSetDetails,
  RawCookie,
  RawDownload,
  RawTab,
  WebExtApi,
} from '@/utils/browser-data/webext-api';

type Engine = 'chrome' | 'firefox';

/** One thing a site stored (a localStorage key, a database, a cache, an HTTP cache entry), per store and partition. */
export interface StoredItem {
  storeId: string;
  origin: string;
  /** Set when written in a cross-site frame: partitioned under this top-level site. */
  topLevelSite?: string;
  kind: 'localStorage' | 'indexedDB' | 'cacheStorage' | 'serviceWorkers' | 'fileSystems' | 'webSQL' | 'cache';
  /** Cache name, database name, storage key, URL… */
  name: string;
}

/** A tab; `frames` are the URLs of its subframes. */
export type DoubleTab = RawTab & { frames?: string[] };

export interface ApiDouble {
  api: WebExtApi;
  cookies: RawCookie[];
  tabs: DoubleTab[];
  downloads: (RawDownload & { onDisk: boolean })[];
  /** Files of erased download entries that are still on disk. */
  orphanFiles: string[];
  history: { url: string; title?: string; lastVisitTime?: number }[];
  /** Every browsingData call, in order. */
  browsingDataCalls: { method: string; options: unknown; data?: Record<string, boolean> }[];
  /** Stores `getAllCookieStores` lists (Firefox lists only stores with tabs). */
  listedStores: string[];
  containers?: string[];
  /** Site data by store, origin and partition (Cache Storage: only a page of the origin can delete it). */
  siteData: StoredItem[];
  /** sessionStorage of open tabs' frames. */
  sessionStorage: { tabId: number; origin: string; key: string; value: string }[];
  /** The recently-closed list, newest first. */
  closed: { url?: string; sessionId: string; windowId: number }[];
  /** What forms saved, with when (ms). */
  formData: { field: string; value: string; at: number }[];
  /** Origins whose pages do not load (offline, refused): their tabs show an error page nobody may script. */
  unreachable: string[];
  /** Every URL a tab loaded, in order, with the names of the cookies the request carried. */
  loads: { url: string; cookieStoreId: string; cookies: string[] }[];
}

const defaultStore = (engine: Engine) => (engine === 'chrome' ? '0' : 'firefox-default');
/** The store a tab's pages use: Firefox names it; a Chromium incognito tab is in `'1'`. */
const tabStore = (engine: Engine, tab: RawTab) =>
  tab.cookieStoreId ?? (tab.incognito && engine === 'chrome' ? '1' : defaultStore(engine));
/** Firefox: the only kinds `browsingData.remove` limits to a `cookieStoreId` (it rejects any other with it). */
const FIREFOX_STORE_KEYS = new Set(['cookies', 'localStorage', 'indexedDB']);
const isWeb = (url: string | undefined) => /^https?:/.test(url ?? '');
const siteOf = (url: string) => `${new URL(url).protocol}//${registrableDomain(new URL(url).hostname)}`;
/** browsingData keys Firefox knows (`remove` rejects a call with any other). */
const FIREFOX_KEYS = new Set([
  'cookies',
  'localStorage',
  'indexedDB',
  'serviceWorkers',
  'cache',
  'formData',
  'history',
  'downloads',
  'passwords',
  'pluginData',
]);

function sentTo(cookie: RawCookie, url: string): boolean {
  const u = new URL(url);
  const bare = stripDot(cookie.domain);
  const domainOk = cookie.hostOnly
    ? u.hostname === bare
    : u.hostname === bare || u.hostname.endsWith(`.${bare}`);
  const pathOk =
    u.pathname === cookie.path ||
    (u.pathname.startsWith(cookie.path) &&
      (cookie.path.endsWith('/') || u.pathname[cookie.path.length] === '/'));
  return domainOk && pathOk && (!cookie.secure || u.protocol === 'https:');
}

export function createApiDouble(engine: Engine): ApiDouble {
  const d: ApiDouble = {
    api: undefined as unknown as WebExtApi,
    cookies: [],
    tabs: [],
    downloads: [],
    history: [],
    orphanFiles: [],
    browsingDataCalls: [],
    listedStores: [defaultStore(engine)],
    siteData: [],
    sessionStorage: [],
    closed: [],
    formData: [],
    unreachable: [],
    loads: [],
  };
  let nextTabId = 100;
  let nextSessionId = 1;
  const tabById = (id: number) => {
    const tab = d.tabs.find((t) => t.id === id);
    if (!tab) throw new Error(`Invalid tab ID: ${id}`);
    return tab;
  };
  const navigate = (tab: RawTab, url: string) => {
    tab.url = url;
    tab.status = 'complete';
    if (!url.startsWith('http')) return;
    const storeId = tab.cookieStoreId ?? defaultStore(engine);
    const sent = d.cookies.filter((c) => c.storeId === storeId && !c.partitionKey && sentTo(c, url));
    d.loads.push({ url, cookieStoreId: storeId, cookies: sent.map((c) => c.name) });
    d.history.push({ url });
  };
  /**
   * One frame of a tab running `clearFrameStorage`: its sessionStorage and, when asked, its Cache Storage
   * (of its own origin, in its partition: first-party when it is same-site with the top frame).
   */
  const runInFrame = (tab: DoubleTab, frameUrl: string, withCacheStorage: boolean, everything = false) => {
    const origin = new URL(frameUrl).origin;
    const storeId = tabStore(engine, tab);
    const topSite = siteOf(tab.url!);
    const partition = siteOf(frameUrl) === topSite ? undefined : topSite;
    d.sessionStorage = d.sessionStorage.filter((s) => !(s.tabId === tab.id && s.origin === origin));
    const cleared = ['sessionStorage'];
    // `clearFrameStorage(true)`: Cache Storage and service workers; `clearPageStorage`: everything a page can.
    const kinds = everything
      ? ['localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers']
      : withCacheStorage && frameUrl.startsWith('https:')
        ? ['cacheStorage', 'serviceWorkers']
        : [];
    d.siteData = d.siteData.filter(
      (c) =>
        !(
          kinds.includes(c.kind) &&
          c.storeId === storeId &&
          c.origin === origin &&
          c.topLevelSite === partition
        ),
    );
    if (kinds.includes('cacheStorage')) cleared.push('cacheStorage');
    return everything ? (['sessionStorage', ...kinds] as never) : { origin, cleared };
  };
  /** The frames a script reaches; a page the extension may not script (or that did not load) refuses it. */
  const scriptFrames = (tab: DoubleTab, allFrames: boolean) => {
    const url = tab.url ?? '';
    if (!isWeb(url) || d.unreachable.includes(new URL(url).origin))
      throw new Error('Missing host permission for the tab');
    return [url, ...(allFrames ? (tab.frames ?? []).filter(isWeb) : [])];
  };
  /** Chromium: data of exactly these origins, plus data partitioned under their sites; regular profile only. */
  const chromiumRemoves = (item: StoredItem, origins: string[]) =>
    item.storeId === defaultStore(engine) &&
    (item.topLevelSite === undefined || item.kind === 'cache'
      ? origins.includes(item.origin)
      : origins.some((o) => siteOf(o) === item.topLevelSite));
  /** Firefox: localStorage / IndexedDB / service workers whose host[:port] is listed, in every store and partition. */
  const firefoxRemoves = (item: StoredItem, hostnames: string[]) =>
    hostnames.includes(new URL(item.origin).host);
  const partitionMatches = (c: RawCookie, pk: CookieGetAllDetails['partitionKey']) =>
    pk === undefined
      ? !c.partitionKey
      : pk.topLevelSite === undefined || c.partitionKey?.topLevelSite === pk.topLevelSite;
  const matches = (c: RawCookie, q: CookieGetAllDetails) =>
    c.storeId === (q.storeId ?? defaultStore(engine)) &&
    partitionMatches(c, q.partitionKey) &&
    (q.name === undefined || c.name === q.name) &&
    (q.url === undefined || sentTo(c, q.url)) &&
    (q.domain === undefined ||
      stripDot(c.domain) === q.domain ||
      stripDot(c.domain).endsWith(`.${q.domain}`)) &&
    (engine === 'chrome' ||
      q.firstPartyDomain === null ||
      (c.firstPartyDomain ?? '') === (q.firstPartyDomain ?? ''));
  const same = (a: RawCookie, b: RawCookie) =>
    a.storeId === b.storeId &&
    a.domain === b.domain &&
    a.path === b.path &&
    a.name === b.name &&
    (a.partitionKey?.topLevelSite ?? '') === (b.partitionKey?.topLevelSite ?? '') &&
    (a.firstPartyDomain ?? '') === (b.firstPartyDomain ?? '');
  const drop = (victims: RawCookie[]) => {
    d.cookies = d.cookies.filter((c) => !victims.includes(c));
  };

  d.api = {
    cookies: {
      async getAll(q) {
        return structuredClone(d.cookies.filter((c) => matches(c, q)));
      },
      async getAllCookieStores() {
        return d.listedStores.map((id) => ({ id }));
      },
      async remove(q) {
        const hit = d.cookies.filter(
          (c) =>
            (matches(c, q) ||
              (engine === 'chrome' && q.partitionKey && matches(c, { ...q, partitionKey: undefined }))) &&
            sentTo(c, q.url),
        );
        drop(engine === 'chrome' ? hit : hit.slice(0, 1));
        return { url: q.url, name: q.name };
      },
      async set(s: CookieSetDetails) {
        const host = new URL(s.url).hostname;
        const cookie: RawCookie = {
          name: s.name,
          value: s.value ?? '',
          domain: s.domain ? `.${stripDot(s.domain)}` : host,
          hostOnly: !s.domain,
          path: s.path ?? '/',
          secure: s.secure ?? false,
          httpOnly: s.httpOnly ?? false,
          sameSite: s.sameSite ?? 'unspecified',
          session: s.expirationDate === undefined,
          storeId: s.storeId ?? defaultStore(engine),
          ...(s.expirationDate !== undefined ? { expirationDate: s.expirationDate } : {}),
          ...(s.partitionKey ? { partitionKey: s.partitionKey } : {}),
          ...(engine === 'firefox' ? { firstPartyDomain: s.firstPartyDomain ?? '' } : {}),
        };
        drop(d.cookies.filter((c) => same(c, cookie)));
        d.cookies.push(cookie);
        return cookie;
      },
    },
    browsingData: {
      async remove(options, data) {
        d.browsingDataCalls.push({ method: 'remove', options, data });
        const keys = Object.keys(data).filter((k) => data[k]);
        if (engine === 'firefox' && keys.some((k) => !FIREFOX_KEYS.has(k)))
          throw new Error('Type error for parameter dataToRemove');
        const store = options.cookieStoreId;
        const bad = keys.find((k) => !FIREFOX_STORE_KEYS.has(k));
        if (store !== undefined && bad)
          throw new Error(`Firefox does not support clearing ${bad} with 'cookieStoreId'.`);
        const inStore = (id: string) => store === undefined || id === store;
        if (data.formData) d.formData = d.formData.filter((e) => e.at < (options.since ?? 0));
        // By time alone (no origins, no hostnames): every site's HTTP cache (the double keeps no time for it).
        if (data.cache && !options.origins && !options.hostnames)
          d.siteData = d.siteData.filter((i) => i.kind !== 'cache');
        const storage = (kind: string) => kind !== 'cookies' && keys.includes(kind);
        if (options.origins) {
          const origins = options.origins;
          d.siteData = d.siteData.filter((i) => !(storage(i.kind) && chromiumRemoves(i, origins)));
        } else if (options.hostnames) {
          const hostnames = options.hostnames;
          d.siteData = d.siteData.filter(
            (i) =>
              !(storage(i.kind) && i.kind !== 'cache' && inStore(i.storeId) && firefoxRemoves(i, hostnames)),
          );
        }
        if (!data.cookies) return;
        if (options.origins) {
          // Chromium: registrable domains, every partition, regular profile only.
          const domains = new Set(options.origins.map((o) => registrableDomain(new URL(o).hostname)));
          drop(d.cookies.filter((c) => c.storeId === '0' && domains.has(registrableDomain(c.domain))));
        } else if (options.hostnames) {
          // Firefox: exact host (leading dot ignored), every partition, of the store named (or every store).
          drop(
            d.cookies.filter((c) => inStore(c.storeId) && options.hostnames!.includes(stripDot(c.domain))),
          );
        }
      },
      async removeCache(options) {
        d.browsingDataCalls.push({ method: 'removeCache', options });
        d.siteData = d.siteData.filter((i) => i.kind !== 'cache');
      },
    },
    scripting: {
      async executeScript(injection) {
        const tab = tabById(injection.target.tabId);
        const frames = scriptFrames(tab, injection.target.allFrames === true);
        const everything = injection.func.name === 'clearPageStorage';
        return frames.map((url, frameId) => ({
          frameId,
          result: runInFrame(tab, url, injection.args?.[0] === true, everything) as never,
        }));
      },
    },
    history: {
      async search({ text, startTime = 0 }) {
        // Both engines: `startTime` bounds the last visit; an entry without one counts as visited now.
        return d.history.filter(
          (h) =>
            (h.url.includes(text) || h.title?.includes(text)) && (h.lastVisitTime ?? Infinity) >= startTime,
        );
      },
      async deleteUrl({ url }) {
        d.history = d.history.filter((h) => h.url !== url);
        // Chromium takes a deleted URL's closed tabs off the recently-closed list too.
        if (engine === 'chrome') d.closed = d.closed.filter((c) => c.url !== url);
      },
    },
    downloads: {
      async search({ id }) {
        return structuredClone(d.downloads.filter((x) => id === undefined || x.id === id));
      },
      async removeFile(id) {
        const item = d.downloads.find((x) => x.id === id);
        if (!item?.onDisk) throw new Error('Download file already deleted');
        item.onDisk = false;
        item.exists = false;
      },
      async erase({ id }) {
        for (const x of d.downloads) if (x.id === id && x.onDisk) d.orphanFiles.push(x.filename);
        d.downloads = d.downloads.filter((x) => x.id !== id);
        return [id];
      },
      async cancel(id) {
        const item = d.downloads.find((x) => x.id === id);
        if (item) Object.assign(item, { state: 'interrupted', onDisk: false, exists: false });
      },
    },
    tabs: {
      async query() {
        return structuredClone(d.tabs).map(({ frames: _frames, ...tab }) => tab);
      },
      async remove(ids) {
        const list = Array.isArray(ids) ? ids : [ids];
        const missing = list.find((id) => !d.tabs.some((t) => t.id === id));
        if (missing !== undefined) throw new Error(`No tab with id: ${missing}.`);
        for (const tab of d.tabs.filter((t) => list.includes(t.id!)))
          d.closed.unshift({
            ...(tab.url !== undefined ? { url: tab.url } : {}),
            sessionId: `s${nextSessionId++}`,
            windowId: tab.windowId ?? 1,
          });
        d.tabs = d.tabs.filter((t) => !list.includes(t.id!));
      },
      async get(id) {
        return structuredClone(tabById(id));
      },
      async create({ url, cookieStoreId }) {
        const tab: RawTab = {
          id: nextTabId++,
          windowId: 1,
          incognito: false,
          cookieStoreId: cookieStoreId ?? defaultStore(engine),
        };
        d.tabs.push(tab);
        navigate(tab, url);
        return structuredClone(tab);
      },
      async update(id, { url }) {
        const tab = tabById(id);
        navigate(tab, url);
        return structuredClone(tab);
      },
    },
    ...(engine === 'firefox'
      ? {
          sessions: {
            async getRecentlyClosed({ maxResults = 25 } = {}) {
              return d.closed.slice(0, maxResults).map((c) => ({ tab: { ...c } }));
            },
            async forgetClosedTab(windowId: number, sessionId: string) {
              d.closed = d.closed.filter((c) => !(c.windowId === windowId && c.sessionId === sessionId));
            },
            async forgetClosedWindow() {},
          },
          contextualIdentities: {
            async query() {
              return (d.containers ?? []).map((cookieStoreId) => ({ cookieStoreId }));
            },
          },
        }
      : {}),
  };
  return d;
}
