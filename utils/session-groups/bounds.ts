/**
 * Bounds on the session state, applied where it is saved (utils/background/session-store.ts): storage.session
 * has a quota (Chrome: 10 MB), and a state that no longer fits is no longer saved — every later event of every
 * tab would be lost. So no page, however many long self-navigations it floods, can take the tracking of other
 * tabs down with it.
 *
 * What goes first is what protects least, so protection never weakens before it must:
 * 1. always: a URL longer than `MAX_URL_CHARS` is not kept (a cut URL names no history entry, so keeping a
 *    prefix would buy nothing; history of the group's hosts is still found by host), and a trail keeps at most
 *    `MAX_TRAIL_URLS` URLs (a group's list is bounded where it grows, `MAX_GROUP_URLS` in lists.ts), and a tab
 *    at most `MAX_RECENT` recent steps (bounded where they grow too, navigation.ts);
 * 2. over `STATE_BUDGET_CHARS` (serialized): the tabs' recent steps (only a domain that becomes protected
 *    while its tab is open needs them), the trails' URLs, then the groups' URLs, largest list first
 *    (only history of redirect hops, which no history search lists, depends on them);
 * 3. origins a group's hosts imply (`https://host`, `http://host`: the planner adds those itself);
 * 4. tab records with nothing in them but the host the tab is on (no group, trail or logout watch);
 * 5. last resort: a group's hosts become its registrable domains (largest group first) — the planner still
 *    clears cookies, storage, history and tabs of those sites. No group is ever dropped.
 */
import { registrableDomain } from '../rules/hostname';
import { MAX_GROUP_URLS } from './lists';
import { MAX_RECENT } from './navigation';
import type { SessionState } from './types';

/** A URL longer than this is not stored. */
export const MAX_URL_CHARS = 2048;
/** URLs a trail keeps (a login round trip passes a handful of pages). */
export const MAX_TRAIL_URLS = 50;
/** The whole state, serialized, stays under this (about 1 MB; the quota is 10 MB). */
export const STATE_BUDGET_CHARS = 1_000_000;

const size = (s: SessionState) => JSON.stringify(s).length;
const fits = (url: string) => url.length <= MAX_URL_CHARS;

/** Step 1 is needed: some URL is too long or some list too long. */
function overLimits(s: SessionState): boolean {
  for (const g of Object.values(s.groups))
    if (g.urls && (g.urls.length > MAX_GROUP_URLS || !g.urls.every(fits))) return true;
  for (const t of Object.values(s.tabs))
    if (t.trail?.urls && (t.trail.urls.length > MAX_TRAIL_URLS || !t.trail.urls.every(fits))) return true;
  for (const steps of Object.values(s.recent ?? {})) if (steps.length > MAX_RECENT) return true;
  return false;
}

/** The state within its bounds; the same object when it already is. Never drops a group. */
export function boundState(state: SessionState): SessionState {
  if (!overLimits(state) && size(state) <= STATE_BUDGET_CHARS) return state;
  const s = structuredClone(state);
  const groups = Object.values(s.groups);
  const tracks = Object.values(s.tabs);

  for (const g of groups) if (g.urls) g.urls = g.urls.filter(fits).slice(0, MAX_GROUP_URLS);
  for (const t of tracks)
    if (t.trail?.urls) t.trail.urls = t.trail.urls.filter(fits).slice(0, MAX_TRAIL_URLS);
  for (const [id, steps] of Object.entries(s.recent ?? {})) s.recent![id] = steps.slice(-MAX_RECENT);
  if (size(s) <= STATE_BUDGET_CHARS) return s;

  delete s.recent;
  if (size(s) <= STATE_BUDGET_CHARS) return s;

  for (const t of tracks) if (t.trail) delete t.trail.urls;
  if (size(s) <= STATE_BUDGET_CHARS) return s;

  const byUrls = [...groups].sort((a, b) => (b.urls?.length ?? 0) - (a.urls?.length ?? 0));
  for (const g of byUrls) {
    if (!g.urls?.length) break;
    delete g.urls;
    if (size(s) <= STATE_BUDGET_CHARS) return s;
  }

  for (const g of groups) {
    const implied = new Set(g.hosts.flatMap((h) => [`https://${h}`, `http://${h}`]));
    g.origins = g.origins.filter((o) => !implied.has(o));
  }
  if (size(s) <= STATE_BUDGET_CHARS) return s;

  for (const [key, t] of Object.entries(s.tabs)) if (!t.groupId && !t.trail && !t.logout) delete s.tabs[key];
  if (size(s) <= STATE_BUDGET_CHARS) return s;

  const byHosts = [...groups].sort((a, b) => b.hosts.length - a.hosts.length);
  for (const g of byHosts) {
    const sites = [...new Set(g.hosts.map(registrableDomain))];
    if (sites.length >= g.hosts.length) continue;
    g.hosts = sites;
    g.origins = g.origins.filter((o) => sites.includes(new URL(o).hostname));
    if (size(s) <= STATE_BUDGET_CHARS) return s;
  }
  return s;
}
