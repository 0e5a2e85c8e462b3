/**
 * Injected trouble for the fake browser: calls that reject (before or after doing their work) and data
 * that survives removal, plus a per-method call count.
 */

import type { CookieRecord } from '@/utils/browser-data/port';
import type { FailOptions, PortMethod } from './fake-port-types';
import type { SiteDataItem } from './fake-site-data';

export function createTrouble() {
  const failures = new Map<PortMethod, { times: number; afterEffect: boolean; error?: Error }>();
  const calls = new Map<PortMethod, number>();
  const stickyCookies = new Set<(cookie: CookieRecord) => boolean>();
  const stickyItems = new Set<(item: SiteDataItem) => boolean>();

  /** Count the call, then honour an injected failure before or after the work. */
  async function call<T>(method: PortMethod, work: () => T): Promise<T> {
    calls.set(method, (calls.get(method) ?? 0) + 1);
    const failure = failures.get(method);
    if (!failure) return work();
    failure.times--;
    if (failure.times <= 0) failures.delete(method);
    const error = failure.error ?? new Error(`fake ${method} failed (injected)`);
    if (failure.afterEffect) work();
    throw error;
  }

  return {
    call,
    cookieSticks: (cookie: CookieRecord) => [...stickyCookies].some((match) => match(cookie)),
    itemSticks: (item: SiteDataItem) => [...stickyItems].some((match) => match(item)),
    failNext(method: PortMethod, options: FailOptions = {}) {
      failures.set(method, {
        times: options.times ?? 1,
        afterEffect: options.afterEffect ?? false,
        ...(options.error ? { error: options.error } : {}),
      });
    },
    stickCookies(match: (cookie: CookieRecord) => boolean) {
      stickyCookies.add(match);
      return () => {
        stickyCookies.delete(match);
      };
    },
    stickSiteData(match: (item: SiteDataItem) => boolean) {
      stickyItems.add(match);
      return () => {
        stickyItems.delete(match);
      };
    },
    callCount: (method: PortMethod) => calls.get(method) ?? 0,
  };
}
