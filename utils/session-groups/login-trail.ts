/**
 * Login trails: the hosts a tab passes through while away from its group (service → IdP → BankID → back),
 * which join the group when the tab comes back, and whether a group is in the middle of such a round trip.
 */
import { isLoginService } from '../rules/login-service';
import { add, addUrl } from './lists';
import { isOnGroupSite } from './membership';
import type { Classify, SessionGroup, SessionState, TabTrack, Trail } from './types';

/** A login round trip (service → IdP → BankID → service) that takes longer than this is not one. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** A login round trip (service → IdP → BankID → back) that has not come back within this is abandoned. */
export const ROUND_TRIP_MS = 5 * 60_000;
/** A trail stops collecting hosts here: a tab that wanders on is no longer on a login. */
const MAX_TRAIL_HOSTS = 30;

export const trailIsFresh = (t: Trail | undefined, now: number): t is Trail =>
  !!t && now - t.startedAt <= LOGIN_WINDOW_MS;

/**
 * What a trail knows of how the tab got where it is (stored with the trail; optional, so a trail saved before
 * these fields existed reads as one with nothing followed).
 */
export interface TrailSteps {
  /** Hosts requested since the tab's last commit, group hosts included: the current navigation's hops. */
  chain?: string[];
  /**
   * Hosts the person reached by following a link (no redirect from the group's site, no form post): an
   * unrelated site linked from the service. They never join, unless their page then sent the tab on by a
   * form post or a client redirect, as a login page does.
   */
  followed?: string[];
}
export type LoginTrail = Trail & TrailSteps;

/** A top-level commit's transition, as webNavigation.onCommitted reports it (Chromium and Firefox alike). */
export interface Transition {
  transitionType?: string;
  transitionQualifiers?: string[];
}

/**
 * A step of a login rather than a link the person followed: a server or client redirect (an HTTP 30x, a
 * meta refresh or a script's `location = …` without a click) or a form post (a SAML POST binding, the
 * IdP's auto-submitted form). Both engines report these as `form_submit` and the `server_redirect` /
 * `client_redirect` qualifiers.
 */
export const isLoginStep = (ev: Transition): boolean => {
  const q = ev.transitionQualifiers ?? [];
  return (
    ev.transitionType === 'form_submit' || q.includes('server_redirect') || q.includes('client_redirect')
  );
};

/** The page sent the tab on by itself (a form post or a client redirect), not by a server's 30x. */
const pageSentOn = (ev: Transition): boolean =>
  ev.transitionType === 'form_submit' || (ev.transitionQualifiers ?? []).includes('client_redirect');

/** Note a host requested in the current navigation (draft helper). */
export function noteHop(trail: LoginTrail, host: string): void {
  trail.chain = add(trail.chain ?? [], host);
}

/**
 * A commit while the tab is away from its group (draft helper): the hosts of this navigation that the person
 * reached by a link become `followed`: a plain link (no redirect, no form post) to `host`, or a link whose
 * redirects never passed a host of the group (`groupHosts`). A followed page that sends the tab on by a
 * form post or client redirect (a login page opened by a script's `location = …`) is a login step after all.
 * `leaving` is the host the tab was on before this commit.
 */
export function noteCommit(
  trail: LoginTrail,
  ev: Transition,
  host: string,
  leaving: string | undefined,
  groupHosts: readonly string[],
): void {
  if (leaving && pageSentOn(ev)) trail.followed = (trail.followed ?? []).filter((h) => h !== leaving);
  const chain = trail.chain ?? [];
  const viaGroup = chain.some((h) => groupHosts.includes(h));
  if (!isLoginStep(ev)) trail.followed = add(trail.followed ?? [], host);
  // A server redirect: followed when the navigation's hops are known and none was the group's.
  else if (!pageSentOn(ev) && chain.length > 0 && !viaGroup)
    for (const h of [...chain, host])
      if (!groupHosts.includes(h)) trail.followed = add(trail.followed ?? [], h);
  trail.chain = undefined;
}

/**
 * Whether a host a login passed through may join `g`: an unprotected host, a login service, or one of `g`'s own
 * sites — never another protected site, which has a group of its own.
 */
export function joinsLogin(g: Pick<SessionGroup, 'sites'>, host: string, classify: Classify): boolean {
  const m = classify(host);
  return !m || isLoginService(m) || g.sites.some((x) => x.ruleId === m.ruleId);
}

/** The trail's hosts that may join the group: those a login took the tab to, not those the person followed. */
export const loginHosts = (trail: LoginTrail): string[] =>
  trail.hosts.filter((h) => !(trail.followed ?? []).includes(h));

/** A new trail from the group; `redirected`: a group host sent the tab away (a login redirect). */
export const newTrail = (fromGroupId: string, now: number, redirected?: true): Trail =>
  redirected
    ? { fromGroupId, hosts: [], origins: [], startedAt: now, redirected }
    : { fromGroupId, hosts: [], origins: [], startedAt: now };

/** Record a host the tab passed through while away from its group; a fresh trail is started if needed (draft helper). */
export function extendTrail(tab: TabTrack, fromGroupId: string, u: URL, now: number): void {
  const trail: Trail = trailIsFresh(tab.trail, now) ? tab.trail : newTrail(fromGroupId, now);
  if (trail.hosts.length < MAX_TRAIL_HOSTS) {
    trail.hosts = add(trail.hosts, u.hostname);
    trail.origins = add(trail.origins, u.origin);
  }
  trail.urls = addUrl(trail.urls, u.href);
  tab.trail = trail;
}

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
  const tabs = Object.values(s.tabs);
  // The login this tab is on finished in a tab its page opened (the IdP's form sent the way back to a new tab):
  // that tab is back on a site of the group, and this one merely stays on the IdP's page.
  const finishedElsewhere = (t: TabTrack) =>
    tabs.some((u) => u.openedBy === t.tabId && u.groupId === groupId && !!u.host && isOnGroupSite(g, u.host));
  return tabs.some((t) => {
    if (t.tabId === exceptTabId) return false;
    const onLoginService =
      !!t.host &&
      (isLoginService(classify(t.host)) || (g.hosts.includes(t.host) && !isOnGroupSite(g, t.host)));
    // On the group's own login service right now (a login through an IdP the group already knows).
    if (
      t.groupId === groupId &&
      onLoginService &&
      now - g.lastSeenAt <= ROUND_TRIP_MS &&
      !finishedElsewhere(t)
    )
      return true;
    if (!t.trail || t.trail.fromGroupId !== groupId || now - t.trail.startedAt > ROUND_TRIP_MS) return false;
    // Away on hosts a login step took it to (a redirect from the group's page to an IdP on no list, say).
    const away = !!t.host && loginHosts(t.trail as LoginTrail).includes(t.host);
    return t.trail.redirected === true || onLoginService || away;
  });
}

/**
 * A top-level commit on a protected site of another group (`target`: a school platform's login reached the
 * kommun's own IdP, `fs.<kommun>.se`) by a login step, while the tab is on a fresh trail from the group where
 * its round trip began: the round trip goes on. The host joins the trail (and so the group it started from, if
 * the tab comes back there by a login step: `sharedHosts`), and the trail outlives the tab's arrival in
 * `target`. Returns the trail to keep after the tab attaches to `target`; undefined when this is no such step
 * (a link the person followed, a typed address, the round trip's own group, a login service) (draft helper).
 */
export function carryTrail(
  s: SessionState,
  tab: TabTrack,
  target: SessionGroup,
  ev: Transition,
  u: URL,
  deliberate: boolean,
  context: SessionGroup | undefined,
  classify: Classify,
  now: number,
): Trail | undefined {
  const trail = tab.trail as LoginTrail | undefined;
  if (deliberate || !trailIsFresh(trail, now) || !isLoginStep(ev)) return undefined;
  const from = s.groups[trail.fromGroupId];
  const m = classify(u.hostname);
  if (!from || from.id === target.id || !m || isLoginService(m)) return undefined;
  noteCommit(trail, ev, u.hostname, tab.host, [...from.hosts, ...(context?.hosts ?? [])]);
  if (trail.followed?.includes(u.hostname)) return undefined;
  extendTrail(tab, from.id, u, now);
  return tab.trail;
}

/**
 * A request for a protected host of group `g` while the tab is on a fresh trail from another group: a step of
 * that group's round trip (an SSO redirect through the kommun's IdP that never shows a page). It joins the
 * trail, as `carryTrail` does for a page (draft helper).
 */
export function noteProtectedHop(s: SessionState, tab: TabTrack, g: SessionGroup, u: URL, now: number): void {
  const trail = tab.trail;
  if (!trailIsFresh(trail, now) || trail.fromGroupId === g.id || !s.groups[trail.fromGroupId]) return;
  extendTrail(tab, trail.fromGroupId, u, now);
}
