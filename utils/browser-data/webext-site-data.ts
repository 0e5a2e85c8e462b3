/**
 * `removeSiteData` over `browsingData`, with the same outcome in both engines as far as they allow:
 * cookies of the origins' whole registrable domains (every store and partition), every cookie
 * partitioned under the origins' sites (and, with Firefox first-party isolation, isolated under their
 * registrable domains); storage of exactly these origins.
 *
 * - Chrome: one `browsingData.remove({origins})`. Chromium widens cookies to the registrable domain
 *   itself and removes storage partitioned under the origins' sites, but (checked in Chromium 156) it
 *   keeps other domains' cookies partitioned under those sites, and it acts on the regular profile
 *   only — the sweep below removes those cookies one by one.
 * - Firefox: `hostnames` are exact hosts, so storage gets host and host:port (localStorage/IndexedDB
 *   match with the port, cookies without), and cookies get every host that holds a cookie in the
 *   registrable domains plus the origins' own hosts (a removal by hostname reaches every store,
 *   partition and first-party domain, even containers the extension cannot list). Firefox has no
 *   per-site removal for the HTTP cache (a `Cache-Control: private` page was still served from it after
 *   a hostnames removal: its entries are keyed by partition), so the whole cache goes; nor for Cache
 *   Storage, which a page of the origin empties (webext-cache-storage.ts) after the cookies are gone and
 *   before storage is removed (that page may write some); no `cacheStorage`/`fileSystems`/`webSQL` keys
 *   at all (the call would be rejected).
 */
import { normalizeOrigin, registrableDomain, siteOf, stripDot } from './domains';
import type { CookieRecord, SiteDataKind } from './port';
import type { WebExtApi } from './webext-api';
import { type CacheStorageCleaner, cacheStorageTargets } from './webext-cache-storage';
import { type Engine, findAllCookies, removeKnownCookies } from './webext-cookies';

const FIREFOX_HOSTNAME_KINDS: readonly SiteDataKind[] = ['localStorage', 'indexedDB', 'serviceWorkers'];

export async function removeSiteData(
  api: WebExtApi,
  engine: Engine,
  origins: readonly string[],
  kinds: readonly SiteDataKind[],
  cleaner?: CacheStorageCleaner,
): Promise<void> {
  const wanted = [...new Set(origins.map(normalizeOrigin))];
  if (wanted.length === 0 || kinds.length === 0) return;
  const domains = [...new Set(wanted.map((o) => registrableDomain(new URL(o).hostname)))];
  const sites = [...new Set(wanted.map(siteOf))];
  const withCookies = kinds.includes('cookies');

  if (engine === 'chrome') {
    await api.browsingData.remove(
      // Also "protected" origins: an e-service installed as an app keeps its data otherwise.
      { origins: wanted, originTypes: { unprotectedWeb: true, protectedWeb: true } },
      Object.fromEntries(kinds.map((kind) => [kind, true])),
    );
    if (withCookies) await sweepCookies(api, engine, domains, sites);
    return;
  }

  const failures: unknown[] = [];
  const clearCaches = kinds.includes('cacheStorage') && cleaner !== undefined;
  const cookies =
    withCookies || clearCaches
      ? (await Promise.all(domains.map((domain) => findAllCookies(api, engine, { domain })))).flat()
      : [];
  if (withCookies) {
    const hosts = new Set([
      ...cookies.map((c) => stripDot(c.domain)),
      ...wanted.map((o) => new URL(o).hostname),
      ...domains,
    ]);
    await api.browsingData.remove({ hostnames: [...hosts] }, { cookies: true });
  }
  if (clearCaches) {
    await cleaner.clearOrigins(cacheStorageTargets(wanted, cookies)).catch((e: unknown) => failures.push(e));
  }
  const storageKinds = kinds.filter((kind) => FIREFOX_HOSTNAME_KINDS.includes(kind));
  if (storageKinds.length > 0) {
    const hostnames = new Set(wanted.flatMap((o) => [new URL(o).hostname, new URL(o).host]));
    await api.browsingData.remove(
      { hostnames: [...hostnames] },
      Object.fromEntries(storageKinds.map((kind) => [kind, true])),
    );
  }
  if (kinds.includes('cache')) await api.browsingData.removeCache({});
  // Again after the Cache Storage tabs: a response may have set a cookie.
  if (withCookies) await sweepCookies(api, engine, domains, sites).catch((e: unknown) => failures.push(e));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, 'site data could not be removed completely');
}

/**
 * Remove the cookies in scope that the bulk call could not reach. One read of every store (a filtered
 * `getAll` walks the whole store anyway: docs/benchmarks.md), filtered here.
 */
async function sweepCookies(
  api: WebExtApi,
  engine: Engine,
  domains: string[],
  sites: string[],
): Promise<void> {
  const domainSet = new Set(domains);
  const siteSet = new Set(sites);
  const inScope = (c: CookieRecord) =>
    domainSet.has(registrableDomain(c.domain)) ||
    siteSet.has(c.partitionKey?.topLevelSite ?? '') ||
    domainSet.has(c.firstPartyDomain ?? '');
  const all = await findAllCookies(api, engine, {});
  const leftovers = all.filter(inScope);
  const errors = await removeKnownCookies(api, engine, leftovers, all);
  if (errors.length > 0) {
    throw new AggregateError(
      errors,
      `${errors.length} of ${leftovers.length} remaining cookies could not be removed`,
    );
  }
}
