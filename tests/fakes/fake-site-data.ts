/**
 * The fake browser's per-origin, per-partition storage (localStorage, IndexedDB, Cache Storage, service
 * workers, file systems, WebSQL, HTTP cache entries) and what `removeSiteData` takes away from it in
 * each engine — as measured through `createWebExtPort` in the real browsers (see fake-port.ts).
 */
import { registrableDomain, siteOf } from '@/utils/browser-data/domains';
import type { CookieRecord, SiteDataKind } from '@/utils/browser-data/port';

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

/** Kinds Firefox's `browsingData.remove({hostnames})` can reach (it has no cacheStorage/fileSystems/webSQL keys). */
const FIREFOX_HOSTNAME_KINDS: ReadonlySet<StorageKind> = new Set([
  'localStorage',
  'indexedDB',
  'serviceWorkers',
]);

export function itemKey(item: SiteDataItem): string {
  return JSON.stringify([item.storeId, item.origin, item.topLevelSite ?? '', item.kind, item.key]);
}

/**
 * Whether `removeSiteData(origins, kinds)` removes this item in `engine`.
 * - chrome: one `browsingData.remove({origins})`. First-party data of exactly these origins, plus any
 *   data partitioned under their sites (Chromium `StorageKey::MatchesOriginForTrustedStorageDeletion`).
 *   Data an origin wrote as a third party under some *other* site is not reached. Incognito stores are
 *   not reached (the call acts on the regular profile).
 * - firefox: `browsingData.remove({hostnames})` matches the owning host[:port] in every partition and
 *   container, but only localStorage/IndexedDB/service workers; data of other hosts partitioned under a
 *   removed site stays. `cache` clears the whole HTTP cache; Cache Storage needs `clearTabStorage`.
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
  return [...origins].some((origin) => siteOf(origin) === item.topLevelSite);
}

/**
 * Cookies `removeSiteData(origins, ['cookies'])` removes (both engines, through the port's sweep): the
 * origins' whole registrable domains, cookies partitioned under their sites, and cookies Firefox
 * first-party isolation keeps under their registrable domains.
 */
export function removesCookie(origins: ReadonlySet<string>): (cookie: CookieRecord) => boolean {
  const domains = new Set([...origins].map((o) => registrableDomain(new URL(o).hostname)));
  const sites = new Set([...origins].map(siteOf));
  return (c) =>
    domains.has(registrableDomain(c.domain)) ||
    sites.has(c.partitionKey?.topLevelSite ?? '') ||
    domains.has(c.firstPartyDomain ?? '');
}
