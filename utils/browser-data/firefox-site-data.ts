/**
 * Firefox's `removeSiteData` over `browsingData.remove({hostnames, cookieStoreId})`, in one cookie store (the
 * regular one, a container, private browsing), where hostnames are exact hosts:
 * - cookies: every host that holds a cookie of the store in the registrable domains plus the origins' own
 *   hosts (in every partition and first-party domain of the store), then a sweep of what is left in the
 *   store (cookies partitioned under the sites, or isolated under the domains by first-party isolation);
 * - localStorage, IndexedDB: host and host:port (they match with the port, cookies without), in every
 *   partition of the store; other hosts' storage partitioned under the sites stays. `cookieStoreId` limits
 *   only cookies, localStorage and IndexedDB: Firefox rejects it with any other kind (checked in ESR 153);
 * - service workers cannot be removed by store: a page of the origin unregisters them where it empties Cache
 *   Storage (firefox-cache-storage.ts), so another store's registrations stay;
 * - the HTTP cache has no per-site removal (a `Cache-Control: private` page was still served from it
 *   after a hostnames removal: its entries are keyed by partition), so the whole cache goes;
 * - Cache Storage has no removal at all: a page of the origin empties it (firefox-cache-storage.ts),
 *   after the cookies are gone and before storage is removed (that page may write some);
 * - there are no `cacheStorage`/`fileSystems`/`webSQL` keys (the call would be rejected), so they are
 *   never passed.
 */
import { stripDot } from './domains';
import { type CacheStorageCleaner, cacheStorageTargets } from './firefox-cache-storage';
import { FIREFOX_REGULAR_STORE } from './firefox-cookies';
import type { SiteDataKind } from './port';
import { originScope } from './site-data-scope';
import type { WebExtApi } from './webext-api';
import type { WebExtCookies } from './webext-cookies';

/** The kinds `browsingData.remove` can limit to one cookie store. */
const HOSTNAME_KINDS: readonly SiteDataKind[] = ['localStorage', 'indexedDB'];

export async function removeFirefoxSiteData(
  api: WebExtApi,
  cookies: WebExtCookies,
  cleaner: CacheStorageCleaner,
  origins: readonly string[],
  kinds: readonly SiteDataKind[],
  cookieStoreId: string = FIREFOX_REGULAR_STORE,
): Promise<void> {
  const { origins: wanted, domains, sites } = originScope(origins);
  if (wanted.length === 0 || kinds.length === 0) return;
  const withCookies = kinds.includes('cookies');
  // A page of the origin empties Cache Storage and unregisters service workers (neither goes by store).
  const clearCaches = kinds.includes('cacheStorage') || kinds.includes('serviceWorkers');

  const failures: unknown[] = [];
  // Read before the cookies go: they show which stores used each origin (cacheStorageTargets).
  const found =
    withCookies || clearCaches
      ? (await Promise.all(domains.map((domain) => cookies.find({ domain, storeId: cookieStoreId })))).flat()
      : [];
  if (withCookies) {
    const hosts = new Set([
      ...found.map((c) => stripDot(c.domain)),
      ...wanted.map((o) => new URL(o).hostname),
      ...domains,
    ]);
    await api.browsingData.remove({ hostnames: [...hosts], cookieStoreId }, { cookies: true });
  }
  if (clearCaches) {
    await cleaner.clearOrigins(cacheStorageTargets(wanted, found)).catch((e: unknown) => failures.push(e));
  }
  const storageKinds = kinds.filter((kind) => HOSTNAME_KINDS.includes(kind));
  if (storageKinds.length > 0) {
    const hostnames = new Set(wanted.flatMap((o) => [new URL(o).hostname, new URL(o).host]));
    await api.browsingData.remove(
      { hostnames: [...hostnames], cookieStoreId },
      Object.fromEntries(storageKinds.map((kind) => [kind, true])),
    );
  }
  if (kinds.includes('cache')) await api.browsingData.removeCache({});
  // Again after the Cache Storage tabs: a response may have set a cookie.
  if (withCookies) await cookies.sweep(domains, sites, cookieStoreId).catch((e: unknown) => failures.push(e));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, 'site data could not be removed completely');
}
