/**
 * The purge planner: a pure function from groups, open tabs and settings to a plan that says what will be
 * removed and why. No browser APIs, no clock, no randomness beyond the id it is given.
 */
import {
  ALL_SITE_DATA_KINDS,
  type CookieRecord,
  type SiteDataKind,
  type TabInfo,
} from '../browser-data/port';
import { isPrivateStore, sameStore, storeOfTab } from '../browser-data/stores';
import { registrableDomain as registrable, isWithin as within } from '../rules/hostname';
import type { RuleMatch } from '../rules/types';
import type { SessionGroup } from '../session-groups/types';
import type { CookieScope, PlannedTab, PurgePlan, PurgeTrigger } from './types';

export interface PlanInput {
  id: string;
  trigger: PurgeTrigger;
  now: number;
  groups: readonly SessionGroup[];
  /** Open tabs; those on a group host (or listed in a group) close — on a site logout they stay, emptied. */
  tabs: readonly TabInfo[];
  clearHistory: boolean;
  clearDownloads: boolean;
  /**
   * Form suggestions (kept by field name for every site, removable only by time) go only when this is on
   * (shared-computer mode): from the earliest login of the purged groups, never more than
   * `FORM_DATA_MAX_AGE_MS` before `now`.
   */
  clearFormData?: boolean;
  /**
   * IT's excluded domains (`excludedDomains`): these hosts and everything under them are never closed, cleared
   * or swept, even under a protected domain. A registrable domain holding one loses the origin-wide cookie call.
   */
  excluded?: readonly string[];
  /** Protected sites outside any group (cookies no group knew of): their scope, name and the hosts seen. */
  extraSites?: readonly OutsideSite[];
  /** Everything protected: protected cookies no group knows of go too (found during the purge; see `PurgePlan.sweep`). */
  sweep?: boolean;
  /**
   * When this browser session started (ms): the start of history and downloads for sites no group knew of
   * (`extraSites` alone). Absent: the plan's own time, so nothing of their history or downloads goes.
   */
  sessionStartedAt?: number;
}

/** Form suggestions are removed by time only: never more than this far back (3 hours). */
/** How much before a group's recorded start its history and downloads are taken from (see `planPurge`). */
export const SESSION_START_MARGIN_MS = 5 * 60_000;

export const FORM_DATA_MAX_AGE_MS = 3 * 60 * 60 * 1000;

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const STORAGE_KINDS: SiteDataKind[] = ALL_SITE_DATA_KINDS.filter((k) => k !== 'cookies');

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Does this cookie belong to the group? Its domain is a protected site's, it would be sent to a group host, or it is partitioned under a group site. */
export function cookieInScope(c: CookieRecord, scope: CookieScope): boolean {
  // Another cookie store is another session: the same site's cookies there are never this one's.
  if (!sameStore(c.storeId, scope.storeId)) return false;
  const d = c.domain.replace(/^\./, '').toLowerCase();
  // An excluded host's own cookies (set for it or under it) are never the group's.
  if (scope.excluded?.some((x) => within(d, x))) return false;
  if (scope.domains.some((sd) => within(d, sd))) return true;
  if (scope.hosts.some((h) => (c.hostOnly ? h === d : within(h, d)))) return true;
  const tls = hostOf(c.partitionKey?.topLevelSite);
  if (tls && scope.topLevelSites.includes(registrable(tls))) return true;
  if (c.firstPartyDomain && scope.topLevelSites.includes(registrable(c.firstPartyDomain))) return true;
  return false;
}

/**
 * A protected site no group knew of, found by its cookies: the hosts those cookies were set for, and the cookie
 * store they are in (absent: the regular one).
 */
export type OutsideSite = Pick<RuleMatch, 'scopeDomain' | 'label'> & {
  hosts?: readonly string[];
  storeId?: string;
};

/**
 * The plan: one per cookie store the groups (and sites found outside them) are in, each acting in its store
 * only — the same site signed in in a private window or a container is another session, and stays. The first
 * plan (the regular store's, when it has any) carries the others in `otherStores`, and every group id and label.
 */
export function planPurge(input: PlanInput): PurgePlan {
  const named = new Set([
    ...input.groups.map((g) => g.storeId),
    ...(input.extraSites ?? []).map((x) => x.storeId),
  ]);
  // The regular store first (a sort would put `undefined` last whatever the comparator says).
  const stores = [
    ...(named.has(undefined) ? [undefined] : []),
    ...[...named].filter((id): id is string => id !== undefined).sort(),
  ];
  const [first, ...rest] = stores.length ? stores : [undefined];
  const inStore = (storeId: string | undefined): PlanInput => ({
    ...input,
    id: storeId === first ? input.id : `${input.id}-${storeId}`,
    groups: input.groups.filter((g) => g.storeId === storeId),
    extraSites: (input.extraSites ?? []).filter((x) => x.storeId === storeId),
    tabs: input.tabs.filter((t) => sameStore(storeOfTab(t), storeId)),
    sweep: storeId === first && input.sweep === true,
  });
  const plan = planStore(inStore(first), first);
  if (!rest.length) return plan;
  const others = rest.map((storeId) => planStore(inStore(storeId), storeId));
  return {
    ...plan,
    groupIds: [plan, ...others].flatMap((p) => p.groupIds),
    labels: uniq([plan, ...others].flatMap((p) => p.labels)),
    otherStores: others,
  };
}

/** The plan of one cookie store: `input` holds only its groups, sites and tabs. */
function planStore(input: PlanInput, storeId: string | undefined): PurgePlan {
  const { groups } = input;
  // Private browsing writes no history and keeps no downloads list: what a search finds there is another
  // store's (the same site visited in a normal window), never this session's.
  const inMemory = isPrivateStore(storeId);
  const excluded = uniq((input.excluded ?? []).map((x) => x.toLowerCase().replace(/\.$/, '')));
  const isExcluded = (h: string) => excluded.some((x) => within(h, x));
  const keepOrigin = (o: string) => {
    const h = hostOf(o);
    return h === undefined || !isExcluded(h);
  };
  // History and downloads only from the session: the earliest start of the groups purged, less a margin (the
  // browser dates a visit when the navigation starts; the worker may see that event seconds later, on a busy
  // machine or while it wakes, and the group's start is when it did); for sites no group knew of (no start
  // known), the browser session's start.
  const since = groups.length
    ? Math.min(...groups.map((g) => g.startedAt)) - SESSION_START_MARGIN_MS
    : Math.min(input.sessionStartedAt ?? input.now, input.now);
  const hosts = uniq([
    ...groups.flatMap((g) => g.hosts),
    ...(input.extraSites ?? []).flatMap((x) => x.hosts ?? []),
  ]).filter((h) => !isExcluded(h));
  const siteDomains = uniq([
    ...groups.flatMap((g) => g.sites.map((s) => s.scopeDomain)),
    ...(input.extraSites ?? []).map((x) => x.scopeDomain),
  ]).filter((d) => !isExcluded(d));
  const inSiteDomain = (h: string) => siteDomains.some((d) => within(h, d));
  const loginHosts = hosts.filter((h) => !inSiteDomain(h));
  const topLevelSites = uniq([...hosts.map(registrable), ...siteDomains.map(registrable)]);

  // A registrable domain is wholly the group's when a protected site covers all of it, or when it is the
  // domain of a login host no protected rule narrows (the IdP's own site). Only then may cookies go by origin
  // in one browser call (Chrome clears cookies by origin for the whole registrable domain). A registrable
  // domain that holds an excluded host never is: its cookies go one by one (`cookieInScope` skips the host's).
  const narrowRules = siteDomains.filter((d) => registrable(d) !== d).map(registrable);
  // A host of another group's site that this group's login passed through (`sharedHosts`): host by host only.
  const shared = new Set(groups.flatMap((g) => (g.sharedHosts ?? []).map(registrable)));
  const wholeDomains = new Set(
    topLevelSites.filter(
      (rd) =>
        !excluded.some((x) => within(x, rd)) &&
        (siteDomains.includes(rd) ||
          (!narrowRules.includes(rd) && !shared.has(rd) && hosts.some((h) => registrable(h) === rd))),
    ),
  );

  const origins = uniq([
    ...groups.flatMap((g) => g.origins),
    ...hosts.flatMap((h) => [`https://${h}`, `http://${h}`]),
    ...siteDomains.flatMap((d) => [`https://${d}`, `http://${d}`]),
  ]).filter(keepOrigin);
  const cookieOrigins = origins.filter((o) => wholeDomains.has(registrable(new URL(o).hostname)));
  const otherOrigins = origins.filter((o) => !cookieOrigins.includes(o));

  const groupTabIds = new Set(groups.flatMap((g) => g.tabIds));
  const closeTabs: PlannedTab[] = [];
  const clearTabs: PlannedTab[] = [];
  for (const tab of input.tabs) {
    const h = hostOf(tab.url);
    const member = groupTabIds.has(tab.id) || (h !== undefined && (hosts.includes(h) || inSiteDomain(h)));
    if (!member || (h !== undefined && isExcluded(h))) continue;
    // The site's own logout page stays for the person to see; its sessionStorage goes.
    if (input.trigger === 'site-logout') {
      clearTabs.push({ tabId: tab.id, reason: 'session-storage-of-kept-tab' });
    } else {
      closeTabs.push({
        tabId: tab.id,
        reason: input.trigger === 'browser-start' ? 'restored-after-restart' : 'forced-logout-closes-tab',
      });
    }
  }

  const siteData: PurgePlan['siteData'] = [];
  if (cookieOrigins.length)
    siteData.push({ origins: cookieOrigins, kinds: [...ALL_SITE_DATA_KINDS], reason: 'group-origin' });
  if (otherOrigins.length)
    siteData.push({
      origins: otherOrigins,
      kinds: STORAGE_KINDS,
      reason: 'cookie-domain-shared-with-other-sites',
    });

  // Other sites' responses cached under the group's pages (an API on a domain of its own): their HTTP cache
  // only — never their cookies or storage.
  const planned = new Set(origins);
  const fetched = uniq(groups.flatMap((g) => g.fetchedOrigins ?? [])).filter(
    (o) => !planned.has(o) && keepOrigin(o),
  );
  if (fetched.length)
    siteData.push({ origins: fetched, kinds: ['cache'], reason: 'http-cache-of-fetched-origin' });
  // The same, for groups whose fetched origins are not known by name (from the ledger): by time.
  const unnamed = groups.filter((g) => g.fetchedElsewhere && !g.fetchedOrigins?.length);
  const httpCacheSince = unnamed.length
    ? Math.min(...unnamed.map((g) => g.startedAt)) - SESSION_START_MARGIN_MS
    : null;

  const cookies: CookieScope = {
    domains: siteDomains,
    hosts: loginHosts,
    topLevelSites,
    ...(excluded.length ? { excluded } : {}),
    ...(storeId !== undefined ? { storeId } : {}),
  };
  const groupsSince = groups.length ? Math.min(...groups.map((g) => g.startedAt)) : undefined;

  return {
    id: input.id,
    trigger: input.trigger,
    createdAt: input.now,
    groupIds: groups.map((g) => g.id),
    labels: uniq([
      ...groups.flatMap((g) => g.sites.map((s) => s.label)),
      ...(input.extraSites ?? []).map((x) => x.label),
    ]),
    ...signedInThroughOf(groups),
    hosts,
    closeTabs,
    clearTabs,
    siteData,
    cookies,
    history:
      input.clearHistory && !inMemory
        ? {
            hosts: uniq([...hosts, ...siteDomains]),
            urls: uniq(groups.flatMap((g) => g.urls ?? [])).filter(keepOrigin),
            since,
          }
        : null,
    downloads: input.clearDownloads && !inMemory ? { hosts: uniq([...hosts, ...siteDomains]), since } : null,
    httpCacheSince,
    closedTabs: { hosts, domains: siteDomains, ...(excluded.length ? { excluded } : {}) },
    formData:
      input.clearFormData === true && groupsSince !== undefined
        ? { since: Math.max(groupsSince, input.now - FORM_DATA_MAX_AGE_MS) }
        : null,
    sweep: input.sweep === true,
    ...(input.sessionStartedAt !== undefined ? { sessionStartedAt: input.sessionStartedAt } : {}),
    ...(storeId !== undefined ? { storeId } : {}),
  };
}

/**
 * The protected sites a sweeping plan found outside itself (cookies no group knew of), planned with the same
 * trigger and settings: their tabs, storage, history and downloads go as a group's would.
 */
export function planOutside(
  plan: PurgePlan,
  sites: readonly OutsideSite[],
  tabs: readonly TabInfo[],
): PurgePlan {
  return planPurge({
    id: `${plan.id}-outside`,
    trigger: plan.trigger,
    now: plan.createdAt,
    groups: [],
    tabs,
    clearHistory: plan.history !== null,
    clearDownloads: plan.downloads !== null,
    clearFormData: plan.formData != null,
    excluded: plan.cookies.excluded ?? [],
    extraSites: sites,
    ...(plan.sessionStartedAt !== undefined ? { sessionStartedAt: plan.sessionStartedAt } : {}),
  });
}

/** Sites on no list that signed in through a login service (`GroupSite.via`): label → the service's label. */
function signedInThroughOf(groups: readonly SessionGroup[]): Pick<PurgePlan, 'signedInThrough'> {
  const via = groups.flatMap((g) => g.sites.flatMap((x) => (x.via ? [[x.label, x.via] as const] : [])));
  return via.length ? { signedInThrough: Object.fromEntries(via) } : {};
}
