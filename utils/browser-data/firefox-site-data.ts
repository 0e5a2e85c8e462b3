/**
 * Firefox's `removeSiteData` over `browsingData.remove({hostnames})`, where hostnames are exact hosts:
 * - cookies: every host that holds a cookie in the registrable domains plus the origins' own hosts (a
 *   removal by hostname reaches every store, partition and first-party domain, even containers the
 *   extension cannot list), then a sweep of what is left (cookies partitioned under the sites, or
 *   isolated under the domains by first-party isolation);
 * - localStorage, IndexedDB, service workers: host and host:port (they match with the port, cookies
 *   without), in every partition and container; other hosts' storage partitioned under the sites stays;
 * - the HTTP cache has no per-site removal (a `Cache-Control: private` page was still served from it
 *   after a hostnames removal: its entries are keyed by partition), so the whole cache goes;
 * - Cache Storage has no removal at all: a page of the origin empties it (firefox-cache-storage.ts),
 *   after the cookies are gone and before storage is removed (that page may write some);
 * - there are no `cacheStorage`/`fileSystems`/`webSQL` keys (the call would be rejected), so they are
 *   never passed.
 */
import { stripDot } from './domains';
import { type CacheStorageCleaner, cacheStorageTargets } from './firefox-cache-storage';
import type { SiteDataKind } from './port';
import { originScope } from './site-data-scope';
import type { WebExtApi } from './webext-api';
import type { WebExtCookies } from './webext-cookies';

const HOSTNAME_KINDS: readonly SiteDataKind[] = ['localStorage', 'indexedDB', 'serviceWorkers'];

export async function removeFirefoxSiteData(
  api: WebExtApi,
  cookies: WebExtCookies,
  cleaner: CacheStorageCleaner,
  origins: readonly string[],
  kinds: readonly SiteDataKind[],
): Promise<void> {
  const { origins: wanted, domains, sites } = originScope(origins);
  if (wanted.length === 0 || kinds.length === 0) return;
  const withCookies = kinds.includes('cookies');
  const clearCaches = kinds.includes('cacheStorage');

  const failures: unknown[] = [];
  // Read before the cookies go: they show which stores used each origin (cacheStorageTargets).
  const found =
    withCookies || clearCaches
      ? (await Promise.all(domains.map((domain) => cookies.find({ domain })))).flat()
      : [];
  if (withCookies) {
    const hosts = new Set([
      ...found.map((c) => stripDot(c.domain)),
      ...wanted.map((o) => new URL(o).hostname),
      ...domains,
    ]);
    await api.browsingData.remove({ hostnames: [...hosts] }, { cookies: true });
  }
  if (clearCaches) {
    await cleaner.clearOrigins(cacheStorageTargets(wanted, found)).catch((e: unknown) => failures.push(e));
  }
  const storageKinds = kinds.filter((kind) => HOSTNAME_KINDS.includes(kind));
  if (storageKinds.length > 0) {
    const hostnames = new Set(wanted.flatMap((o) => [new URL(o).hostname, new URL(o).host]));
    await api.browsingData.remove(
      { hostnames: [...hostnames] },
      Object.fromEntries(storageKinds.map((kind) => [kind, true])),
    );
  }
  if (kinds.includes('cache')) await api.browsingData.removeCache({});
  // Again after the Cache Storage tabs: a response may have set a cookie.
  if (withCookies) await cookies.sweep(domains, sites).catch((e: unknown) => failures.push(e));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, 'site data could not be removed completely');
}
