/**
 * Other sites a group's pages fetched from (an API on a domain of its own), reported by the page's content
 * script. Chromium keys the HTTP cache by the resource's URL, so these origins' cache goes with the group —
 * nothing else of theirs.
 */
import { webOrigin } from '../rules/hostname';
import { currentGroupOf } from './membership';
import type { SessionState } from './types';

/** At most this many other origins per group: a page that fetches from everywhere cannot grow the state without end. */
export const MAX_FETCHED_ORIGINS = 100;

/**
 * A page of the tab's group fetched from other origins: they are remembered for the HTTP cache only. Origins
 * the group already has, or that are not web origins, are left out; a tab in no group changes nothing.
 */
export function onFetchedOrigins(s: SessionState, tabId: number, reported: readonly string[]): SessionState {
  const g = currentGroupOf(s, tabId);
  if (!g) return s;
  const known = new Set([...g.origins, ...(g.fetchedOrigins ?? [])]);
  const fresh = [
    ...new Set(reported.map(webOrigin).filter((o): o is string => o !== null && !known.has(o))),
  ].slice(0, Math.max(0, MAX_FETCHED_ORIGINS - (g.fetchedOrigins?.length ?? 0)));
  if (!fresh.length) return s;
  const next = structuredClone(s);
  next.groups[g.id]!.fetchedOrigins = [...(g.fetchedOrigins ?? []), ...fresh];
  return next;
}
