/**
 * What the purge benchmark runs inside an extension page (popup.html opened as a tab): the timed purge, the
 * timed floor, and reads of the extension's state. Functions passed to `page.evaluate` are serialised, so
 * each is self-contained; the `chrome` slice they use is typed here.
 */
import type { Page } from 'playwright-core';
import type { PurgeReport } from '@/utils/purge/types';
import type { Settings } from '@/utils/settings';

interface RawCookie {
  name: string;
  domain: string;
  path: string;
  storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
}

interface ChromeSlice {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: { set(items: Record<string, unknown>): Promise<void> };
    session: { get(): Promise<Record<string, unknown>> };
  };
  browsingData: {
    remove(
      options: { origins: string[]; originTypes: { unprotectedWeb: boolean; protectedWeb: boolean } },
      kinds: Record<string, boolean>,
    ): Promise<void>;
  };
  cookies: {
    getAll(details: { domain?: string; partitionKey: { topLevelSite?: string } }): Promise<RawCookie[]>;
    remove(details: {
      url: string;
      name: string;
      storeId: string;
      partitionKey?: RawCookie['partitionKey'];
    }): Promise<unknown>;
  };
  history: {
    search(query: { text: string; startTime: number; maxResults: number }): Promise<{ url?: string }[]>;
    deleteUrl(details: { url: string }): Promise<void>;
  };
}

export interface TimedPurge {
  ms: number;
  report: PurgeReport;
}

/** (a) The extension's purge: `logOutAll` from this page until the report comes back. */
export function timePurge(page: Page): Promise<TimedPurge> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeSlice }).chrome;
    const t0 = performance.now();
    const report = (await chrome.runtime.sendMessage({ type: 'logOutAll', data: {} })) as PurgeReport;
    return { ms: performance.now() - t0, report };
  });
}

export interface FloorScope {
  /** The origins the extension's plan clears (https and http of every host and protected domain). */
  origins: string[];
  /** The group's hosts (for history). */
  hosts: string[];
  /** Registrable domains whose cookies go. */
  domains: string[];
  /** `https://<registrable domain>` of every group site: cookies partitioned under them go too. */
  sites: string[];
}

export interface TimedFloor {
  ms: number;
  /** When the origin-wide `browsingData.remove` resolved (ms from start). */
  browsingDataMs: number;
  /** When the history entries were gone (ms from start; runs beside browsingData). */
  historyMs: number;
  historyRemoved: number;
  /** Cookies the origin-wide call left (other domains' cookies partitioned under the group's sites). */
  removedOneByOne: number;
  /** Cookie lookups made (one; two when something had to go one by one and was checked again). */
  lookups: number;
  leftAfter: number;
}

/**
 * (b) The floor: the bare browser calls that leave the same state as the purge — one origin-wide
 * `browsingData.remove` (same origins, same data kinds) beside the history removal (search per host, delete
 * what is on the host), then one cookie lookup, the one-by-one removal of what the origin-wide call missed
 * (other domains' cookies partitioned under the group's sites) and a re-check.
 */
export function timeFloor(page: Page, scope: FloorScope): Promise<TimedFloor> {
  return page.evaluate(async (a) => {
    const chrome = (globalThis as unknown as { chrome: ChromeSlice }).chrome;
    const kinds = {
      cookies: true,
      localStorage: true,
      indexedDB: true,
      cacheStorage: true,
      serviceWorkers: true,
      fileSystems: true,
      webSQL: true,
      cache: true,
    };
    const t0 = performance.now();
    let browsingDataMs = 0;
    let historyMs = 0;
    let historyRemoved = 0;
    await Promise.all([
      chrome.browsingData
        .remove({ origins: a.origins, originTypes: { unprotectedWeb: true, protectedWeb: true } }, kinds)
        .then(() => {
          browsingDataMs = performance.now() - t0;
        }),
      (async () => {
        const found = await Promise.all(
          a.hosts.map((text) => chrome.history.search({ text, startTime: 0, maxResults: 10_000 })),
        );
        const urls = new Set<string>();
        for (const e of found.flat()) if (e.url && a.hosts.includes(new URL(e.url).hostname)) urls.add(e.url);
        await Promise.all([...urls].map((url) => chrome.history.deleteUrl({ url })));
        historyRemoved = urls.size;
        historyMs = performance.now() - t0;
      })(),
    ]);
    const bare = (d: string) => d.replace(/^\./, '');
    const inScope = (c: RawCookie) =>
      a.domains.some((d) => bare(c.domain) === d || bare(c.domain).endsWith(`.${d}`)) ||
      a.sites.includes(c.partitionKey?.topLevelSite ?? '');
    let lookups = 0;
    // One walk of the store per check: Chromium answers every `getAll` without a url by going through the
    // whole cookie store, so one call filtered here costs less than one call per domain and site.
    const check = async () => {
      lookups++;
      return (await chrome.cookies.getAll({ partitionKey: {} })).filter(inScope);
    };
    let left = await check();
    const removedOneByOne = left.length;
    if (left.length > 0) {
      await Promise.all(
        left.map((c) =>
          chrome.cookies.remove({
            url: `https://${bare(c.domain)}${c.path}`,
            name: c.name,
            storeId: c.storeId,
            ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
          }),
        ),
      );
      left = await check();
    }
    return {
      ms: performance.now() - t0,
      browsingDataMs,
      historyMs,
      historyRemoved,
      removedOneByOne,
      lookups,
      leftAfter: left.length,
    };
  }, scope);
}

/** The extension's `storage.session` (groups, pending purges…), read from its page. */
export function sessionStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (globalThis as unknown as { chrome: ChromeSlice }).chrome.storage.session.get());
}

/** Stores the user's settings as the options would (the bench lengthens the tab-close grace). */
export function saveSettings(page: Page, settings: Settings): Promise<void> {
  return page.evaluate(
    (s) => (globalThis as unknown as { chrome: ChromeSlice }).chrome.storage.local.set({ settings: s }),
    settings,
  );
}
