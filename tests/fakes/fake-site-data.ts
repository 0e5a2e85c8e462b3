/**
 * The fake browser's per-origin, per-partition storage (localStorage, IndexedDB, Cache Storage, service
 * workers, file systems, WebSQL, HTTP cache entries) and what `removeSiteData` takes away from it in
 * each engine — as measured through the engines' ports in the real browsers (see fake-port.ts).
 */
import type { CookieRecord, SiteDataKind } from '@/utils/browser-data/port';
import { domainMatch, etldPlusOne, schemefulSite } from './fake-hosts';

export type StorageKind = Exclude<SiteDataKind, 'cookies'>;
export type FakeEngine = 'chrome' | 'firefox';

/** One thing a site stored: a localStorage key, a database, a cache, a registration, an HTTP cache entry (key = URL). */
export interface SiteDataItem {
  storeId: string;
  /** `https://host[:port]` that owns the data. */
  origin: string;
  /** Set when the data was written in a cross-site frame: partitioned under this top-level site. */
  topLevelSite?: string;
  kind: StorageKind;
  key: string;
}

export interface SiteDataSeed {
  origin: string;
  kind: StorageKind;
  key?: string;
  topLevelSite?: string;
  storeId?: string;
}

/**
 * Kinds Firefox's `browsingData.remove({hostnames, cookieStoreId})` can reach in one store (it has no
 * cacheStorage/fileSystems/webSQL keys, and rejects `cookieStoreId` with service workers).
 */
const FIREFOX_HOSTNAME_KINDS: ReadonlySet<StorageKind> = new Set(['localStorage', 'indexedDB']);

export function itemKey(item: SiteDataItem): string {
  return JSON.stringify([item.storeId, item.origin, item.topLevelSite ?? '', item.kind, item.key]);
}

/**
 * Whether `removeSiteData(origins, kinds)` removes this item in `engine`, the item being in the store asked for.
 * - chrome: one `browsingData.remove({origins})`. First-party data of exactly these origins, plus any
 *   data partitioned under their sites (Chromium `StorageKey::MatchesOriginForTrustedStorageDeletion`).
 *   Data an origin wrote as a third party under some *other* site is not reached. Incognito stores are
 *   not reached (the call acts on the regular profile).
 * - firefox: `browsingData.remove({hostnames, cookieStoreId})` matches the owning host[:port] in every
 *   partition of the store, but only localStorage/IndexedDB; data of other hosts partitioned under a
 *   removed site stays. `cache` clears the whole HTTP cache; Cache Storage and service workers need a page.
 */
export function removedBySiteData(
  engine: FakeEngine,
  item: SiteDataItem,
  origins: ReadonlySet<string>,
  kinds: ReadonlySet<SiteDataKind>,
  isPrivateStore: (storeId: string) => boolean,
): boolean {
  if (!kinds.has(item.kind)) return false;
  if (engine === 'firefox') {
    if (item.kind === 'cache') return true;
    return FIREFOX_HOSTNAME_KINDS.has(item.kind) && origins.has(item.origin);
  }
  if (isPrivateStore(item.storeId)) return false;
  if (item.kind === 'cache') return origins.has(item.origin);
  if (item.topLevelSite === undefined) return origins.has(item.origin);
  return [...origins].some((origin) => schemefulSite(origin) === item.topLevelSite);
}

/**
 * Cookies `removeSiteData(origins, ['cookies'])` removes (both engines, through the port's sweep): the
 * origins' whole registrable domains, cookies partitioned under their sites, and cookies Firefox
 * first-party isolation keeps under their registrable domains.
 */
export function removesCookie(origins: ReadonlySet<string>): (cookie: CookieRecord) => boolean {
  const domains = new Set([...origins].map((o) => etldPlusOne(new URL(o).hostname)));
  const sites = new Set([...origins].map(schemefulSite));
  return (c) =>
    domains.has(etldPlusOne(c.domain)) ||
    sites.has(c.partitionKey?.topLevelSite ?? '') ||
    domains.has(c.firstPartyDomain ?? '');
}

/**
 * Firefox: the Cache Storage a `removeSiteData(origins, ['cacheStorage'])` empties without a live tab, as
 * `store origin` keys. Only a page of an origin can empty its caches, so the port loads one where a page of
 * the origin ran in a store, and the jar shows where: a cookie the host was sent (unpartitioned; a
 * host-only cookie of that very host, or a domain cookie of a domain the host is in). Only https (Cache
 * Storage needs a secure context); never the private store (it lives in memory). An origin listed with a
 * port and bare is in use with the port: the bare one is not loaded.
 */
export function firefoxCacheReach(
  origins: ReadonlySet<string>,
  cookies: readonly CookieRecord[],
  isPrivateStore: (storeId: string) => boolean,
): Set<string> {
  const secure = [...origins].map((o) => new URL(o)).filter((u) => u.protocol === 'https:');
  const withPort = new Set(secure.filter((u) => u.port !== '').map((u) => u.hostname));
  const reached = new Set<string>();
  for (const url of secure) {
    if (url.port === '' && withPort.has(url.hostname)) continue;
    for (const c of cookies) {
      if (c.partitionKey?.topLevelSite || isPrivateStore(c.storeId)) continue;
      const sent = c.hostOnly ? c.domain.toLowerCase() === url.hostname : domainMatch(url.hostname, c.domain);
      if (sent) reached.add(`${c.storeId} ${url.origin}`);
    }
  }
  return reached;
}
