import { sendMessage } from '@/utils/messages';

/** Resources a page loads by script: where an e-service's API answers (other kinds are styles, fonts, images). */
const BY_SCRIPT = new Set(['fetch', 'xmlhttprequest']);

/**
 * Tells the background which other origins this protected page fetched from, as they appear (Resource Timing,
 * earlier ones included). Their HTTP cache goes with the group's: Chromium keys cached responses by their own
 * URL, so an API on a domain of its own keeps what it answered the person after the page's origin is cleared.
 */
export function reportFetchedOrigins(): void {
  if (typeof PerformanceObserver === 'undefined') return;
  const sent = new Set([location.origin]);
  const observer = new PerformanceObserver((list) => {
    const fresh: string[] = [];
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      if (!BY_SCRIPT.has(entry.initiatorType)) continue;
      let origin: string;
      try {
        origin = new URL(entry.name).origin;
      } catch {
        continue;
      }
      if (sent.has(origin) || !/^https?:/.test(origin)) continue;
      sent.add(origin);
      fresh.push(origin);
    }
    if (fresh.length) void sendMessage('fetchedOrigins', { origins: fresh }).catch(() => undefined);
  });
  observer.observe({ type: 'resource', buffered: true });
}
