/**
 * Finding and removing cookies through `cookies.*` so that every store and partition is seen and only
 * the cookie asked for goes. The mechanics are the same in both engines; how each engine's API must be
 * addressed is its `CookieDialect` (chrome-cookies.ts, firefox-cookies.ts). Behaviour relied on
 * (checked in Chromium 156 and Firefox ESR 153):
 * - `getAll({partitionKey: {}})` returns unpartitioned AND partitioned cookies; `{topLevelSite}` returns
 *   only that partition; without `partitionKey` only unpartitioned ones.
 * - `cookies.remove({url, name})` works on the request URL: Chrome deletes every same-name cookie that
 *   URL would receive (the parent's domain cookie, shorter paths, and with a `partitionKey` the
 *   unpartitioned namesake too); Firefox deletes one of them. Hence the snapshot/restore in
 *   `removeExact`. A secure cookie is not reachable through `http:`, so the URL is always https.
 */
import { registrableDomain, stripDot } from './domains';
import { type CookieQuery, type CookieRecord, cookieIdentity } from './port';
import type {
  CookieDetails,
  CookieGetAllDetails,
  CookieSetDetails,
  RawCookie,
  WebExtApi,
} from './webext-api';

/** How one engine's `cookies` API must be addressed. */
export interface CookieDialect {
  /** The cookie stores to read when a query names none. */
  storeIds(api: WebExtApi): Promise<string[]>;
  /** Added to every read of a store: which first-party domains to see. */
  readonly readAll: Pick<CookieGetAllDetails, 'firstPartyDomain'>;
  /** Added to every call about one cookie (`getAll` by URL and name, `remove`, `set`). */
  identify(cookie: CookieRecord): Pick<CookieDetails, 'firstPartyDomain'>;
  /**
   * A store read at once when a query names none, before the list of stores is known, so that the read
   * reaches the browser ahead of any call made after it.
   */
  readonly eagerStoreId?: string;
  /** The engine's regular store: what a sweep for the regular store (no `storeId`) reads. */
  readonly regularStoreId: string;
}

export interface WebExtCookies {
  find(query: CookieQuery): Promise<CookieRecord[]>;
  /**
   * Remove this cookie and no other. Same-name cookies the removal takes along are set again, except
   * those `doomed` says are going anyway.
   */
  removeExact(cookie: CookieRecord, doomed?: (c: CookieRecord) => boolean): Promise<void>;
  /**
   * Remove cookies the caller has just read with every other cookie of the browser (`all`); resolves with
   * the errors of the removals that failed.
   */
  removeKnown(doomed: readonly CookieRecord[], all: readonly CookieRecord[]): Promise<unknown[]>;
  /**
   * Remove every cookie still left of these registrable domains, partitioned under these sites, or
   * isolated under these domains (Firefox first-party isolation): what a bulk removal could not reach. In one
   * cookie store (undefined: the regular one); other stores' cookies stay.
   */
  sweep(domains: readonly string[], sites: readonly string[], storeId?: string): Promise<void>;
}

const SAME_SITE = new Set(['no_restriction', 'lax', 'strict', 'unspecified']);

export function toCookieRecord(raw: RawCookie): CookieRecord {
  return {
    name: raw.name,
    value: raw.value,
    domain: raw.domain,
    hostOnly: raw.hostOnly,
    path: raw.path,
    secure: raw.secure,
    httpOnly: raw.httpOnly,
    sameSite: SAME_SITE.has(raw.sameSite ?? '') ? (raw.sameSite as CookieRecord['sameSite']) : 'unspecified',
    session: raw.session,
    storeId: raw.storeId,
    ...(raw.expirationDate !== undefined ? { expirationDate: raw.expirationDate } : {}),
    ...(raw.partitionKey?.topLevelSite ? { partitionKey: { ...raw.partitionKey } } : {}),
    ...(typeof raw.firstPartyDomain === 'string' ? { firstPartyDomain: raw.firstPartyDomain } : {}),
  };
}

/** A URL that the cookie is sent to: https (reaches secure and non-secure cookies), its host, its path. */
export function cookieUrl(cookie: Pick<CookieRecord, 'domain' | 'path'>): string {
  const path = cookie.path.startsWith('/') ? cookie.path : `/${cookie.path}`;
  return `https://${stripDot(cookie.domain)}${path}`;
}

export function sameCookie(a: CookieRecord, b: CookieRecord): boolean {
  return cookieIdentity(a) === cookieIdentity(b);
}

export function createWebExtCookies(api: WebExtApi, dialect: CookieDialect): WebExtCookies {
  async function find(query: CookieQuery): Promise<CookieRecord[]> {
    const read = (storeId: string) =>
      api.cookies.getAll({
        storeId,
        partitionKey: query.topLevelSite !== undefined ? { topLevelSite: query.topLevelSite } : {},
        ...(query.domain !== undefined ? { domain: stripDot(query.domain) } : {}),
        ...dialect.readAll,
      });
    // A purge counts with a read of every cookie while its bulk removal is already on the way
    // (utils/purge/execute.ts): the eager store is read before anything asked for after this call.
    const eagerId = query.storeId === undefined ? dialect.eagerStoreId : undefined;
    const eager = eagerId !== undefined ? read(eagerId) : undefined;
    eager?.catch(() => undefined); // (awaited below; a failure there is reported once, not as unhandled)
    const storeIds = query.storeId !== undefined ? [query.storeId] : await dialect.storeIds(api);
    const perStore = await Promise.all(
      storeIds.map((storeId) => (eager && storeId === eagerId ? eager : read(storeId))),
    ).catch(async (error: unknown): Promise<RawCookie[][]> => {
      // A store asked for by name that is gone (the last private window closed: Chromium rejects its id) holds
      // nothing; any other failure is one.
      if (query.storeId !== undefined && !(await dialect.storeIds(api)).includes(query.storeId)) return [];
      throw error;
    });
    if (eager && eagerId !== undefined && !storeIds.includes(eagerId)) perStore.push(await eager);
    // A Map, not a scan per cookie: a lived-in profile holds thousands (docs/benchmarks.md).
    const found = new Map<string, CookieRecord>();
    for (const raw of perStore.flat()) {
      const cookie = toCookieRecord(raw);
      if (query.topLevelSite !== undefined && cookie.partitionKey?.topLevelSite !== query.topLevelSite)
        continue;
      const key = cookieIdentity(cookie);
      if (!found.has(key)) found.set(key, cookie);
    }
    return [...found.values()];
  }

  /** The same-name cookies a `cookies.remove` for this cookie's URL can reach (the cookie itself included). */
  const reachDetails = (cookie: CookieRecord): CookieGetAllDetails & { url: string; name: string } => ({
    url: cookieUrl(cookie),
    name: cookie.name,
    storeId: cookie.storeId,
    ...(cookie.partitionKey ? { partitionKey: { ...cookie.partitionKey } } : {}),
    ...dialect.identify(cookie),
  });

  const restoreDetails = (cookie: CookieRecord): CookieSetDetails => ({
    url: cookieUrl(cookie),
    name: cookie.name,
    value: cookie.value,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    storeId: cookie.storeId,
    ...(cookie.hostOnly ? {} : { domain: cookie.domain }),
    ...(cookie.expirationDate !== undefined ? { expirationDate: cookie.expirationDate } : {}),
    ...(cookie.partitionKey ? { partitionKey: { ...cookie.partitionKey } } : {}),
    ...dialect.identify(cookie),
  });

  /** One `cookies.remove` for this cookie's URL, name, store and partition: it takes same-name cookies along. */
  const removeByUrl = (cookie: CookieRecord): Promise<unknown> =>
    api.cookies.remove({
      url: cookieUrl(cookie),
      name: cookie.name,
      storeId: cookie.storeId,
      ...(cookie.partitionKey ? { partitionKey: { ...cookie.partitionKey } } : {}),
      ...dialect.identify(cookie),
    });

  async function removeExact(
    cookie: CookieRecord,
    doomed: (c: CookieRecord) => boolean = () => false,
  ): Promise<void> {
    const details = reachDetails(cookie);
    // Chrome's remove with a partition key also takes the unpartitioned namesake: look at both.
    const { partitionKey: _partition, ...unpartitioned } = details;
    const look = async () => {
      const raw = await Promise.all([
        api.cookies.getAll(details),
        ...(cookie.partitionKey ? [api.cookies.getAll(unpartitioned)] : []),
      ]);
      return raw.flat().map(toCookieRecord);
    };
    const before = await look();
    if (!before.some((c) => sameCookie(c, cookie))) return; // already gone
    const bystanders = before.filter((c) => !sameCookie(c, cookie));

    await removeByUrl(cookie);
    if (bystanders.length === 0) return;
    // Firefox may have taken a bystander instead: go again until ours is gone (each round takes one).
    let after = await look();
    for (let round = 0; round < bystanders.length && after.some((c) => sameCookie(c, cookie)); round++) {
      await removeByUrl(cookie);
      after = await look();
    }
    // Put back whatever went with it. Best effort: the cookie asked for is gone either way.
    const lost = bystanders.filter((b) => !doomed(b) && !after.some((c) => sameCookie(c, b)));
    await Promise.allSettled(lost.map((b) => api.cookies.set(restoreDetails(b))));
  }

  /**
   * A cookie whose name no cookie that stays carries (in its store) has nothing a removal could wrongly
   * take along: one bare `cookies.remove`. The others go through `removeExact`. Names in parallel, each
   * name's cookies one after another (a removal reaches same-name cookies only).
   */
  async function removeKnown(
    doomed: readonly CookieRecord[],
    all: readonly CookieRecord[],
  ): Promise<unknown[]> {
    const nameKey = (c: CookieRecord) => `${c.storeId}\u0000${c.name}`;
    const doomedIds = new Set(doomed.map(cookieIdentity));
    const isDoomed = (c: CookieRecord) => doomedIds.has(cookieIdentity(c));
    // Names that some cookie which must stay also carries (in the same store).
    const kept = new Set(all.filter((c) => !isDoomed(c)).map(nameKey));
    const byName = new Map<string, CookieRecord[]>();
    for (const c of doomed) byName.set(nameKey(c), [...(byName.get(nameKey(c)) ?? []), c]);
    const errors: unknown[] = [];
    await Promise.all(
      [...byName].map(async ([key, sameName]) => {
        for (const cookie of sameName) {
          const alone = !kept.has(key);
          await (alone ? removeByUrl(cookie) : removeExact(cookie, isDoomed)).catch((error: unknown) =>
            errors.push(error),
          );
        }
      }),
    );
    return errors;
  }

  /** One read of every store (a filtered `getAll` walks the whole store anyway: docs/benchmarks.md), filtered here. */
  async function sweep(
    domains: readonly string[],
    sites: readonly string[],
    storeId?: string,
  ): Promise<void> {
    const domainSet = new Set(domains);
    const siteSet = new Set(sites);
    const inScope = (c: CookieRecord) =>
      domainSet.has(registrableDomain(c.domain)) ||
      siteSet.has(c.partitionKey?.topLevelSite ?? '') ||
      domainSet.has(c.firstPartyDomain ?? '');
    const all = await find({ storeId: storeId ?? dialect.regularStoreId });
    const leftovers = all.filter(inScope);
    const errors = await removeKnown(leftovers, all);
    if (errors.length > 0) {
      throw new AggregateError(
        errors,
        `${errors.length} of ${leftovers.length} remaining cookies could not be removed`,
      );
    }
  }

  return { find, removeExact, removeKnown, sweep };
}
