/**
 * Firefox: Cache Storage of one site (the adapter's own business: the port contract only says what goes). `browsingData` has no `cacheStorage` key there, and its
 * `indexedDB`/`localStorage` removals clear only their own QuotaManager clients (ext-browsingData.js,
 * checked in ESR 153), so only a document of the origin can empty it (`caches.delete`):
 *
 * - a live tab of the origin runs the script in every frame — before the port closes it, or while it
 *   stays open (`clearTabStorage`); what went is remembered for a minute;
 * - an origin without a live tab gets a tab of its own: opened in the background, in the cookie store
 *   that used the origin, at `/robots.txt` (plain text as a rule: no site script runs), the script runs,
 *   the tab closes and its history entry is removed. This is the extension's only request of its own;
 *   it is made after the group's cookies are gone, so it carries none. (A web iframe in the background
 *   page would stay invisible, but `X-Frame-Options`/`frame-ancestors` refuse it — checked in ESR 153 —
 *   and sites that handle logins send those.) Events of these tabs are not the person's browsing:
 *   `isOwnTab` tells the background so (firefox-port.ts hands it out beside the port), and the port's
 *   `listTabs` leaves them out.
 *
 * Which origins: https only (Cache Storage needs a secure context), in the stores where a cookie of the
 * group was sent to the origin's host (evidence that a page of it ran there); the private store is skipped
 * (its data lives in memory and goes with the last private window).
 */
import { cookieDomainMatches, stripDot } from './domains';
import type { CookieRecord } from './port';
import type { WebExtApi } from './webext-api';
import { clearFrameStorage, clearTabStorage, type FrameCleared, withTimeout } from './webext-tab-storage';

const REMEMBER_MS = 60_000;
const LOAD_TIMEOUT_MS = 15_000;
/** A purge never waits longer than this for one origin (a tab that hangs is closed and reported). */
const ORIGIN_TIMEOUT_MS = 20_000;
const POLL_MS = 50;
export const PRIVATE_STORE = 'firefox-private';

export interface CacheTarget {
  origin: string;
  storeId: string;
}

const key = (t: CacheTarget) => `${t.storeId} ${t.origin}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Would this (unpartitioned) cookie be sent to `host`? */
function sentToHost(cookie: CookieRecord, host: string): boolean {
  if (cookie.partitionKey?.topLevelSite) return false;
  return cookie.hostOnly ? stripDot(cookie.domain) === host : cookieDomainMatches(host, cookie.domain);
}

/**
 * The (origin, store) pairs whose Cache Storage may hold the group's data: https origins, in every
 * store where a group cookie was sent to the host. The planner lists each host also without its port;
 * when the same host comes with an explicit port, that is the origin in use and the bare one is left out.
 */
export function cacheStorageTargets(
  origins: readonly string[],
  cookies: readonly CookieRecord[],
): CacheTarget[] {
  const https = origins.map((o) => new URL(o)).filter((u) => u.protocol === 'https:');
  const ported = new Set(https.filter((u) => u.port !== '').map((u) => u.hostname));
  const targets = new Map<string, CacheTarget>();
  for (const u of https) {
    if (u.port === '' && ported.has(u.hostname)) continue;
    for (const c of cookies) {
      if (c.storeId === PRIVATE_STORE || !sentToHost(c, u.hostname)) continue;
      const t = { origin: u.origin, storeId: c.storeId };
      targets.set(key(t), t);
    }
  }
  return [...targets.values()];
}

export interface CacheStorageCleaner {
  /** A tab the port opened for its own work: its events are not the person's browsing. */
  isOwnTab(tabId: number): boolean;
  /** Clears a live tab (all frames) and remembers what went. */
  clearLiveTab(tabId: number, storeId: string | undefined): Promise<FrameCleared | undefined>;
  /** Empties Cache Storage of each target not cleared through a live tab; rejects with what failed. */
  clearOrigins(targets: readonly CacheTarget[]): Promise<void>;
}

export function createCacheStorageCleaner(
  api: WebExtApi,
  now: () => number = Date.now,
  defaultStoreId = 'firefox-default',
): CacheStorageCleaner {
  const ownTabs = new Set<number>();
  const clearedAt = new Map<string, number>();

  const remember = (origin: string, storeId: string | undefined) =>
    clearedAt.set(key({ origin, storeId: storeId ?? defaultStoreId }), now());
  const recentlyCleared = (t: CacheTarget) => now() - (clearedAt.get(key(t)) ?? -Infinity) < REMEMBER_MS;

  async function liveTargets(): Promise<Set<string>> {
    const live = new Set<string>();
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined || ownTabs.has(tab.id) || !tab.url) continue;
      try {
        live.add(key({ origin: new URL(tab.url).origin, storeId: tab.cookieStoreId ?? defaultStoreId }));
      } catch {
        // not a URL with an origin
      }
    }
    return live;
  }

  async function loaded(tabId: number): Promise<void> {
    const deadline = now() + LOAD_TIMEOUT_MS;
    for (;;) {
      const tab = await api.tabs.get(tabId);
      if (tab.status === 'complete' && tab.url && tab.url !== 'about:blank') return;
      if (now() > deadline) throw new Error(`did not load within ${LOAD_TIMEOUT_MS} ms`);
      await sleep(POLL_MS);
    }
  }

  async function clearInOwnTab(target: CacheTarget): Promise<void> {
    const url = `${target.origin}/robots.txt`;
    const tab = await withTimeout(
      api.tabs.create({
        url: 'about:blank',
        active: false,
        ...(target.storeId !== defaultStoreId ? { cookieStoreId: target.storeId } : {}),
      }),
      ORIGIN_TIMEOUT_MS,
    );
    const tabId = tab.id;
    if (tabId === undefined) throw new Error(`${target.origin}: no tab`);
    ownTabs.add(tabId); // before it requests anything
    const clear = async () => {
      await api.tabs.update(tabId, { url });
      await loaded(tabId);
      const [top] = await api.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: clearFrameStorage,
        args: [true],
      });
      if (top?.result?.origin !== target.origin || !top.result.cleared.includes('cacheStorage'))
        throw new Error('Cache Storage could not be reached');
      remember(target.origin, target.storeId);
    };
    try {
      await withTimeout(clear(), ORIGIN_TIMEOUT_MS);
    } catch (error) {
      throw new Error(
        `${target.origin} (${target.storeId}): ${error instanceof Error ? error.message : error}`,
      );
    } finally {
      await withTimeout(api.tabs.remove(tabId), 5000).catch(() => undefined);
      await withTimeout(api.history.deleteUrl({ url }), 5000).catch(() => undefined);
    }
  }

  return {
    isOwnTab: (tabId) => ownTabs.has(tabId),

    async clearLiveTab(tabId, storeId) {
      const top = await clearTabStorage(api, tabId, { cacheStorage: true });
      if (top?.cleared.includes('cacheStorage')) remember(top.origin, storeId);
      return top;
    },

    async clearOrigins(targets) {
      const live = await liveTargets();
      // A live tab of the origin is cleared by the purge itself (kept tabs) or was before it closed.
      const todo = targets.filter((t) => !live.has(key(t)) && !recentlyCleared(t));
      const results = await Promise.allSettled(todo.map(clearInOwnTab));
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      if (errors.length) {
        const what = errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ');
        throw new AggregateError(errors, `Cache Storage could not be cleared: ${what}`);
      }
    },
  };
}
