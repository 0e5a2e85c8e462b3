/** History by exact host, the same in both engines. */
import { hostnameOf } from './domains';
import type { HistoryEntry } from './port';
import type { WebExtApi } from './webext-api';

const HISTORY_MAX_RESULTS = 10_000;

export async function findHistory(
  api: WebExtApi,
  hosts: readonly string[],
  since: number,
): Promise<HistoryEntry[]> {
  const wanted = new Set(hosts.map((h) => h.toLowerCase()));
  const found = new Map<string, HistoryEntry>();
  // `text` matches anywhere in URL or title: search per host, keep exact-host hits.
  const results = await Promise.all(
    [...wanted].map((text) =>
      api.history.search({ text, startTime: since, maxResults: HISTORY_MAX_RESULTS }),
    ),
  );
  for (const item of results.flat()) {
    if (!item.url || found.has(item.url) || !wanted.has(hostnameOf(item.url) ?? '')) continue;
    // `startTime` is the last visit's lower bound in both engines; checked here too.
    if (item.lastVisitTime !== undefined && item.lastVisitTime < since) continue;
    found.set(item.url, {
      url: item.url,
      ...(item.title ? { title: item.title } : {}),
      ...(item.lastVisitTime !== undefined ? { lastVisitTime: item.lastVisitTime } : {}),
    });
  }
  return [...found.values()];
}
