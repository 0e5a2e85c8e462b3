/**
 * A login in progress when its round trip can no longer come back: the tab closes on the IdP, or everything is
 * purged while the person is there. The hosts the login took the tab to (a fresh trail, minus what the person
 * reached by a link) join the trail's group now — otherwise an IdP on no list keeps the single sign-on it may
 * already hold for the next person. Protected sites with groups of their own stay out, as on a normal return.
 */
import { isLoginService } from '../rules/login-service';
import { addUrl } from './lists';
import { type LoginTrail, loginHosts, trailIsFresh } from './login-trail';
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
    const passed = loginHosts(trail).filter((h) => {
      const m = classify(h);
      return !m || isLoginService(m) || g.sites.some((x) => x.ruleId === m.ruleId);
    });
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
