/**
 * What the browser holds for the benchmark group, read from outside the extension: cookies (partitioned
 * ones included) over CDP, IndexedDB and Cache Storage usage over CDP, and — by visiting each origin — its
 * localStorage, IndexedDB databases and Cache Storage caches as the site itself would see them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { allCookies, type CdpCookie } from '../../harness/chromium';
import { GROUP_HOSTS, registrableOf, WIDGET_HOST } from './group';

const GROUP_DOMAINS = GROUP_HOSTS.map(registrableOf);
const GROUP_SITES = GROUP_DOMAINS.map((d) => `https://${d}`);

const bare = (d: string) => d.replace(/^\./, '');
const inDomain = (c: CdpCookie, d: string) => bare(c.domain) === d || bare(c.domain).endsWith(`.${d}`);

export interface CookieCounts {
  /** Cookies in the group's scope: a group domain's, or partitioned under a group site. */
  total: number;
  /** Per group host's registrable domain (every partition). */
  perDomain: Record<string, number>;
  partitioned: number;
  widget: number;
  /** Cookies outside the group's scope. */
  outside: number;
}

export async function groupCookies(context: BrowserContext): Promise<CookieCounts> {
  const cookies = await allCookies(context);
  const inScope = (c: CdpCookie) =>
    GROUP_DOMAINS.some((d) => inDomain(c, d)) ||
    GROUP_SITES.includes(c.partitionKey?.topLevelSite.replace(/:\d+$/, '') ?? '');
  const scoped = cookies.filter(inScope);
  return {
    total: scoped.length,
    perDomain: Object.fromEntries(GROUP_DOMAINS.map((d) => [d, scoped.filter((c) => inDomain(c, d)).length])),
    partitioned: scoped.filter((c) => c.partitionKey).length,
    widget: scoped.filter((c) => inDomain(c, registrableOf(WIDGET_HOST))).length,
    outside: cookies.length - scoped.length,
  };
}

/** Bytes of IndexedDB and Cache Storage the quota manager counts for the group's origins (CDP, read-only). */
export async function groupQuotaUsage(page: Page): Promise<{ indexedDB: number; cacheStorage: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const usage = await Promise.all(
      GROUP_HOSTS.map((h) => cdp.send('Storage.getUsageAndQuota', { origin: `https://${h}` })),
    );
    const sum = (type: string) =>
      usage
        .flatMap((u) => u.usageBreakdown)
        .filter((b) => b.storageType === type)
        .reduce((n, b) => n + b.usage, 0);
    return { indexedDB: sum('indexeddb'), cacheStorage: sum('cache_storage') };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export interface OriginStorage {
  host: string;
  localStorageKeys: number;
  indexedDbNames: string[];
  cacheNames: string[];
}

/** Visits each group origin (a page that sets nothing) and reads its storage from inside. */
export async function visitGroupStorage(
  context: BrowserContext,
  checkUrl: (host: string) => string,
): Promise<OriginStorage[]> {
  const tab = await context.newPage();
  try {
    const out: OriginStorage[] = [];
    for (const host of GROUP_HOSTS) {
      await tab.goto(checkUrl(host));
      const seen = await tab.evaluate(async () => ({
        localStorageKeys: localStorage.length,
        indexedDbNames: (await indexedDB.databases()).map((d) => d.name ?? ''),
        cacheNames: await caches.keys(),
      }));
      out.push({ host, ...seen });
    }
    return out;
  } finally {
    await tab.close();
  }
}

/** Unrelated cookies, as a lived-in profile has them: `count` cookies over 40 shops' domains (50 per domain at 2,000). */
export async function addUnrelatedCookies(context: BrowserContext, count: number): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('needs a Chromium context with a browser');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const expires = Math.floor(Date.now() / 1000) + 30 * 86_400;
    await cdp.send('Storage.setCookies', {
      cookies: Array.from({ length: count }, (_, i) => ({
        name: `pref${i}`,
        value: `v${i}-${'x'.repeat(20)}`,
        domain: i % 3 === 0 ? `www.butik${i % 40}.se` : `.butik${i % 40}.se`,
        path: '/',
        secure: i % 2 === 0,
        httpOnly: i % 5 === 0,
        sameSite: i % 2 === 0 ? ('None' as const) : ('Lax' as const),
        expires,
      })),
    });
  } finally {
    await cdp.detach().catch(() => {});
  }
}
