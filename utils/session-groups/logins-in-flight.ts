import { addUrl } from './lists';
import { joinsLogin, type LoginTrail, loginHosts, trailIsFresh } from './login-trail';
import { joinHosts } from './membership';
import type { Classify, SessionState } from './types';

export function joinLoginsInFlight(
  prev: SessionState,
  now: number,
  classify: Classify,
  tabIds?: readonly number[],
): SessionState {
  const inFlight = Object.values(prev.tabs).filter(
    (t) =>
      (!tabIds || tabIds.includes(t.tabId)) &&
      trailIsFresh(t.trail, now) &&
      !!prev.groups[t.trail.fromGroupId] &&
      loginHosts(t.trail as LoginTrail).some((h) => !prev.groups[t.trail!.fromGroupId]!.hosts.includes(h)),
  );
  if (!inFlight.length) return prev;
  const s = structuredClone(prev);
  for (const { tabId } of inFlight) {
    const trail = s.tabs[String(tabId)]!.trail as LoginTrail;
    const g = s.groups[trail.fromGroupId];
    if (!g) continue; // merged into another by an earlier tab of this loop
    const passed = loginHosts(trail).filter((h) => joinsLogin(g, h, classify));
    const origins = trail.origins.filter((o) => passed.includes(new URL(o).hostname));
    const joined = joinHosts(s, g, passed, origins);
    for (const url of trail.urls ?? [])
      if (passed.includes(new URL(url).hostname)) joined.urls = addUrl(joined.urls, url);
  }
  return s;
}

/**
 * For the durable ledger: per group, the hosts and origins its logins in progress have reached (not those the
 * person followed a link to). A browser that dies while the person is on an IdP on no list must still purge
 * that IdP at its next start, and the trails themselves live only in storage.session.
 */
export function loginsInFlight(s: SessionState): Map<string, { hosts: string[]; origins: string[] }> {
  const out = new Map<string, { hosts: string[]; origins: string[] }>();
  for (const t of Object.values(s.tabs)) {
    const g = t.trail && s.groups[t.trail.fromGroupId];
    if (!g) continue;
    const hosts = loginHosts(t.trail as LoginTrail).filter((h) => !g.hosts.includes(h));
    if (!hosts.length) continue;
    const entry = out.get(g.id) ?? { hosts: [], origins: [] };
    for (const h of hosts) if (!entry.hosts.includes(h)) entry.hosts.push(h);
    for (const o of t.trail!.origins)
      if (hosts.includes(new URL(o).hostname) && !entry.origins.includes(o)) entry.origins.push(o);
    out.set(g.id, entry);
  }
  return out;
}
