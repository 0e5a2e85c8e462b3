/**
 * Cookie stores, in both engines. Each store is a jar of its own (cookies and site storage): Chromium's regular
 * profile `'0'` and incognito `'1'`; Firefox's `firefox-default`, private browsing `firefox-private` and each
 * container `firefox-container-N`. A session group lives in one store, and its purge acts in that store only.
 *
 * A store id is kept (on a group, a plan, a tab's track) only when it is not the regular one: absent means the
 * regular store, so state and ledger entries written before stores were told apart read the same.
 */
import type { TabInfo } from './port';

/** The regular (not private, no container) store of each engine. */
export const REGULAR_STORE_IDS: readonly string[] = ['0', 'firefox-default'];
/** Chromium's incognito store (chrome.cookies `getAllCookieStores`; its tabs carry no store id). */
export const CHROME_INCOGNITO_STORE = '1';
/** Firefox's private-browsing store. */
export const FIREFOX_PRIVATE_STORE = 'firefox-private';

/** The store id as groups and plans keep it: undefined for the regular store. */
export function storeKey(storeId: string | undefined): string | undefined {
  return storeId === undefined || REGULAR_STORE_IDS.includes(storeId) ? undefined : storeId;
}

/** Two store ids name the same store (either may be the kept form, undefined for the regular store). */
export const sameStore = (a: string | undefined, b: string | undefined): boolean =>
  storeKey(a) === storeKey(b);

/** The store a tab's pages use, as groups keep it: Firefox names it; a Chromium incognito tab is in `'1'`. */
export function storeOfTab(tab: Pick<TabInfo, 'incognito' | 'cookieStoreId'>): string | undefined {
  if (tab.cookieStoreId !== undefined) return storeKey(tab.cookieStoreId);
  return tab.incognito ? CHROME_INCOGNITO_STORE : undefined;
}

/**
 * A store whose data lives in memory only and goes when its last window closes (Chromium incognito, Firefox
 * private browsing): after a browser restart nothing of it is left. Containers keep theirs on disk.
 */
export const isPrivateStore = (storeId: string | undefined): boolean =>
  storeId === CHROME_INCOGNITO_STORE || storeId === FIREFOX_PRIVATE_STORE;
