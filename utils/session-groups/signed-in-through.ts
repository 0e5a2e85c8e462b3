/**
 * Protection that follows the login: a site on no list (a housing company, an association, a small vendor) whose
 * login went through a known login service (a rule of kind `idp`: GrandID, Freja, ID-porten…) is protected
 * for the rest of the session. Its tab left the site for the login service and came back to the same site in one
 * login round trip: the site becomes one of the login service's group's sites, named by the host the person
 * used ("mina.example.se, signed in through GrandID"), and its registrable domain goes with the group.
 *
 * What it never takes in: a host of another site (only the site the round trip left from and came back to joins
 * — not what the way back passed through), a public suffix or hosting platform (the registrable domain by the
 * Public Suffix List with its private section: each `x.github.io` is a site of its own), an IP address, an
 * excluded domain, a site a rule already covers. A site that links to the login service without the person
 * coming back is not a member.
 */
import { IPV4, isPublicSuffix, registrableDomain } from '../rules/hostname';
import { isLoginService } from '../rules/login-service';
import { addSite, groupOfHost, groupOfRule, joinHosts, mergeGroups, trackOf } from './membership';
import type { Classify, GroupSite, RecentStep, SessionGroup, SessionState } from './types';

/** Rule id of a site on no list that signed in through a login service: one per registrable domain. */
export const SIGNED_IN_PREFIX = 'signed-in:';

export interface SignedInRoundTrip {
  /** The site, as the group keeps it (`GroupSite.via` set). */
  site: GroupSite;
  /** Hosts and origins of the site the round trip left from and came back to: the only ones that join. */
  hosts: string[];
  origins: string[];
  /** The login service's host the round trip reached: the site joins that host's group. */
  viaHost: string;
}

/**
 * The registrable domain of `host` when it is a site of its own — a name registered under a public suffix —
 * else null: an IP address, a single-label name, a public suffix or hosting platform itself.
 */
export function ownSiteOf(host: string): string | null {
  if (IPV4.test(host) || host.includes(':')) return null;
  const rd = registrableDomain(host);
  return rd.includes('.') && !isPublicSuffix(rd) ? rd : null;
}

/**
 * Does the tab's last top-level commit (the end of `steps`, a tab's recent steps) complete a login round trip of
 * a site on no list through a known login service? The walk: the last step came back by a login step (a
 * redirect or a form post: the login service sent the tab) to a site on no list; before it, a run of steps on
 * other sites — the first one the person started from the site's page (a link, a button, a redirect, a form
 * post; never a typed address), every later one a login step — that reached a login service; before that run,
 * a step on the same site. Null otherwise.
 */
export function signedInRoundTrip(
  steps: readonly RecentStep[],
  classify: Classify,
): SignedInRoundTrip | null {
  const back = steps.at(-1);
  if (back?.step !== 'login') return null;
  const site = ownSiteOf(back.host);
  if (!site) return null;
  const onSite = (h: string) => registrableDomain(h) === site;
  let k = steps.length - 2;
  while (k >= 0 && !onSite(steps[k]!.host)) k--;
  if (k < 0 || k === steps.length - 2) return null;
  const run = steps.slice(k + 1, -1);
  if (run.some((r, i) => r.step === 'typed' || (i > 0 && r.step !== 'login'))) return null;
  const via = run.find((r) => isLoginService(classify(r.host)));
  const service = via && classify(via.host);
  if (!via || !service) return null;
  const ends = [steps[k]!, back];
  // A site a rule covers has a group of its own; an excluded one is never touched.
  if (ends.some((r) => classify(r.host) || classify.isExcluded?.(r.host))) return null;
  const hosts = [...new Set(ends.map((r) => r.host))];
  const origins = [...new Set(ends.map((r) => r.origin))];
  return {
    site: {
      ruleId: `${SIGNED_IN_PREFIX}${site}`,
      label: back.host,
      kind: 'custom',
      scopeDomain: site,
      via: service.label,
    },
    hosts,
    origins,
    viaHost: via.host,
  };
}

/**
 * The tab came back by a login step to a site on no list that it left for a known login service
 * (`signedInRoundTrip`): the site joins the login service's group — with the group the tab came from, if the
 * login service's host is in none — and the group it is in already, if any, folds in (one session). Only the
 * site's own hosts join, never what the way back passed through: the tab's trail ends here (draft helper).
 */
export function joinSignedInSite(
  s: SessionState,
  tabId: number,
  classify: Classify,
  context: SessionGroup | undefined,
): SessionGroup | undefined {
  const trip = signedInRoundTrip(s.recent?.[String(tabId)] ?? [], classify);
  const store = s.tabs[String(tabId)]?.storeId;
  const home = trip && (groupOfHost(s, trip.viaHost, store) ?? context);
  if (!trip || !home) return undefined;
  const holder = groupOfRule(s, trip.site.ruleId, store);
  if (holder && holder.id !== home.id) mergeGroups(s, home, holder);
  else addSite(home, trip.site);
  trackOf(s, tabId).trail = undefined;
  return joinHosts(s, home, trip.hosts, trip.origins);
}
