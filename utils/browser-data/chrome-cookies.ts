/**
 * How Chromium's `cookies` API is addressed (webext-cookies.ts has the mechanics both engines share).
 * Chromium knows no first-party isolation, and `getAllCookieStores` lists every store in use: the
 * regular profile `'0'` and, while an incognito window is open, `'1'`.
 */
import type { CookieDialect } from './webext-cookies';

/** Chromium's cookie store of the regular (not incognito) profile. */
export const CHROME_REGULAR_STORE = '0';

export const chromeCookies: CookieDialect = {
  storeIds: async (api) => (await api.cookies.getAllCookieStores()).map((s) => s.id),
  readAll: {},
  identify: () => ({}),
  // The regular profile holds nearly every cookie: its read starts before the store list is known.
  eagerStoreId: CHROME_REGULAR_STORE,
  regularStoreId: CHROME_REGULAR_STORE,
};
