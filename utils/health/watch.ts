/**
 * The health report in the background: what it notes at a login step and observes at a site logout. Every read
 * goes through the data port (reads.ts); a failed or slow read counts nothing and never holds up a purge.
 */
import type { BackgroundContext } from '../background/context';
import type { CookieRecord } from '../browser-data/port';
import { sameStore } from '../browser-data/stores';
import { isWithin } from '../rules/hostname';
import { isLoginService } from '../rules/login-service';
import { isLoginStep, type Transition } from '../session-groups/login-trail';
import type { Classify, GroupSite, SessionGroup, SessionState } from '../session-groups/types';
import { loginMarks, logoutOutcome } from './classify';
import { sessionMarks } from './marks';
import { cookiesReaching, enabled, inTurn } from './reads';
import { type ObservedLogout, readReport, recordLogout } from './record';
import { healthReport, loginsSeen, MAX_SEEN, MAX_TRIP_HOSTS } from './storage';

type Ctx = Pick<BackgroundContext, 'port' | 'settings'>;

/** Is `host` on one of the group's services (not on a login service, listed or not)? */
const onService = (g: SessionGroup, host: string) =>
  g.sites.some((m) => !isLoginService(m) && isWithin(host, m.scopeDomain));
const loginHostsOf = (g: SessionGroup) => g.hosts.filter((h) => !onService(g, h));

/** The newest `MAX_SEEN` entries (insertion order: the oldest go). */
const newest = <T>(r: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(r).slice(-MAX_SEEN));

/** A commit in the tab, as webNavigation reports it. */

/** Only the cookies of the tab's or group's own cookie store count: the same IdP signed in elsewhere is another session. */
const ofStore = (cookies: CookieRecord[] | null, storeId: string | undefined) =>
  cookies ? cookies.filter((c) => sameStore(c.storeId, storeId)) : null;

export interface CommitSeen extends Transition {
  tabId: number;
}

/**
 * A top-level commit was applied (`prev` → `next`). Off the e-services on a login trip (a redirect or form post
 * took the tab there, or it came from a group): the host's baseline, at the tab's first commit there (`seen`:
 * its cookies as the commit left them). Back on an e-service from such a trip: the marks the login brought,
 * for the group the tab is in now.
 */
export function noteLoginStep(
  ctx: Ctx,
  prev: SessionState,
  next: SessionState,
  d: CommitSeen,
  classify: Classify,
  seen: Promise<CookieRecord[] | null>,
): Promise<void> {
  // In turn: a trip's baseline is written before its return is looked at.
  return inTurn(async () => {
    if (!(await enabled(ctx))) return;
    const key = String(d.tabId);
    const tab = next.tabs[key];
    if (!tab?.host) return;
    const m = classify(tab.host);
    const all = await loginsSeen.getValue();
    const trip = all.trips[key];
    if (!m || isLoginService(m)) {
      const before = prev.tabs[key];
      const onTrip = !!trip || isLoginStep(d) || !!before?.groupId || !!before?.trail;
      if (!onTrip || (trip && (tab.host in trip || Object.keys(trip).length >= MAX_TRIP_HOSTS))) return;
      const cookies = ofStore(await seen, tab.storeId);
      if (!cookies) return;
      const { [key]: _, ...others } = all.trips;
      const marks = sessionMarks(cookies, [tab.host]);
      await loginsSeen.setValue({
        ...all,
        trips: newest({ ...others, [key]: { ...trip, [tab.host]: marks } }),
      });
      return;
    }
    if (!trip) return;
    const { [key]: _, ...trips } = all.trips;
    const g = tab.groupId ? next.groups[tab.groupId] : undefined;
    const hosts = g ? loginHostsOf(g).filter((h) => h in trip) : [];
    const cookies = hosts.length ? ofStore(await cookiesReaching(ctx, hosts), g?.storeId) : null;
    const signedIn = { ...all.signedIn };
    if (g && cookies) {
      const brought = loginMarks(trip, sessionMarks(cookies, hosts));
      const { [g.id]: had = [], ...rest } = signedIn;
      if (brought.length || had.length)
        Object.assign(rest, { [g.id]: [...new Set([...had, ...brought])].sort() });
      await loginsSeen.setValue({ trips, signedIn: newest(rest) });
      return;
    }
    await loginsSeen.setValue({ trips, signedIn });
  });
}

/**
 * The group's site logout has loaded and its purge is next: what did the logout leave at the login service?
 * Resolves with the count to make (`record`), or null when there is nothing to count: the report is off, the
 * login was not seen, or a read failed. Only the cookie reads are awaited; recording comes after the purge
 * has started.
 */
export async function observeLogout(
  ctx: Ctx,
  group: SessionGroup | undefined,
  classify: Classify,
  logoutHost?: string,
): Promise<(() => Promise<void>) | null> {
  if (!group || !(await enabled(ctx))) return null;
  const signedIn = (await loginsSeen.getValue()).signedIn[group.id];
  if (!signedIn?.length) return null;
  const hosts = loginHostsOf(group);
  const cookies = ofStore(await cookiesReaching(ctx, hosts), group.storeId);
  if (!cookies) return null;
  const outcome = logoutOutcome(signedIn, sessionMarks(cookies, hosts));
  if (!outcome) return null;
  // The service whose logout it was (the tab's site); its whole group's when the logout ended elsewhere.
  const own = logoutHost ? classify(logoutHost) : null;
  // Named services only: a site on no list (signed in through a login service, `via`) is known by its host,
  // which the report never keeps.
  const sites = group.sites.filter((m) => !isLoginService(m));
  const onUnnamed = !!logoutHost && sites.some((m) => m.via && isWithin(logoutHost, m.scopeDomain));
  const named: GroupSite[] =
    own && sites.some((m) => m.ruleId === own.ruleId) ? [own] : onUnnamed ? [] : sites;
  const services = named.filter((m) => !m.via).map((m) => m.label);
  if (!services.length) return null;
  const seen: ObservedLogout = {
    services,
    loginServices: [
      ...group.sites.filter(isLoginService).map((m) => m.label),
      ...loginHostsOf(group).flatMap((h) => {
        const m = classify(h);
        return m && isLoginService(m) ? [m.label] : [];
      }),
    ],
    outcome,
  };
  return () =>
    inTurn(async () => {
      const all = await loginsSeen.getValue();
      const { [group.id]: _, ...signedIn } = all.signedIn;
      await Promise.all([
        loginsSeen.setValue({ ...all, signedIn }),
        healthReport.setValue(recordLogout(readReport(await healthReport.getValue()), seen)),
      ]);
    });
}

/** IT's clear button. */
export const clearHealthReport = () => inTurn(() => healthReport.setValue({ services: {} }));

/** What the health page shows: nothing of the counts while IT has the report off. */
export async function healthStatus(ctx: Pick<Ctx, 'settings'>) {
  const on = await enabled(ctx);
  return { enabled: on, report: on ? readReport(await healthReport.getValue()) : { services: {} } };
}
