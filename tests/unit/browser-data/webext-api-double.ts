/**
 * A small stand-in for the browsers' `cookies` / `browsingData` / `tabs` / `downloads` / `history`
 * APIs that reproduces the behaviour measured in Chromium 156 and Firefox ESR 153 (see
 * utils/browser-data/webext-cookies.ts), so `createWebExtPort`'s own logic can be tested without a
 * browser. It is deliberately as awkward as the real thing: Chrome's `cookies.remove` takes every
 * same-name cookie the URL would receive, Firefox's takes the first one it meets.
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

export interface ApiDouble {
  api: WebExtApi;
  cookies: RawCookie[];
  tabs: RawTab[];
  downloads: (RawDownload & { onDisk: boolean })[];
  history: { url: string; title?: string }[];
  /** Every browsingData call, in order. */
  browsingDataCalls: { method: string; options: unknown; data?: Record<string, boolean> }[];
  /** Stores `getAllCookieStores` lists (Firefox lists only stores with tabs). */
  listedStores: string[];
  containers?: string[];
  /** Cache Storage caches that exist, by store and origin (only a page of the origin can delete them). */
  cacheStorage: { storeId: string; origin: string; name: string }[];
  /** Origins whose pages do not load (offline, refused): their tabs show an error page nobody may script. */
  unreachable: string[];
  /** Every URL a tab loaded, in order, with the names of the cookies the request carried. */
  loads: { url: string; cookieStoreId: string; cookies: string[] }[];
}

const defaultStore = (engine: Engine) => (engine === 'chrome' ? '0' : 'firefox-default');

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
    browsingDataCalls: [],
    listedStores: [defaultStore(engine)],
    cacheStorage: [],
    unreachable: [],
    loads: [],
  };
  let nextTabId = 100;
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
  /** The top frame of a tab running `clearFrameStorage`: its sessionStorage, and Cache Storage in Firefox. */
  const runInTop = (tab: RawTab, withCacheStorage: boolean) => {
    const url = tab.url ?? '';
    if (!/^https?:/.test(url) || d.unreachable.includes(new URL(url).origin))
      throw new Error('Missing host permission for the tab');
    const origin = new URL(url).origin;
    const storeId = tab.cookieStoreId ?? defaultStore(engine);
    const cleared = ['sessionStorage'];
    if (withCacheStorage && url.startsWith('https:')) {
      d.cacheStorage = d.cacheStorage.filter((c) => !(c.storeId === storeId && c.origin === origin));
      cleared.push('cacheStorage');
    }
    return { origin, cleared };
  };
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
        if (!data.cookies) return;
        if (options.origins) {
          // Chromium: registrable domains, every partition, regular profile only.
          const domains = new Set(options.origins.map((o) => registrableDomain(new URL(o).hostname)));
          drop(d.cookies.filter((c) => c.storeId === '0' && domains.has(registrableDomain(c.domain))));
        } else if (options.hostnames) {
          // Firefox: exact host (leading dot ignored), every store and partition.
          drop(d.cookies.filter((c) => options.hostnames!.includes(stripDot(c.domain))));
        }
      },
      async removeCache(options) {
        d.browsingDataCalls.push({ method: 'removeCache', options });
      },
    },
    scripting: {
      async executeScript(injection) {
        const tab = tabById(injection.target.tabId);
        const result = runInTop(tab, injection.args?.[0] === true);
        return [{ frameId: 0, result: result as never }];
      },
    },
    history: {
      async search({ text }) {
        return d.history.filter((h) => h.url.includes(text) || h.title?.includes(text));
      },
      async deleteUrl({ url }) {
        d.history = d.history.filter((h) => h.url !== url);
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
        return structuredClone(d.tabs);
      },
      async remove(ids) {
        const list = Array.isArray(ids) ? ids : [ids];
        const missing = list.find((id) => !d.tabs.some((t) => t.id === id));
        if (missing !== undefined) throw new Error(`No tab with id: ${missing}.`);
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
