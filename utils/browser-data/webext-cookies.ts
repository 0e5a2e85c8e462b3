/**
 * Finding and removing cookies through `cookies.*` so that every store and partition is seen and only
 * the cookie asked for goes. Behaviour relied on (checked in Chromium 156 and Firefox ESR 153):
 * - `getAll({partitionKey: {}})` returns unpartitioned AND partitioned cookies; `{topLevelSite}` returns
 *   only that partition; without `partitionKey` only unpartitioned ones.
 * - Firefox hides cookies with a first-party domain unless `firstPartyDomain: null` is passed, and
 *   throws without it while first-party isolation is on.
 * - Firefox `getAllCookieStores()` lists only stores with open tabs; containers come from
 *   `contextualIdentities.query` (when that permission is granted).
 * - `cookies.remove({url, name})` works on the request URL: Chrome deletes every same-name cookie that
 *   URL would receive (the parent's domain cookie, shorter paths, and with a `partitionKey` the
 *   unpartitioned namesake too); Firefox deletes one of them. Hence the snapshot/restore in
 *   `removeExactCookie`. A secure cookie is not reachable through `http:`, so the URL is always https.
 */
import { stripDot } from './domains';
import { type CookieQuery, type CookieRecord, cookieIdentity } from './port';
import type { CookieGetAllDetails, CookieSetDetails, RawCookie, WebExtApi } from './webext-api';

export type Engine = 'chrome' | 'firefox';

/** Chromium's cookie store of the regular (not incognito) profile. */
const CHROME_REGULAR_STORE = '0';

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

export async function listStoreIds(api: WebExtApi, engine: Engine): Promise<string[]> {
  const ids = new Set((await api.cookies.getAllCookieStores()).map((s) => s.id));
  if (engine === 'firefox' && api.contextualIdentities) {
    // Containers keep cookies after their last tab closed, but only then appear here.
    const containers = await api.contextualIdentities.query({}).catch(() => []);
    for (const c of containers) ids.add(c.cookieStoreId);
  }
  return [...ids];
}

export async function findAllCookies(
  api: WebExtApi,
  engine: Engine,
  query: CookieQuery,
): Promise<CookieRecord[]> {
  const read = (storeId: string) =>
    api.cookies.getAll({
      storeId,
      partitionKey: query.topLevelSite !== undefined ? { topLevelSite: query.topLevelSite } : {},
      ...(query.domain !== undefined ? { domain: stripDot(query.domain) } : {}),
      ...(engine === 'firefox' ? { firstPartyDomain: null } : {}),
    });
  // Chromium's regular store is read at once, before any call made after this one reaches the browser: a
  // purge counts with this read while its bulk removal is already on the way (utils/purge/execute.ts).
  const regular = query.storeId === undefined && engine === 'chrome' ? read(CHROME_REGULAR_STORE) : undefined;
  regular?.catch(() => undefined); // (awaited below; a failure there is reported once, not as unhandled)
  const storeIds = query.storeId !== undefined ? [query.storeId] : await listStoreIds(api, engine);
  const perStore = await Promise.all(
    storeIds.map((storeId) => (regular && storeId === CHROME_REGULAR_STORE ? regular : read(storeId))),
  );
  if (regular && !storeIds.includes(CHROME_REGULAR_STORE)) perStore.push(await regular);
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
function reachDetails(
  engine: Engine,
  cookie: CookieRecord,
): CookieGetAllDetails & { url: string; name: string } {
  return {
    url: cookieUrl(cookie),
    name: cookie.name,
    storeId: cookie.storeId,
    ...(cookie.partitionKey ? { partitionKey: { ...cookie.partitionKey } } : {}),
    ...(engine === 'firefox' ? { firstPartyDomain: cookie.firstPartyDomain ?? '' } : {}),
  };
}

function restoreDetails(engine: Engine, cookie: CookieRecord): CookieSetDetails {
  return {
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
    ...(engine === 'firefox' ? { firstPartyDomain: cookie.firstPartyDomain ?? '' } : {}),
  };
}

/** One `cookies.remove` for this cookie's URL, name, store and partition: it takes same-name cookies along. */
function removeByUrl(api: WebExtApi, engine: Engine, cookie: CookieRecord): Promise<unknown> {
  const { url, name, storeId, partitionKey, firstPartyDomain } = reachDetails(engine, cookie);
  const removal = { url, name, storeId, ...(partitionKey ? { partitionKey } : {}) };
  return api.cookies.remove(
    typeof firstPartyDomain === 'string' ? { ...removal, firstPartyDomain } : removal,
  );
}

/**
 * Remove cookies the caller has just read with every other cookie of the browser (`all`). A cookie whose name
 * no cookie that stays carries (in its store) has nothing a removal could wrongly take along: one bare
 * `cookies.remove`. The others go through `removeExactCookie`. Names in parallel, each name's cookies one
 * after another (a removal reaches same-name cookies only).
 */
export async function removeKnownCookies(
  api: WebExtApi,
  engine: Engine,
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
        await (alone
          ? removeByUrl(api, engine, cookie)
          : removeExactCookie(api, engine, cookie, isDoomed)
        ).catch((error: unknown) => errors.push(error));
      }
    }),
  );
  return errors;
}

/**
 * Remove this cookie and no other. Same-name cookies the removal takes along are set again, except
 * those `doomed` says are going anyway.
 */
export async function removeExactCookie(
  api: WebExtApi,
  engine: Engine,
  cookie: CookieRecord,
  doomed: (c: CookieRecord) => boolean = () => false,
): Promise<void> {
  const details = reachDetails(engine, cookie);
  // Chrome's remove with a partition key also takes the unpartitioned namesake: look at both.
  const { partitionKey: _partition, ...unpartitioned } = details;
  const find = async () => {
    const raw = await Promise.all([
      api.cookies.getAll(details),
      ...(cookie.partitionKey ? [api.cookies.getAll(unpartitioned)] : []),
    ]);
    return raw.flat().map(toCookieRecord);
  };
  const before = await find();
  if (!before.some((c) => sameCookie(c, cookie))) return; // already gone
  const bystanders = before.filter((c) => !sameCookie(c, cookie));
  const remove = () => removeByUrl(api, engine, cookie);

  await remove();
  if (bystanders.length === 0) return;
  // Firefox may have taken a bystander instead: go again until ours is gone (each round takes one).
  let after = await find();
  for (let round = 0; round < bystanders.length && after.some((c) => sameCookie(c, cookie)); round++) {
    await remove();
    after = await find();
  }
  // Put back whatever went with it. Best effort: the cookie asked for is gone either way.
  const lost = bystanders.filter((b) => !doomed(b) && !after.some((c) => sameCookie(c, b)));
  await Promise.allSettled(lost.map((b) => api.cookies.set(restoreDetails(engine, b))));
}
