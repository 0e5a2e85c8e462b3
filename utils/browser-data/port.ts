/**
 * The one seam between purge logic and the browser's data APIs (docs/architecture.md: a port over the browser).
 *
 * The executor only ever talks to this interface. One adapter per engine implements it over
 * cookies / browsingData / history / downloads / tabs / scripting (chrome-port.ts, firefox-port.ts; the
 * background gets the one for its build from browser-port.ts); how each engine gets there is documented
 * in its adapter, not here. tests/fakes/fake-port.ts is an in-memory browser behind the same interface,
 * and tests/unit/browser-data/port-contract.ts is what every implementation must do. No other module
 * calls those browser APIs directly for destructive work.
 */

/** Partition of a CHIPS cookie (`Partitioned`), or of a Firefox cookie under Total Cookie Protection. */
export interface PartitionKey {
  /** Scheme + registrable domain of the top-level page, e.g. `https://jarfalla.se`. */
  topLevelSite?: string;
  /** Chrome 130+: the cookie was set in a frame with a cross-site ancestor. */
  hasCrossSiteAncestor?: boolean;
}

export interface CookieRecord {
  name: string;
  value: string;
  /** As the browser reports it: `.example.se` for a domain cookie, `host.example.se` when host-only. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'no_restriction' | 'lax' | 'strict' | 'unspecified';
  session: boolean;
  /** Seconds since the epoch; absent for session cookies. */
  expirationDate?: number;
  /** Cookie store: Chrome `'0'` normal / `'1'` incognito; Firefox `firefox-default`, `firefox-private`, `firefox-container-N`. */
  storeId: string;
  partitionKey?: PartitionKey;
  /** Firefox first-party isolation; `''` when off. */
  firstPartyDomain?: string;
}

/** What identifies a cookie in a browser: store, partition, first-party domain, domain, path, name. */
export function cookieIdentity(
  c: Pick<CookieRecord, 'storeId' | 'partitionKey' | 'firstPartyDomain' | 'domain' | 'path' | 'name'>,
): string {
  return [
    c.storeId,
    c.partitionKey?.topLevelSite ?? '',
    c.firstPartyDomain ?? '',
    c.domain.toLowerCase(),
    c.path,
    c.name,
  ].join('\u0000');
}

/** What to look up. Every field narrows; all cookie stores are searched unless `storeId` is given. */
export interface CookieQuery {
  /** Cookies whose domain is this domain or one of its subdomains (browser `cookies.getAll({domain})` semantics). */
  domain?: string;
  /** Only cookies partitioned under this top-level site (`https://example.se`). */
  topLevelSite?: string;
  storeId?: string;
}

/** The kinds of site data removed by origin/host (browsingData DataTypeSet keys). */
export type SiteDataKind =
  | 'cookies'
  | 'localStorage'
  | 'indexedDB'
  | 'cacheStorage'
  | 'serviceWorkers'
  | 'fileSystems'
  | 'webSQL'
  | 'cache';

export const ALL_SITE_DATA_KINDS: readonly SiteDataKind[] = [
  'cookies',
  'localStorage',
  'indexedDB',
  'cacheStorage',
  'serviceWorkers',
  'fileSystems',
  'webSQL',
  'cache',
];

export interface HistoryEntry {
  url: string;
  title?: string;
  lastVisitTime?: number;
}

export interface DownloadEntry {
  id: number;
  url: string;
  /** Page the download was started from, when the browser knows it. */
  referrer?: string;
  filename: string;
  exists: boolean;
  state: 'in_progress' | 'interrupted' | 'complete';
  /** When the download started (ms since the epoch), when the browser says. */
  startTime?: number;
}

export interface TabInfo {
  id: number;
  windowId: number;
  url?: string;
  incognito: boolean;
  /** Firefox: the tab's cookie store (container, private browsing); Chromium tabs carry none (`storeOfTab`). */
  cookieStoreId?: string;
}

export interface BrowserDataPort {
  /**
   * Every cookie matching the query, in every cookie store the extension can see, partitioned and
   * unpartitioned.
   */
  findCookies(query: CookieQuery): Promise<CookieRecord[]>;
  /**
   * Remove exactly this cookie (same store, partition, first-party domain). Idempotent: a missing cookie
   * is not an error. (Browsers remove by URL and take same-name cookies along; those are set again.)
   */
  removeCookie(cookie: CookieRecord): Promise<void>;
  /**
   * Remove site data for these origins (`https://host[:port]`) and everything partitioned under them, in one
   * cookie store: `storeId` (undefined: the regular store; stores.ts). The same site's cookies and storage in
   * every other store stay. Idempotent. One browser call where the browser allows it (it is much faster than
   * per-item removal).
   *
   * - `cookies`: every cookie of the origins' registrable domains (`www.x.se` → all of `x.se`), in every
   *   partition of the store, plus every cookie partitioned under the origins' sites or isolated under their
   *   registrable domains (Firefox first-party isolation).
   * - storage kinds: the origins' own (unpartitioned) data of each kind the engine can remove per site;
   *   other origins' unpartitioned data stays. How far beyond that an engine reaches (partitions, the HTTP
   *   cache, Cache Storage), and what it cannot reach in a private store, is its adapter's, documented there;
   *   the executor plans for it.
   *
   * Rejects with a TypeError for anything that is not an http(s) origin (before any browser call), and
   * with an AggregateError when some data could not be removed (after removing the rest).
   */
  removeSiteData(origins: readonly string[], kinds: readonly SiteDataKind[], storeId?: string): Promise<void>;
  /**
   * Clear sessionStorage (and, where the browser cannot clear it per site, Cache Storage) inside a live
   * tab, all frames. Resolves without doing anything for a closed tab or a page the extension may not
   * script (about:, store pages); frames that refuse are skipped.
   */
  clearTabStorage(tabId: number): Promise<void>;

  /**
   * History entries whose URL host is one of `hosts` (exact host match) and that were last visited at or
   * after `since` (ms since the epoch): what the session visited, not the years before it.
   */
  findHistory(hosts: readonly string[], since: number): Promise<HistoryEntry[]>;
  deleteHistory(url: string): Promise<void>;

  /**
   * Downloads known to the browser (optionally only those whose url or referrer is on one of `hosts`, and
   * only those started at or after `since`, ms). `[]` when the extension lacks the `downloads` permission.
   */
  findDownloads(hosts?: readonly string[], since?: number): Promise<DownloadEntry[]>;
  /** Delete the file from disk (if it still exists) and erase the entry from the download list. */
  removeDownload(id: number): Promise<void>;

  /**
   * Remove what forms saved since `since` (ms): the suggestions a field offers the next person (a name, a
   * personnummer typed at the IdP). Browsers keep them by field name for every site and can remove them by time
   * only, so entries other sites saved in that time go too.
   */
  removeFormData(since: number): Promise<void>;

  /**
   * Remove every site's HTTP cache entries stored since `since` (ms). For the origins a group's pages fetched
   * from when their names were not kept (after a crash: they never reach the disk), so other sites' entries of
   * those minutes go too. Firefox cannot remove its HTTP cache by time: all of it goes.
   */
  removeHttpCache(since: number): Promise<void>;

  /**
   * Take tabs on these hosts (or under these domains) off the browser's recently-closed list: a reopened tab
   * comes back with its sessionStorage. A tab on an `excluded` host or under one (IT's `excludedDomains`)
   * stays, unless it is in a closed window with a tab that goes (a window is reopened whole). Returns how many
   * this call took off; 0 where the engine needs no call for it (`deleteHistory` of their URLs already did)
   * or lacks the permission. After `deleteHistory` of a closed tab's URL and this call, no closed tab on these
   * hosts or domains is left to reopen.
   */
  forgetClosedTabs(
    hosts: readonly string[],
    domains: readonly string[],
    excluded: readonly string[],
  ): Promise<number>;

  /** Open tabs, except any the adapter opened for its own work. */
  listTabs(): Promise<TabInfo[]>;
  /**
   * Close these tabs; ids that are already gone are ignored. Where `clearTabStorage` empties Cache
   * Storage, each page does so first.
   */
  closeTabs(ids: readonly number[]): Promise<void>;
}
