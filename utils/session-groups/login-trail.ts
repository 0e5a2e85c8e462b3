/**
 * Login trails: the hosts a tab passes through while away from its group (service → IdP → BankID → back),
 * which join the group when the tab comes back, and whether a group is in the middle of such a round trip.
 */
import { isLoginService } from '../rules/login-service';
import { add, addUrl } from './lists';
import { isOnGroupSite } from './membership';
import type { Classify, SessionState, TabTrack, Trail } from './types';

/** A login round trip (service → IdP → BankID → service) that takes longer than this is not one. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** A login round trip (service → IdP → BankID → back) that has not come back within this is abandoned. */
export const ROUND_TRIP_MS = 5 * 60_000;
/** A trail stops collecting hosts here: a tab that wanders on is no longer on a login. */
const MAX_TRAIL_HOSTS = 30;

export const trailIsFresh = (t: Trail | undefined, now: number): t is Trail =>
  !!t && now - t.startedAt <= LOGIN_WINDOW_MS;

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
  return Object.values(s.tabs).some((t) => {
    if (t.tabId === exceptTabId) return false;
    const onLoginService =
      !!t.host &&
      (isLoginService(classify(t.host)) || (g.hosts.includes(t.host) && !isOnGroupSite(g, t.host)));
    // On the group's own login service right now (a login through an IdP the group already knows).
    if (t.groupId === groupId && onLoginService && now - g.lastSeenAt <= ROUND_TRIP_MS) return true;
    if (!t.trail || t.trail.fromGroupId !== groupId || now - t.trail.startedAt > ROUND_TRIP_MS) return false;
    return t.trail.redirected === true || onLoginService;
  });
}
