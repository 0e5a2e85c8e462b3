/**
 * The site's own logout as a trigger: a logout URL loading, or a click on a logout control, arms a watch on
 * the tab; when the page has loaded (or, after a click that loads nothing, the settle delay has passed) the
 * watch settles and says which group to purge. Pure: the background feeds it events and the clock, runs the
 * purge it names and schedules the settle timer.
 */
import { isLogoutUrl } from '../logout-detect';
import { groupInLogin } from './login-trail';
import { currentGroupOf, groupOfHost, isOnGroupSite } from './membership';
import type { Classify, SessionState } from './types';

/** How long after a click on a logout control we wait for the logout to load before purging anyway. */
export const LOGOUT_CLICK_SETTLE_MS = 4000;
/** A logout watch older than this is stale (the page never loaded). */
export const LOGOUT_WATCH_MAX_MS = 60_000;
/** The settle timer may fire a little before the clock says the delay is over: a settle this close counts. */
const TIMER_SLACK_MS = 50;

/**
 * A top-level navigation to `url` starts in the tab: a logout URL on a host of a group, or on one of the sites
 * of the tab's current group, arms the watch. Any logout URL the tab happens to open elsewhere does not end
 * the group.
 */
export function armLogoutNavigation(s: SessionState, tabId: number, url: string, now: number): SessionState {
  if (!isLogoutUrl(url) || !s.tabs[String(tabId)]) return s;
  const host = new URL(url).hostname;
  const current = currentGroupOf(s, tabId);
  const groupId =
    groupOfHost(s, host)?.id ?? (current && isOnGroupSite(current, host) ? current.id : undefined);
  if (!groupId) return s;
  const next = structuredClone(s);
  next.tabs[String(tabId)]!.logout = { groupId, phase: 'navigating', at: now };
  return next;
}

/**
 * The page reported a click on its logout control. Accepted when the tab is in a group and not already
 * watched; the caller then settles it after `LOGOUT_CLICK_SETTLE_MS` (a logout done by script loads nothing).
 */
export function armLogoutClick(
  s: SessionState,
  tabId: number,
  now: number,
): { state: SessionState; accepted: boolean } {
  const tab = s.tabs[String(tabId)];
  if (!tab?.groupId || tab.logout) return { state: s, accepted: false };
  const next = structuredClone(s);
  next.tabs[String(tabId)]!.logout = { groupId: tab.groupId, phase: 'clicked', at: now };
  return { state: next, accepted: true };
}

/**
 * The tab's top-level document finished loading (`timedOut` false), or the settle delay after a click ran out
 * (`timedOut` true). Says which group to purge, if any; the watch stays until the purge removes the group.
 */
export function settleLogout(
  s: SessionState,
  tabId: number,
  now: number,
  { timedOut }: { timedOut: boolean },
  classify: Classify,
): { state: SessionState; purge: string | null } {
  const watch = s.tabs[String(tabId)]?.logout;
  if (!watch) return { state: s, purge: null };
  const age = now - watch.at;
  // The page never loaded: the watch is stale.
  if (age > LOGOUT_WATCH_MAX_MS) return { state: withoutWatch(s, tabId), purge: null };
  // A settle timer of an earlier click (this watch was armed since): the page still has time to load.
  if (timedOut && age < LOGOUT_CLICK_SETTLE_MS - TIMER_SLACK_MS) return { state: s, purge: null };
  const group = s.groups[watch.groupId];
  if (!group) return { state: s, purge: null };
  // Another tab of the group is in the middle of logging in again: that login is a new session, and a purge
  // now would break it. The group stays; its next trigger (tab close, button, start) purges it.
  if (groupInLogin(s, group.id, now, classify, tabId)) return { state: withoutWatch(s, tabId), purge: null };
  return { state: s, purge: group.id };
}

function withoutWatch(s: SessionState, tabId: number): SessionState {
  const next = structuredClone(s);
  if (next.tabs[String(tabId)]) next.tabs[String(tabId)]!.logout = undefined;
  return next;
}
