/**
 * The site's own logout as a trigger: a logout URL loading, or a click on a logout control, arms a watch on
 * the tab; when the page has loaded (or, after a click that loads nothing, the settle delay has passed) the
 * watch settles and says which group to purge. Pure: the background feeds it events and the clock, runs the
 * purge it names and schedules the settle timer.
 */
import { isLogoutUrl } from '../logout-detect';
import { groupInLogin } from './login-trail';
import { currentGroupOf, isOnGroupSite } from './membership';
import type { Classify, SessionGroup, SessionState } from './types';

/** How long after a click on a logout control we wait for the logout to load before purging anyway. */
export const LOGOUT_CLICK_SETTLE_MS = 4000;
/** A logout watch older than this is stale (the page never loaded). */
export const LOGOUT_WATCH_MAX_MS = 60_000;
/** The settle timer may fire a little before the clock says the delay is over: a settle this close counts. */
const TIMER_SLACK_MS = 50;

/** The group a logout URL on `host` belongs to when it is `g`'s: a member host, or a host of one of its sites. */
const isGroupLogoutHost = (g: SessionGroup, host: string) => g.hosts.includes(host) || isOnGroupSite(g, host);

/**
 * A top-level navigation to `url` starts in the tab. It arms the watch only when it was started from one of
 * the group's own pages: the tab shows a page of the group now (`currentGroupOf`: a link or form on Mina sidor,
 * a client redirect of the site's logout page through the IdP's logout), and the logout URL is on a host of
 * that same group. A server redirect is part of the navigation that started it, so a logout that redirects
 * through the IdP's logout URL is armed by its first URL. Anything else a page can start — a page of another
 * site (a newspaper) sending its own tab, a tab it opened or a frame to `https://<the group's IdP>/x/logout`,
 * a logout URL of *another* group — arms nothing: a page can ask, never command. `openerTabId` is the tab
 * that opened this one while it is still open (the browser's `tabs.Tab.openerTabId`): a tab opened by a page
 * outside the group is armed by a trusted click on the site's logout control only (`armLogoutClick`), since its
 * opener may navigate it. A tab opened by a group's page is armed by `armOpenedLogout`; an armed watch is never
 * cleared here.
 */
export function armLogoutNavigation(
  s: SessionState,
  tabId: number,
  url: string,
  now: number,
  openerTabId?: number,
): SessionState {
  if (!isLogoutUrl(url) || !s.tabs[String(tabId)]) return s;
  const current = currentGroupOf(s, tabId);
  if (!current || !isGroupLogoutHost(current, new URL(url).hostname)) return s;
  // The page that opened this tab can still navigate it (`window.open` keeps a handle): while that opener is
  // open on a page outside the group, a logout URL here may be its doing, not the group page's.
  if (openerTabId !== undefined && openerTabId !== tabId && currentGroupOf(s, openerTabId)?.id !== current.id)
    return s;
  return withWatch(s, tabId, current.id, now);
}

/**
 * A page opened a new tab (a link with `target=_blank`, `window.open`) at `url`: the browser names the opener
 * tab (`webNavigation.onCreatedNavigationTarget`). A logout URL of the opener's current group, opened by one
 * of that group's pages, arms the new tab's watch; a tab opened by any other page arms nothing. The new tab
 * must be tracked already (the opener's group took it in: `onTabOpenedFrom`).
 */
export function armOpenedLogout(
  s: SessionState,
  tabId: number,
  openerTabId: number,
  url: string,
  now: number,
): SessionState {
  if (!isLogoutUrl(url) || !s.tabs[String(tabId)]) return s;
  const opener = currentGroupOf(s, openerTabId);
  if (!opener || !isGroupLogoutHost(opener, new URL(url).hostname)) return s;
  return withWatch(s, tabId, opener.id, now);
}

function withWatch(s: SessionState, tabId: number, groupId: string, now: number): SessionState {
  const next = structuredClone(s);
  next.tabs[String(tabId)]!.logout = { groupId, phase: 'navigating', at: now };
  return next;
}

/**
 * Was the click reported from a page of the tab's own group? `pageUrl` is the reporting frame's URL as the
 * browser gives it (the message's sender, never the message): its host must be a host of the group the tab
 * shows now, as for the guard (utils/background/guard.ts). A report from any other page arms nothing.
 */
export function clickedOnGroupPage(s: SessionState, tabId: number, pageUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(pageUrl ?? '').hostname;
  } catch {
    return false;
  }
  return !!currentGroupOf(s, tabId)?.hosts.includes(host);
}

/**
 * The page reported a click on its logout control (check `clickedOnGroupPage` first). Accepted when the tab
 * is in a group and not already watched; the caller then settles it after `LOGOUT_CLICK_SETTLE_MS` (a logout done by script loads nothing).
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
