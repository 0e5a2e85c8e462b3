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
 *   registrable domains. Firefox has no per-site removal for the HTTP cache nor for Cache Storage, and
 *   no `cacheStorage`/`fileSystems`/`webSQL` keys at all (the call would be rejected).
 */
import { normalizeOrigin, registrableDomain, siteOf, stripDot } from './domains';
import type { CookieRecord, SiteDataKind } from './port';
import type { WebExtApi } from './webext-api';
import {
  type Engine,
  findAllCookies,
  findIsolatedUnder,
  removeExactCookie,
  sameCookie,
} from './webext-cookies';

const FIREFOX_HOSTNAME_KINDS: readonly SiteDataKind[] = ['localStorage', 'indexedDB', 'serviceWorkers'];

export async function removeSiteData(
  api: WebExtApi,
  engine: Engine,
  origins: readonly string[],
  kinds: readonly SiteDataKind[],
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
  } else {
    const storageKinds = kinds.filter((kind) => FIREFOX_HOSTNAME_KINDS.includes(kind));
    if (storageKinds.length > 0) {
      const hostnames = new Set(wanted.flatMap((o) => [new URL(o).hostname, new URL(o).host]));
      await api.browsingData.remove(
        { hostnames: [...hostnames] },
        Object.fromEntries(storageKinds.map((kind) => [kind, true])),
      );
    }
    if (withCookies) {
      const cookies = (
        await Promise.all(domains.map((domain) => findAllCookies(api, engine, { domain })))
      ).flat();
      const hosts = [...new Set(cookies.map((c) => stripDot(c.domain)))];
      if (hosts.length > 0) await api.browsingData.remove({ hostnames: hosts }, { cookies: true });
    }
    // Firefox cannot clear the HTTP cache per host (a `Cache-Control: private` page was still served from
    // it after a hostnames removal): clear the whole cache. Cache Storage is `clearTabStorage`'s job.
    if (kinds.includes('cache')) await api.browsingData.removeCache({});
  }

  if (withCookies) await sweepCookies(api, engine, domains, sites);
}

/** Remove, one by one, the cookies in scope that the bulk call could not reach. */
async function sweepCookies(
  api: WebExtApi,
  engine: Engine,
  domains: string[],
  sites: string[],
): Promise<void> {
  const found = await Promise.all([
    ...domains.map((domain) => findAllCookies(api, engine, { domain })),
    ...sites.map((topLevelSite) => findAllCookies(api, engine, { topLevelSite })),
    ...(engine === 'firefox' ? domains.map((domain) => findIsolatedUnder(api, domain)) : []),
  ]);
  const domainSet = new Set(domains);
  const siteSet = new Set(sites);
  const inScope = (c: CookieRecord) =>
    domainSet.has(registrableDomain(c.domain)) ||
    siteSet.has(c.partitionKey?.topLevelSite ?? '') ||
    domainSet.has(c.firstPartyDomain ?? '');
  const leftovers: CookieRecord[] = [];
  for (const c of found.flat()) if (inScope(c) && !leftovers.some((l) => sameCookie(l, c))) leftovers.push(c);
  const doomed = (c: CookieRecord) => leftovers.some((l) => sameCookie(l, c));
  // One at a time: removals of same-name cookies reach each other (see removeExactCookie).
  const errors: unknown[] = [];
  for (const cookie of leftovers) {
    await removeExactCookie(api, engine, cookie, doomed).catch((error: unknown) => errors.push(error));
  }
  if (errors.length > 0) {
    throw new AggregateError(
      errors,
      `${errors.length} of ${leftovers.length} remaining cookies could not be removed`,
    );
  }
}
