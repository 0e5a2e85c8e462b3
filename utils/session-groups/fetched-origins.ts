/**
 * Other sites a group's pages fetched from (an API on a domain of its own), reported by the page's content
 * script. Chromium keys the HTTP cache by the resource's URL, so these origins' cache goes with the group —
 * nothing else of theirs.
 *
 * The report comes from a web page's world, so a page names these origins: they are bounded (per report and
 * per group), must be plain web origins, and live in storage.session only, never on disk
 * (utils/background/session-store.ts `ledgerEntry`).
 */
import { currentGroupOf } from './membership';
import type { SessionState } from './types';

/** At most this many other origins per group: a page that fetches from everywhere cannot grow the state without end. */
export const MAX_FETCHED_ORIGINS = 100;
/** At most this many origins are read from one report (the message handler in utils/background/wire.ts). */
export const MAX_REPORTED_ORIGINS = 50;
/** `https://` + a hostname of at most 253 characters + `:65535`, with room to spare. */
export const MAX_ORIGIN_LENGTH = 270;

/**
 * A web origin exactly as `URL.origin` writes it: `http:` or `https:`, a host, an optional port — no user or
 * password, no path, query or fragment, not opaque (`null`), not longer than `MAX_ORIGIN_LENGTH`.
 */
export function isReportableOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_ORIGIN_LENGTH) return false;
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && u.origin === value;
}

/**
 * A page of the tab's group fetched from other origins: they are remembered for the HTTP cache only. Entries
 * that are not plain web origins (`isReportableOrigin`) and origins the group already has are left out, and
 * the group keeps at most `MAX_FETCHED_ORIGINS`. A tab in no group changes nothing.
 */
export function onFetchedOrigins(s: SessionState, tabId: number, reported: readonly unknown[]): SessionState {
  const g = currentGroupOf(s, tabId);
  if (!g) return s;
  const known = new Set([...g.origins, ...(g.fetchedOrigins ?? [])]);
  const fresh = [...new Set(reported.filter(isReportableOrigin))]
    .filter((o) => !known.has(o))
    .slice(0, Math.max(0, MAX_FETCHED_ORIGINS - (g.fetchedOrigins?.length ?? 0)));
  if (!fresh.length) return s;
  const next = structuredClone(s);
  next.groups[g.id]!.fetchedOrigins = [...(g.fetchedOrigins ?? []), ...fresh];
  return next;
}
