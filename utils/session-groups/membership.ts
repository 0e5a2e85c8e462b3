/**
 * Which tabs belong to which group, and the groups themselves: starting, joining, merging and removing them.
 *
 * Membership is stored once, in `SessionGroup.tabIds`; the other views are derived here (`groupsOfTab`) or are
 * another fact (`currentGroupOf`: where the tab is now). Every other reference to a group (a tab's current
 * group, its login trail, its logout watch) is re-targeted by one function, `retargetGroups`, on merge and on
 * removal.
 *
 * The exported (state, event) → state functions never change their input. The draft helpers (`newGroup`,
 * `mergeGroups`, `joinHosts`, …) change the state they are given: callers pass a copy they own.
 */
import { isWithin } from '../rules/hostname';
import { isLoginService } from '../rules/login-service';
import type { RuleMatch } from '../rules/types';
import { add, addUrl } from './lists';
import type { GroupSite, SessionGroup, SessionState, TabTrack } from './types';

/** Open tabs that belong to the group; none for a group the state does not know. */
export function tabsOfGroup(s: SessionState, groupId: string): number[] {
  return s.groups[groupId]?.tabIds ?? [];
}

/** Groups the tab belongs to (it visited them, or is on a login trail that started in one). A closing tab may end any of them. */
export function groupsOfTab(s: SessionState, tabId: number): string[] {
  return Object.values(s.groups)
    .filter((g) => g.tabIds.includes(tabId))
    .map((g) => g.id);
}

/** The group of the host the tab is on now, if any: a tab away on a trail, or on an unrelated site, is in none. */
export function currentGroupOf(s: SessionState, tabId: number): SessionGroup | undefined {
  const id = s.tabs[String(tabId)]?.groupId;
  return id ? s.groups[id] : undefined;
}

/** Is the host one of the group's protected sites (a rule domain or under it)? */
export function isOnGroupSite(g: Pick<SessionGroup, 'sites'>, host: string): boolean {
  return g.sites.some((x) => isWithin(host, x.scopeDomain));
}

/** The cookie store the tab is in, as groups keep it (undefined: the regular store). */
export const storeOfTrack = (s: SessionState, tabId: number): string | undefined =>
  s.tabs[String(tabId)]?.storeId;

/**
 * The tab is in this cookie store (undefined: the regular one): noted on its track before its events change
 * the state, so that the groups it starts, joins or reaches are that store's. A tab never changes store.
 */
export function inStore(prev: SessionState, tabId: number, storeId: string | undefined): SessionState {
  if (storeId === undefined || prev.tabs[String(tabId)]?.storeId === storeId) return prev;
  const s = structuredClone(prev);
  trackOf(s, tabId).storeId = storeId;
  return s;
}

/**
 * Is the host on one of the group's own e-service sites (not a login service's)? Such a host is the group's
 * own: another group's login may pass through it and share it (`sharedHosts`), but never merges the two.
 */
export function ownsHost(g: Pick<SessionGroup, 'sites'>, host: string): boolean {
  return g.sites.some((x) => !isLoginService(x) && isWithin(host, x.scopeDomain));
}

/** The group one of whose sites on no list (signed in through a login service: `GroupSite.via`) covers the host. */
export function groupOfSignedInSite(
  s: SessionState,
  host: string,
  storeId?: string,
): SessionGroup | undefined {
  return Object.values(s.groups).find(
    (g) => g.storeId === storeId && g.sites.some((x) => x.via && isWithin(host, x.scopeDomain)),
  );
}

/**
 * The group of this cookie store that has this host as a member (in a store, hosts are in one group at most: a
 * login host two groups reached merges them — except a host of a group's own site that another group's login
 * passed through, `sharedHosts`). The same host in another store is another session: another group.
 */
export function groupOfHost(s: SessionState, host: string, storeId?: string): SessionGroup | undefined {
  return Object.values(s.groups).find((g) => g.storeId === storeId && g.hosts.includes(host));
}

/** The group of this cookie store that covers the rule. */
export function groupOfRule(s: SessionState, ruleId: string, storeId?: string): SessionGroup | undefined {
  return Object.values(s.groups).find(
    (g) => g.storeId === storeId && g.sites.some((site) => site.ruleId === ruleId),
  );
}

/** The tab's record, created when the state has none yet (draft helper). */
export function trackOf(s: SessionState, tabId: number): TabTrack {
  const key = String(tabId);
  s.tabs[key] ??= { tabId };
  return s.tabs[key];
}

/** Only the rule's own fields go to storage, whatever else the recogniser's answer carries. */
const ruleOnly = (m: GroupSite): GroupSite => ({
  ruleId: m.ruleId,
  label: m.label,
  kind: m.kind,
  scopeDomain: m.scopeDomain,
  ...(m.via ? { via: m.via } : {}),
});

/** A new group for the rule that matched, in this cookie store, with an id no other group has (draft helper). */
export function newGroup(s: SessionState, m: RuleMatch, now: number, storeId?: string): SessionGroup {
  let id = `g-${m.ruleId}`;
  for (let n = 2; s.groups[id]; n++) id = `g-${m.ruleId}-${n}`;
  const g: SessionGroup = {
    id,
    sites: [ruleOnly(m)],
    hosts: [],
    origins: [],
    tabIds: [],
    ...(storeId !== undefined ? { storeId } : {}),
    startedAt: now,
    lastSeenAt: now,
  };
  s.groups[id] = g;
  return g;
}

/** The rule becomes one of the group's sites, unless it is one already (draft helper). */
export function addSite(g: SessionGroup, m: GroupSite): void {
  if (!g.sites.some((x) => x.ruleId === m.ruleId)) g.sites.push(ruleOnly(m));
}

/**
 * Point every reference to the groups `from` at `to` (a merge), or drop it when `to` is undefined (the
 * groups were removed): the tab's current group, its login trail and its logout watch. Membership needs no
 * re-targeting: it lives in the group records, which the caller merges or deletes (draft helper).
 */
export function retargetGroups(s: SessionState, from: readonly string[], to: string | undefined): void {
  const moved = (id: string | undefined) => id !== undefined && from.includes(id);
  for (const tab of Object.values(s.tabs)) {
    if (moved(tab.groupId)) tab.groupId = to;
    if (tab.trail && moved(tab.trail.fromGroupId)) {
      if (to) tab.trail.fromGroupId = to;
      else tab.trail = undefined;
    }
    if (tab.logout && moved(tab.logout.groupId)) {
      if (to) tab.logout.groupId = to;
      else tab.logout = undefined;
    }
  }
}

/** Fold `from` into `into`: one single-sign-on session, one group (draft helper). */
export function mergeGroups(s: SessionState, into: SessionGroup, from: SessionGroup): void {
  // Sessions in two cookie stores are never one.
  if (into.id === from.id || into.storeId !== from.storeId) return;
  for (const site of from.sites) addSite(into, site);
  for (const h of from.hosts) into.hosts = add(into.hosts, h);
  for (const h of from.sharedHosts ?? []) into.sharedHosts = add(into.sharedHosts ?? [], h);
  for (const o of from.origins) into.origins = add(into.origins, o);
  for (const url of from.urls ?? []) into.urls = addUrl(into.urls, url);
  for (const t of from.tabIds) into.tabIds = add(into.tabIds, t);
  into.startedAt = Math.min(into.startedAt, from.startedAt);
  into.lastSeenAt = Math.max(into.lastSeenAt, from.lastSeenAt);
  delete s.groups[from.id];
  retargetGroups(s, [from.id], into.id);
}

/**
 * Add hosts/origins to a group; a host that already belongs to another group of its cookie store merges the two
 * (shared SSO) — unless it is a host of either group's own site: then both keep it, and the one whose site it is
 * not has it in `sharedHosts` (draft helper).
 */
export function joinHosts(
  s: SessionState,
  g: SessionGroup,
  hosts: string[],
  origins: string[],
): SessionGroup {
  for (const host of hosts) {
    const sameStore = Object.values(s.groups).filter((o) => o.id !== g.id && o.storeId === g.storeId);
    for (const other of sameStore) {
      if (!s.groups[other.id] || !other.hosts.includes(host)) continue;
      if (ownsHost(other, host) || ownsHost(g, host)) continue;
      mergeGroups(s, g, other);
    }
    if (!ownsHost(g, host) && sameStore.some((o) => s.groups[o.id] && ownsHost(o, host)))
      g.sharedHosts = add(g.sharedHosts ?? [], host);
    g.hosts = add(g.hosts, host);
  }
  for (const o of origins) g.origins = add(g.origins, o);
  return g;
}

/** The tab belongs to the group from now on, wherever it is (draft helper). */
export function joinTab(g: SessionGroup, tabId: number): void {
  g.tabIds = add(g.tabIds, tabId);
}

/** The tab is on a host of the group now: it belongs to it, is in it, and any trail it was on has ended (draft helper). */
export function attachTab(g: SessionGroup, tab: TabTrack, host: string, now: number): void {
  joinTab(g, tab.tabId);
  g.lastSeenAt = now;
  tab.groupId = g.id;
  tab.host = host;
  tab.trail = undefined;
}

/** A tab closed (or was found missing on wake). Returns the groups that lost their last tab. */
export function onTabClosed(prev: SessionState, tabId: number): { state: SessionState; orphaned: string[] } {
  if (!prev.tabs[String(tabId)] && !Object.values(prev.groups).some((g) => g.tabIds.includes(tabId))) {
    return { state: prev, orphaned: [] };
  }
  const s = structuredClone(prev);
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
  const s = structuredClone(prev);
  for (const id of ids) delete s.groups[id];
  retargetGroups(s, ids, undefined);
  return s;
}
