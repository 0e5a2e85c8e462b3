/**
 * How Firefox's `cookies` API is addressed (webext-cookies.ts has the mechanics both engines share):
 * - Firefox hides cookies with a first-party domain unless `firstPartyDomain: null` is passed, and
 *   throws without it while first-party isolation is on; a call about one cookie names its first-party
 *   domain (`''` when isolation is off).
 * - `getAllCookieStores()` lists only stores with open tabs; containers come from
 *   `contextualIdentities.query` (when that permission is granted).
 */
import type { CookieDialect } from './webext-cookies';

/** Firefox's regular cookie store (no container, not private browsing). */
export const FIREFOX_REGULAR_STORE = 'firefox-default';

export const firefoxCookies: CookieDialect = {
  async storeIds(api) {
    const ids = new Set((await api.cookies.getAllCookieStores()).map((s) => s.id));
    // Containers keep cookies after their last tab closed, but only then appear here.
    const containers = (await api.contextualIdentities?.query({}).catch(() => [])) ?? [];
    for (const c of containers) ids.add(c.cookieStoreId);
    return [...ids];
  },
  readAll: { firstPartyDomain: null },
  identify: (cookie) => ({ firstPartyDomain: cookie.firstPartyDomain ?? '' }),
  regularStoreId: FIREFOX_REGULAR_STORE,
};
