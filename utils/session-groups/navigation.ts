/**
 * What a tab's navigations do to the session groups: a top-level request or commit starts, joins or leaves a
 * group; a frame can bring a login service in; a tab opened from a group's tab starts on its trail.
 * (state, browser event) → new state; no browser APIs here, so every rule is unit-tested without a browser.
 */
import { webUrl } from '../rules/hostname';
import { isLoginService } from '../rules/login-service';
import { addUrl } from './lists';
import {
  carryTrail,
  extendTrail,
  isLoginStep,
  joinsLogin,
  LOGIN_WINDOW_MS,
  type LoginTrail,
  loginHosts,
  newTrail,
  noteCommit,
  noteHop,
  noteProtectedHop,
  trailIsFresh,
} from './login-trail';
import {
  addSite,
  attachTab,
  currentGroupOf,
  groupOfHost,
  groupOfRule,
  groupOfSignedInSite,
  isOnGroupSite,
  joinHosts,
  joinTab,
  mergeGroups,
  newGroup,
  ownsHost,
  storeOfTrack,
  trackOf,
} from './membership';
import { joinSignedInSite } from './signed-in-through';
import type { Classify, RecentStep, SessionGroup, SessionState, TabTrack } from './types';

/** Top-level commits a tab's `recent` keeps (a login round trip is a handful). */
export const MAX_RECENT = 20;

/**
 * Note a top-level commit in the tab's recent steps (draft helper). A page reached by a link that sends the tab
 * on by itself (a form post, a client redirect: a login page opened by a "Log in" link) was a login step after
 * all, as in `noteCommit` — unless the person chose it (typed, bookmark).
 */
function noteRecent(
  s: SessionState,
  tab: TabTrack,
  ev: MainFrameCommit,
  u: URL,
  deliberate: boolean,
  now: number,
): void {
  const all: Record<string, RecentStep[]> = {};
  // Steps older than the login window go. A closed tab's stay that long too: a policy that arrives after the
  // person closed the tab must still find the IdP that tab's login passed through (`loginHostsAround`).
  for (const [id, steps] of Object.entries(s.recent ?? {})) {
    const fresh = steps.filter((r) => now - r.at <= LOGIN_WINDOW_MS);
    if (fresh.length) all[id] = fresh;
  }
  const recent = all[String(tab.tabId)] ?? [];
  const last = recent.at(-1);
  const sentOn =
    ev.transitionType === 'form_submit' || (ev.transitionQualifiers ?? []).includes('client_redirect');
  if (last && last.step === 'link' && last.host === tab.host && sentOn) last.step = 'login';
  recent.push({
    host: u.hostname,
    origin: u.origin,
    at: now,
    step: deliberate ? 'typed' : isLoginStep(ev) ? 'login' : 'link',
  });
  all[String(tab.tabId)] = recent.slice(-MAX_RECENT);
  s.recent = all;
}

/**
 * Hosts a tab's logins passed through on the way to and from a site (`onSite`), from its recent steps, open tab
 * or closed: a run of login steps (redirects, form posts) that left the site and came back to it by a login step,
 * or that the tab was still on when its steps end (closed on the IdP). A run the tab's first step already began
 * (the site's /login redirected the new tab straight on, so the site never committed a page) counts when it came
 * back to the site by a login step. A run reached from anywhere else, or left by a link, is not the site's login.
 * Hosts of the site itself are left out.
 */
export function loginHostsAround(
  steps: readonly RecentStep[],
  onSite: (host: string) => boolean,
): { hosts: string[]; origins: string[] } {
  const hosts: string[] = [];
  const origins: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (onSite(steps[i]!.host) || steps[i]!.step !== 'login') continue;
    const fromSite = i > 0 && onSite(steps[i - 1]!.host);
    if (i > 0 && !fromSite) continue;
    let j = i;
    while (j < steps.length && !onSite(steps[j]!.host) && steps[j]!.step === 'login') j++;
    const back = steps[j];
    const cameBack = back !== undefined && onSite(back.host) && back.step === 'login';
    if (cameBack || (fromSite && back === undefined))
      for (const r of steps.slice(i, j)) {
        if (!hosts.includes(r.host)) hosts.push(r.host);
        if (!origins.includes(r.origin)) origins.push(r.origin);
      }
    i = j;
  }
  return { hosts, origins };
}

/**
 * The hosts and origins the tab's login reached, from its recent steps: back from where it is now while each
 * step was a login step (a redirect, a form post), within the login window. A host the person followed a link
 * to, or chose, ends the walk and does not join. `startedAt`: when that round trip began.
 */
export function recentLoginHops(
  s: SessionState,
  tabId: number,
  now: number,
): { hosts: string[]; origins: string[]; startedAt?: number } {
  const hosts: string[] = [];
  const origins: string[] = [];
  let startedAt: number | undefined;
  const recent = s.recent?.[String(tabId)] ?? [];
  for (let i = recent.length - 1; i >= 0; i--) {
    const r = recent[i]!;
    if (now - r.at > LOGIN_WINDOW_MS) break;
    startedAt = r.at;
    if (r.step !== 'login') break;
    if (!hosts.includes(r.host)) hosts.push(r.host);
    if (!origins.includes(r.origin)) origins.push(r.origin);
  }
  return { hosts, origins, ...(startedAt !== undefined ? { startedAt } : {}) };
}

/**
 * A recent step the first wake of a browser (or of a fresh install) noted for a tab it found already open on a
 * site of no group: how the tab got there is unknown — its navigations came before the worker's listeners
 * (a login started the moment the browser started: the service's own request that sent it to an IdP on no
 * list was never seen). Kept in `recent` like any step (same bounds); only `noteUnseenStart` makes one.
 */
type MarkedStep = RecentStep & { unseen?: true };

/**
 * The first wake found `tabId` open on `url`, in no group: note it as the start of a login round trip the
 * worker did not see (`MarkedStep`). Should its next login steps land on a protected site, the hosts they went
 * through join that site's group (`unseenLoginHops`) — as they would have, had the worker seen the start.
 * A tab still on no web page counts too: its first navigation may be in flight, its request already missed.
 * A tab in a group: unchanged.
 */
export function noteUnseenStart(prev: SessionState, tabId: number, url: string, now: number): SessionState {
  if (currentGroupOf(prev, tabId)) return prev;
  // Not a web page yet (a new tab whose first navigation, started before the listeners, has not committed).
  const u = webUrl(url);
  const s = structuredClone(prev);
  const tab = trackOf(s, tabId);
  if (u) tab.host = u.hostname;
  const step: MarkedStep = {
    host: u?.hostname ?? '',
    origin: u?.origin ?? '',
    at: now,
    step: 'login',
    unseen: true,
  };
  s.recent = { ...(s.recent ?? {}), [String(tabId)]: [step] };
  return s;
}

/**
 * The hosts and origins a tab's login went through since a start the worker did not see: back from where it
 * is now, every step a login step within the login window, down to a step `noteUnseenStart` noted (whose own
 * host does not count: nobody saw how the tab got there, only the commits after it). Empty when
 * the walk meets a link or a typed address first, or no such step: then the worker saw how the round trip
 * started, and the login trail (login-trail.ts) alone decides who joins.
 */
function unseenLoginHops(
  s: SessionState,
  tabId: number,
  now: number,
): { hosts: string[]; origins: string[] } {
  const hosts: string[] = [];
  const origins: string[] = [];
  const recent = (s.recent?.[String(tabId)] ?? []) as MarkedStep[];
  for (let i = recent.length - 1; i >= 0; i--) {
    const r = recent[i]!;
    if (now - r.at > LOGIN_WINDOW_MS || r.step !== 'login') break;
    // Where the wake found the tab is not itself a step anyone saw: only the commits after it count.
    if (r.unseen) return { hosts, origins };
    if (!hosts.includes(r.host)) hosts.push(r.host);
    if (!origins.includes(r.origin)) origins.push(r.origin);
  }
  return { hosts: [], origins: [] };
}

/**
 * A tab on a protected site that is in no group: its site became protected while it was open (a late IT
 * policy, a new one rolled out), or its navigations came before the worker's listeners (a login at the very
 * start of the browser). It forms (or joins) its site's group, and the hosts its recent login steps reached
 * join too — an IdP on no list the login passed through — never those the person followed a link to, nor
 * other protected sites. Anything else: unchanged.
 */
export const adoptTab: TabUrlChange = (prev, tabId, url, classify, now) => {
  const u = webUrl(url);
  if (!u) return prev;
  const m = classify(u.hostname);
  const track = prev.tabs[String(tabId)];
  if (!m || track?.groupId) return prev;
  const hops = recentLoginHops(prev, tabId, now);
  const s = onMainFrameCommit(prev, { tabId, url: u.href, transitionType: 'link' }, classify, now);
  // Not a commit of the person's: the recent steps stay as they were.
  if (prev.recent) s.recent = structuredClone(prev.recent);
  else delete s.recent;
  const g = currentGroupOf(s, tabId);
  if (!g) return s;
  const passed = hops.hosts.filter((h) => joinsLogin(g, h, classify));
  const joined = joinHosts(
    s,
    g,
    passed,
    hops.origins.filter((o) => passed.includes(new URL(o).hostname)),
  );
  if (hops.startedAt !== undefined) joined.startedAt = Math.min(joined.startedAt, hops.startedAt);
  return s;
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

/**
 * A tab in no group that lands on a login host a group reached (an IdP on no list, not one of its sites): a page
 * elsewhere sent it there — a news article opening `https://<the group's IdP>/logout`, say. It is not part of
 * that login: it does not join, so it neither counts as a login in progress (which would hold off the group's
 * own logout) nor keeps the group from losing its last tab.
 */
function strayOnLoginHost(
  g: SessionGroup,
  host: string,
  contextGroupId: string | undefined,
  m: ReturnType<Classify>,
): boolean {
  return contextGroupId === undefined && !m && !isOnGroupSite(g, host);
}

/** A change of the state for a URL in a tab (a request, a frame, a tab taken on): one signature for all. */
export type TabUrlChange = (
  prev: SessionState,
  tabId: number,
  url: string,
  classify: Classify,
  now: number,
) => SessionState;

export interface MainFrameCommit {
  tabId: number;
  url: string;
  transitionType?: string;
  transitionQualifiers?: string[];
}

/**
 * A request for a top-level document (every redirect hop included, even those that never commit).
 * A request to a protected or member host enters that group at once (its redirect response may set
 * cookies) and anchors a trail there; while a tab is away from its group the hosts it requests form the
 * trail that joins when the tab comes back.
 */
export const onMainFrameRequest: TabUrlChange = (prev, tabId, url, classify, now) => {
  const u = webUrl(url);
  if (!u) return prev;
  const host = u.hostname;
  const m = classify(host);
  const store = storeOfTrack(prev, tabId);
  // A protected host is its own site's group's first (another group's login may share it: `sharedHosts`).
  const home = m && !isLoginService(m) ? groupOfRule(prev, m.ruleId, store) : undefined;
  const member = home?.hosts.includes(host) ? home : groupOfHost(prev, host, store);
  const known = prev.tabs[String(tabId)];
  const contextGroupId =
    known?.groupId ?? (trailIsFresh(known?.trail, now) ? known?.trail?.fromGroupId : undefined);

  if ((m && !isLoginService(m)) || (member && !strayOnLoginHost(member, host, contextGroupId, m))) {
    if (member?.tabIds.includes(tabId) && (known?.groupId === member.id || trailIsFresh(known?.trail, now))) {
      // Already in this group: the URL is new (for history removal), and the navigation passed a group host
      // (what it redirects to next is reached by the group's redirect, not by a link the person followed).
      const trail = known?.trail as LoginTrail | undefined;
      if (member.urls?.includes(u.href) && trailIsFresh(trail, now) && trail.chain?.includes(host))
        return prev;
      const s = structuredClone(prev);
      s.groups[member.id]!.urls = addUrl(member.urls, u.href);
      const tab = trackOf(s, tabId);
      if (!trailIsFresh(tab.trail, now)) tab.trail = newTrail(member.id, now);
      else if (m && !isLoginService(m)) noteProtectedHop(s, tab, member, u, now);
      noteHop(tab.trail!, host);
      return s;
    }
    const s = structuredClone(prev);
    const tab = trackOf(s, tabId);
    let g = member
      ? s.groups[member.id]!
      : m
        ? (groupOfRule(s, m.ruleId, store) ?? newGroup(s, m, now, store))
        : undefined;
    if (!g) return prev;
    g = joinHosts(s, g, [host], [u.origin]);
    g.urls = addUrl(g.urls, u.href);
    joinTab(g, tabId);
    if (!trailIsFresh(tab.trail, now)) tab.trail = newTrail(g.id, now, true);
    else if (m && !isLoginService(m)) noteProtectedHop(s, tab, g, u, now);
    noteHop(tab.trail!, host);
    return s;
  }

  if (!contextGroupId || !prev.groups[contextGroupId]) return prev;
  const s = structuredClone(prev);
  const tab = trackOf(s, tabId);
  extendTrail(tab, contextGroupId, u, now);
  noteHop(tab.trail!, host);
  return s;
};

/** A top-level document committed in a tab: start, join or leave a group. */
export function onMainFrameCommit(
  prev: SessionState,
  ev: MainFrameCommit,
  classify: Classify,
  now: number,
): SessionState {
  const u = webUrl(ev.url);
  if (!u) return prev;
  const s = structuredClone(prev);
  const tab = trackOf(s, ev.tabId);
  const wasInGroup = tab.groupId !== undefined;
  const host = u.hostname;
  const qualifiers = ev.transitionQualifiers ?? [];
  const redirected = qualifiers.includes('server_redirect') || qualifiers.includes('client_redirect');
  // Typed, bookmarked or back/forward: the person chose where to go, so what came before is no round trip.
  // A typed address that redirected on (to the IdP, say) is the start of one.
  const deliberate =
    (DELIBERATE_TRANSITIONS.has(ev.transitionType ?? '') && !redirected) ||
    qualifiers.includes('forward_back');
  if (deliberate) tab.trail = undefined;
  noteRecent(s, tab, ev, u, deliberate, now);

  const contextGroupId = tab.groupId ?? tab.trail?.fromGroupId;
  const context = contextGroupId ? s.groups[contextGroupId] : undefined;
  const m = classify(host);

  let target: SessionGroup | undefined;
  let signedIn = false;
  const store = tab.storeId;
  if (m && !isLoginService(m)) target = groupOfRule(s, m.ruleId, store) ?? newGroup(s, m, now, store);
  else if (m)
    target =
      (deliberate ? undefined : context) ?? groupOfRule(s, m.ruleId, store) ?? newGroup(s, m, now, store);
  else {
    target = groupOfHost(s, host, store) ?? groupOfSignedInSite(s, host, store);
    if (target && strayOnLoginHost(target, host, context?.id, m)) target = undefined;
    // A tab of one group reached a login host of another (their logins share an SSO host): one session now.
    // A site of the other group's own (one on no list that signed in there) is not a login host: no merge.
    if (target && context && context.id !== target.id && !deliberate && !ownsHost(target, host))
      mergeGroups(s, target, context);
    if (!target && !deliberate && isLoginStep(ev)) {
      target = joinSignedInSite(s, ev.tabId, classify, context);
      signedIn = target !== undefined;
    }
  }

  if (!target) {
    // An unprotected host that is not a member: the tab has left its group (it may come back via a trail),
    // by a login step or by a link the person followed.
    if (context && !deliberate) {
      extendTrail(tab, context.id, u, now);
      noteCommit(tab.trail!, ev, host, tab.host, context.hosts);
    }
    tab.groupId = undefined;
    tab.host = host;
    return s;
  }

  if (m && !target.sites.some((x) => x.ruleId === m.ruleId)) {
    const holder = groupOfRule(s, m.ruleId, store);
    if (holder && holder.id !== target.id) mergeGroups(s, target, holder);
    else addSite(target, m);
  }
  // Mid-way through another group's login (a school platform's login at the kommun's own IdP): that round
  // trip goes on, and this host is one of its steps (login-trail.ts `carryTrail`).
  const carried = carryTrail(s, tab, target, ev, u, deliberate, context, classify, now);
  if (!carried && trailIsFresh(tab.trail, now) && isLoginStep(ev)) {
    // Back in a group by a login step (a redirect or a form post: the round trip was a login): every host
    // a login took the tab to joins — not those the person followed a link to. Other protected sites have
    // groups of their own: they join (as `sharedHosts`) only a round trip that began in this group.
    const arrival = target;
    noteCommit(tab.trail, ev, host, tab.host, context?.hosts ?? arrival.hosts);
    const own = tab.trail.fromGroupId === arrival.id;
    const passed = loginHosts(tab.trail).filter(
      (h) => joinsLogin(arrival, h, classify) || (own && classify(h) !== null),
    );
    const passedOrigins = tab.trail.origins.filter((o) => passed.includes(new URL(o).hostname));
    target = joinHosts(s, target, passed, passedOrigins);
    for (const url of tab.trail.urls ?? [])
      if (passed.includes(new URL(url).hostname)) target.urls = addUrl(target.urls, url);
  }
  if (!wasInGroup && !signedIn && isLoginStep(ev)) {
    // Arrived by a login step from a start the worker did not see (`noteUnseenStart`; a trail, if any, began
    // only with this arrival's own request): the hosts that login went through join, as the trail would have
    // let them — the same ones: no other protected site.
    const arrival = target;
    const hops = unseenLoginHops(s, ev.tabId, now);
    const passed = hops.hosts.filter((h) => joinsLogin(arrival, h, classify));
    if (passed.length)
      target = joinHosts(
        s,
        target,
        passed,
        hops.origins.filter((o) => passed.includes(new URL(o).hostname)),
      );
  }
  target = joinHosts(s, target, [host], [u.origin]);
  target.urls = addUrl(target.urls, u.href);
  attachTab(target, tab, host, now);
  if (carried) tab.trail = carried;
  return s;
}

/**
 * A frame inside a group's page. A known login service in a frame (BankID QR frames, SSO probes) is a group
 * member; any other third party is not (its data partitioned under the group's sites goes with the group).
 */
export const onSubFrame: TabUrlChange = (prev, tabId, url, classify, now) => {
  const u = webUrl(url);
  const current = currentGroupOf(prev, tabId);
  if (!u || !current || current.hosts.includes(u.hostname)) return prev;
  const m = classify(u.hostname);
  if (!m || !isLoginService(m)) return prev;
  const s = structuredClone(prev);
  const g = joinHosts(s, s.groups[current.id]!, [u.hostname], [u.origin]);
  addSite(g, m);
  g.lastSeenAt = now;
  return s;
};

/** A page in `openerTabId` opened `tabId` (it may hold a handle on it): noted whatever the groups (`TabTrack.openedBy`). */
export function noteOpener(prev: SessionState, tabId: number, openerTabId: number): SessionState {
  if (prev.tabs[String(tabId)]?.openedBy === openerTabId) return prev;
  const s = structuredClone(prev);
  trackOf(s, tabId).openedBy = openerTabId;
  return s;
}

/** A tab opened from a group's tab (a login popup, target=_blank): it is on the group's trail from the start. */
export function onTabOpenedFrom(
  prev: SessionState,
  tabId: number,
  openerTabId: number,
  now: number,
): SessionState {
  const from = currentGroupOf(prev, openerTabId);
  if (!from) return prev;
  const s = structuredClone(prev);
  trackOf(s, tabId).trail = newTrail(from.id, now);
  joinTab(s.groups[from.id]!, tabId);
  return s;
}
