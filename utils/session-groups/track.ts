/**
 * Pure session-group bookkeeping: (state, browser event) → new state. No browser APIs here, so every rule
 * below is unit-tested without a browser; the background feeds it events and persists the result.
 */
import { isWithin } from '../rules/hostname';
import type { Classify, GroupSite, HostMatch, SessionGroup, SessionState, TabTrack, Trail } from './types';

/** A login round trip (service → IdP → BankID → service) that takes longer than this is not one. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
const MAX_TRAIL_HOSTS = 30;
const MAX_GROUP_URLS = 300;

/** Remember a top-level URL (for history removal), up to a bound. */
const addUrl = (list: string[] | undefined, url: string): string[] => {
  const l = list ?? [];
  return l.includes(url) || l.length >= MAX_GROUP_URLS ? l : [...l, url];
};

/** Navigations the person made on purpose: what follows is not a login round trip. */
const DELIBERATE_TRANSITIONS = new Set([
  'typed',
  'auto_bookmark',
  'generated',
  'keyword',
  'keyword_generated',
  'start_page',
]);

export interface MainFrameCommit {
  tabId: number;
  url: string;
  transitionType?: string;
  transitionQualifiers?: string[];
}

const add = <T>(list: T[], item: T): T[] => (list.includes(item) ? list : [...list, item]);

function parseWebUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

function cloneState(s: SessionState): SessionState {
  return structuredClone(s);
}

function trackOf(s: SessionState, tabId: number): TabTrack {
  const key = String(tabId);
  s.tabs[key] ??= { tabId, groupIds: [] };
  return s.tabs[key];
}

/** Is the host one of the group's protected sites (a rule domain or under it)? */
export function onGroupSite(g: SessionGroup, host: string): boolean {
  return g.sites.some((x) => isWithin(host, x.scopeDomain));
}

export function groupOfHost(s: SessionState, host: string): SessionGroup | undefined {
  return Object.values(s.groups).find((g) => g.hosts.includes(host));
}

function groupOfRule(s: SessionState, ruleId: string): SessionGroup | undefined {
  return Object.values(s.groups).find((g) => g.sites.some((site) => site.ruleId === ruleId));
}

const siteOf = (m: HostMatch): GroupSite => ({
  ruleId: m.ruleId,
  label: m.label,
  scopeDomain: m.scopeDomain,
  kind: m.kind,
});

function newGroup(s: SessionState, m: HostMatch, now: number): SessionGroup {
  let id = `g-${m.ruleId}`;
  for (let n = 2; s.groups[id]; n++) id = `g-${m.ruleId}-${n}`;
  const g: SessionGroup = {
    id,
    sites: [siteOf(m)],
    hosts: [],
    origins: [],
    tabIds: [],
    startedAt: now,
    lastSeenAt: now,
  };
  s.groups[id] = g;
  return g;
}

/** Fold `from` into `into`: one single-sign-on session, one group. */
function mergeGroups(s: SessionState, into: SessionGroup, from: SessionGroup): void {
  if (into.id === from.id) return;
  for (const site of from.sites) if (!into.sites.some((x) => x.ruleId === site.ruleId)) into.sites.push(site);
  for (const h of from.hosts) into.hosts = add(into.hosts, h);
  for (const o of from.origins) into.origins = add(into.origins, o);
  for (const url of from.urls ?? []) into.urls = addUrl(into.urls, url);
  for (const t of from.tabIds) into.tabIds = add(into.tabIds, t);
  into.startedAt = Math.min(into.startedAt, from.startedAt);
  into.lastSeenAt = Math.max(into.lastSeenAt, from.lastSeenAt);
  delete s.groups[from.id];
  for (const tab of Object.values(s.tabs)) {
    tab.groupIds = tab.groupIds.includes(from.id)
      ? add(
          tab.groupIds.filter((id) => id !== from.id),
          into.id,
        )
      : tab.groupIds;
    if (tab.groupId === from.id) tab.groupId = into.id;
    if (tab.trail?.fromGroupId === from.id) tab.trail.fromGroupId = into.id;
    if (tab.logout?.groupId === from.id) tab.logout.groupId = into.id;
  }
}

/** Add hosts/origins to a group; a host that already belongs to another group merges the two (shared SSO). */
function joinHosts(s: SessionState, g: SessionGroup, hosts: string[], origins: string[]): SessionGroup {
  for (const host of hosts) {
    const other = groupOfHost(s, host);
    if (other && other.id !== g.id) mergeGroups(s, g, other);
    g.hosts = add(g.hosts, host);
  }
  for (const o of origins) g.origins = add(g.origins, o);
  return g;
}

function attachTab(g: SessionGroup, tab: TabTrack, host: string, now: number): void {
  g.tabIds = add(g.tabIds, tab.tabId);
  g.lastSeenAt = now;
  tab.groupIds = add(tab.groupIds, g.id);
  tab.groupId = g.id;
  tab.host = host;
  tab.trail = undefined;
}

const trailIsFresh = (t: Trail | undefined, now: number): t is Trail =>
  !!t && now - t.startedAt <= LOGIN_WINDOW_MS;

/** Record a host the tab passed through while away from its group (a fresh trail is started if needed). */
function extendTrail(tab: TabTrack, fromGroupId: string, u: URL, now: number): void {
  const trail: Trail = trailIsFresh(tab.trail, now)
    ? tab.trail
    : { fromGroupId, hosts: [], origins: [], startedAt: now };
  if (trail.hosts.length < MAX_TRAIL_HOSTS) {
    trail.hosts = add(trail.hosts, u.hostname);
    trail.origins = add(trail.origins, u.origin);
  }
  trail.urls = addUrl(trail.urls, u.href);
  tab.trail = trail;
}

/**
 * A request for a top-level document (every redirect hop included, even those that never commit).
 * A request to a protected or member host enters that group at once (its redirect response may set
 * cookies) and anchors a trail there; while a tab is away from its group the hosts it requests form the
 * trail that joins when the tab comes back.
 */
export function onMainFrameRequest(
  prev: SessionState,
  tabId: number,
  url: string,
  classify: Classify,
  now: number,
): SessionState {
  const u = parseWebUrl(url);
  if (!u) return prev;
  const host = u.hostname;
  const m = classify(host);
  const member = groupOfHost(prev, host);
  const known = prev.tabs[String(tabId)];
  const contextGroupId =
    known?.groupId ?? (trailIsFresh(known?.trail, now) ? known?.trail?.fromGroupId : undefined);

  if ((m && m.kind !== 'idp') || member) {
    if (member?.tabIds.includes(tabId) && (known?.groupId === member.id || trailIsFresh(known?.trail, now))) {
      // Already in this group: only the URL is new (for history removal), or nothing is.
      if (member.urls?.includes(u.href)) return prev;
      const s = cloneState(prev);
      s.groups[member.id]!.urls = addUrl(member.urls, u.href);
      return s;
    }
    const s = cloneState(prev);
    const tab = trackOf(s, tabId);
    let g = member ? s.groups[member.id]! : m ? (groupOfRule(s, m.ruleId) ?? newGroup(s, m, now)) : undefined;
    if (!g) return prev;
    g = joinHosts(s, g, [host], [u.origin]);
    g.urls = addUrl(g.urls, u.href);
    g.tabIds = add(g.tabIds, tabId);
    tab.groupIds = add(tab.groupIds, g.id);
    if (!trailIsFresh(tab.trail, now)) {
      tab.trail = { fromGroupId: g.id, hosts: [], origins: [], startedAt: now, redirected: true };
    }
    return s;
  }

  if (!contextGroupId || !prev.groups[contextGroupId]) return prev;
  const s = cloneState(prev);
  extendTrail(trackOf(s, tabId), contextGroupId, u, now);
  return s;
}

/** A top-level document committed in a tab: start, join or leave a group. */
export function onMainFrameCommit(
  prev: SessionState,
  ev: MainFrameCommit,
  classify: Classify,
  now: number,
): SessionState {
  const u = parseWebUrl(ev.url);
  if (!u) return prev;
  const s = cloneState(prev);
  const tab = trackOf(s, ev.tabId);
  const host = u.hostname;
  const qualifiers = ev.transitionQualifiers ?? [];
  const redirected = qualifiers.includes('server_redirect') || qualifiers.includes('client_redirect');
  // Typed, bookmarked or back/forward: the person chose where to go, so what came before is no round trip.
  // A typed address that redirected on (to the IdP, say) is the start of one.
  const deliberate =
    (DELIBERATE_TRANSITIONS.has(ev.transitionType ?? '') && !redirected) ||
    qualifiers.includes('forward_back');
  if (deliberate) tab.trail = undefined;

  const contextGroupId = tab.groupId ?? tab.trail?.fromGroupId;
  const context = contextGroupId ? s.groups[contextGroupId] : undefined;
  const m = classify(host);

  let target: SessionGroup | undefined;
  if (m && m.kind !== 'idp') target = groupOfRule(s, m.ruleId) ?? newGroup(s, m, now);
  else if (m) target = (deliberate ? undefined : context) ?? groupOfRule(s, m.ruleId) ?? newGroup(s, m, now);
  else {
    target = groupOfHost(s, host);
    // A tab of one group reached a host of another (their logins share an SSO host): one session now.
    if (target && context && context.id !== target.id && !deliberate) mergeGroups(s, target, context);
  }

  if (!target) {
    // An unprotected host that is not a member: the tab has left its group (it may come back via a trail).
    if (context && !deliberate) extendTrail(tab, context.id, u, now);
    tab.groupId = undefined;
    tab.host = host;
    return s;
  }

  if (m && !target.sites.some((x) => x.ruleId === m.ruleId)) {
    const holder = groupOfRule(s, m.ruleId);
    if (holder && holder.id !== target.id) mergeGroups(s, target, holder);
    else target.sites.push(siteOf(m));
  }
  if (trailIsFresh(tab.trail, now)) {
    // Back in a group after a round trip: every host passed through joins — except other protected sites,
    // which have groups of their own.
    const arrival = target;
    const passed = tab.trail.hosts.filter((h) => {
      const hm = classify(h);
      return !hm || hm.kind === 'idp' || arrival.sites.some((x) => x.ruleId === hm.ruleId);
    });
    const passedOrigins = tab.trail.origins.filter((o) => passed.includes(new URL(o).hostname));
    target = joinHosts(s, target, passed, passedOrigins);
    for (const url of tab.trail.urls ?? [])
      if (passed.includes(new URL(url).hostname)) target.urls = addUrl(target.urls, url);
  }
  target = joinHosts(s, target, [host], [u.origin]);
  target.urls = addUrl(target.urls, u.href);
  attachTab(target, tab, host, now);
  return s;
}

/**
 * A frame inside a group's page. A known login service in a frame (BankID QR frames, SSO probes) is a group
 * member; any other third party is not (its data partitioned under the group's sites goes with the group).
 */
export function onSubFrame(
  prev: SessionState,
  tabId: number,
  url: string,
  classify: Classify,
  now: number,
): SessionState {
  const u = parseWebUrl(url);
  const groupId = prev.tabs[String(tabId)]?.groupId;
  if (!u || !groupId || !prev.groups[groupId] || prev.groups[groupId].hosts.includes(u.hostname)) return prev;
  const m = classify(u.hostname);
  if (m?.kind !== 'idp') return prev;
  const s = cloneState(prev);
  const g = joinHosts(s, s.groups[groupId]!, [u.hostname], [u.origin]);
  if (!g.sites.some((x) => x.ruleId === m.ruleId)) g.sites.push(siteOf(m));
  g.lastSeenAt = now;
  return s;
}

/** A tab opened from a group's tab (a login popup, target=_blank): it is on the group's trail from the start. */
export function onTabOpenedFrom(
  prev: SessionState,
  tabId: number,
  openerTabId: number,
  now: number,
): SessionState {
  const opener = prev.tabs[String(openerTabId)];
  const fromGroupId = opener?.groupId;
  if (!fromGroupId || !prev.groups[fromGroupId]) return prev;
  const s = cloneState(prev);
  const tab = trackOf(s, tabId);
  tab.trail = { fromGroupId, hosts: [], origins: [], startedAt: now };
  tab.groupIds = add(tab.groupIds, fromGroupId);
  s.groups[fromGroupId]!.tabIds = add(s.groups[fromGroupId]!.tabIds, tabId);
  return s;
}

/** A tab closed (or was found missing on wake). Returns the groups that lost their last tab. */
export function onTabClosed(prev: SessionState, tabId: number): { state: SessionState; orphaned: string[] } {
  if (!prev.tabs[String(tabId)] && !Object.values(prev.groups).some((g) => g.tabIds.includes(tabId))) {
    return { state: prev, orphaned: [] };
  }
  const s = cloneState(prev);
  delete s.tabs[String(tabId)];
  const orphaned: string[] = [];
  for (const g of Object.values(s.groups)) {
    if (!g.tabIds.includes(tabId)) continue;
    g.tabIds = g.tabIds.filter((id) => id !== tabId);
    if (g.tabIds.length === 0) orphaned.push(g.id);
  }
  return { state: s, orphaned };
}

/** Tabs the state knows of that are no longer open: closed while the worker slept. */
export function missingTabs(s: SessionState, openTabIds: readonly number[]): number[] {
  const open = new Set(openTabIds);
  const known = new Set<number>(Object.values(s.tabs).map((t) => t.tabId));
  for (const g of Object.values(s.groups)) for (const id of g.tabIds) known.add(id);
  return [...known].filter((id) => !open.has(id));
}

/** Groups with no open tab (e.g. their last tab closed while the worker slept before it could schedule). */
export function tablessGroups(s: SessionState): string[] {
  return Object.values(s.groups)
    .filter((g) => g.tabIds.length === 0)
    .map((g) => g.id);
}

/** Forget purged groups. Tabs kept open stay tracked, outside any group, until they navigate again. */
export function removeGroups(prev: SessionState, ids: readonly string[]): SessionState {
  const s = cloneState(prev);
  for (const id of ids) delete s.groups[id];
  for (const tab of Object.values(s.tabs)) {
    tab.groupIds = tab.groupIds.filter((id) => !ids.includes(id));
    if (tab.groupId && ids.includes(tab.groupId)) tab.groupId = undefined;
    if (tab.trail && ids.includes(tab.trail.fromGroupId)) tab.trail = undefined;
    if (tab.logout && ids.includes(tab.logout.groupId)) tab.logout = undefined;
  }
  return s;
}

/** A login round trip (service → IdP → BankID → back) that has not come back within this is abandoned. */
export const ROUND_TRIP_MS = 5 * 60_000;

/**
 * True while another tab of the group is away on a login round trip: sent off by a group host's redirect,
 * or now on a login service, and not back yet. Automatic purges never run then.
 */
export function groupInLogin(
  s: SessionState,
  groupId: string,
  now: number,
  classify: Classify,
  exceptTabId?: number,
): boolean {
  const g = s.groups[groupId];
  if (!g) return false;
  return Object.values(s.tabs).some((t) => {
    if (t.tabId === exceptTabId) return false;
    const onLoginService =
      !!t.host && (classify(t.host)?.kind === 'idp' || (g.hosts.includes(t.host) && !onGroupSite(g, t.host)));
    // On the group's own login service right now (a login through an IdP the group already knows).
    if (t.groupId === groupId && onLoginService && now - g.lastSeenAt <= ROUND_TRIP_MS) return true;
    if (!t.trail || t.trail.fromGroupId !== groupId || now - t.trail.startedAt > ROUND_TRIP_MS) return false;
    return t.trail.redirected === true || onLoginService;
  });
}

/** At most this many other origins per group: a page that fetches from everywhere cannot grow the state without end. */
export const MAX_FETCHED_ORIGINS = 100;

/** `scheme://host[:port]` of an http(s) URL or origin; null for anything else. */
function webOrigin(s: string): string | null {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * A page of the tab's group fetched from other origins (reported by the page's content script): they are
 * remembered for the HTTP cache only. Origins the group already has, or that are not web origins, are left out.
 */
export function onFetchedOrigins(s: SessionState, tabId: number, reported: readonly string[]): SessionState {
  const groupId = s.tabs[String(tabId)]?.groupId;
  const g = groupId ? s.groups[groupId] : undefined;
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
