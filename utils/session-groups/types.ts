import type { RuleMatch } from '../rules/types';

/** The recogniser: which rule, if any, covers a host (the rule matcher's `match`). */
export type Classify = ((hostname: string) => RuleMatch | null) & {
  /** IT's excluded domains (`excludedDomains`): the recogniser answers null for them, and this says why. */
  isExcluded?: (hostname: string) => boolean;
};

/**
 * One of a group's sites: a rule that matched, or (`via`) a site on no list that signed in through a known login
 * service (signed-in-through.ts): `label` is then the host the person used, `scopeDomain` its registrable
 * domain, `via` the login service's label.
 */
export type GroupSite = RuleMatch & { readonly via?: string };

/**
 * A session group: one or more protected sites plus every host their logins passed through.
 * Lives in storage.session (and is mirrored to the durable ledger) — never only in memory.
 */
export interface SessionGroup {
  id: string;
  /** The protected sites (and known login services) it covers: the rules that matched its hosts. */
  sites: GroupSite[];
  /**
   * Hosts of *other* groups' protected sites that a login of this group passed through (a kommun's own IdP,
   * `fs.<kommun>.se`, on a school platform's login): members here too, without merging the two groups. Also in
   * `hosts`. The purge clears them host by host, never their whole registrable domain (the other group's).
   */
  sharedHosts?: string[];
  /** Every host seen in the group: protected hosts visited plus transit hosts (IdPs, brokers, BankID pages). */
  hosts: string[];
  /** Every origin (`scheme://host[:port]`) seen, for per-origin storage removal. */
  origins: string[];
  /**
   * Top-level URLs requested in the group, redirect hops included: history lists a URL reached only as a
   * redirect hop under no search, so the purge deletes these by name. storage.session only (never the ledger).
   */
  urls?: string[];
  /**
   * Origins of other sites that the group's pages fetched from (an API on a domain of its own). Chromium keys
   * the HTTP cache by the resource's URL, so a response cached under the group's pages only goes with its
   * origin's cache: the purge clears the HTTP cache of these origins, nothing else of theirs.
   */
  fetchedOrigins?: string[];
  /**
   * Its pages fetched from other origins whose names are not kept: a group from the durable ledger (page-named
   * origins never reach the disk). Their HTTP cache then goes by time, every site's since the group began.
   */
  fetchedElsewhere?: boolean;
  /**
   * Open tabs that belong to the group (visited it, or are on a login trail that started in it): the one
   * record of membership. "Which groups has this tab belonged to" is derived from it (`groupsOfTab`).
   */
  tabIds: number[];
  /**
   * The cookie store its tabs are in when not the regular one (`'1'`: Chromium incognito; `firefox-private`,
   * `firefox-container-N`): the same site in two stores is two sessions, two groups, purged apart
   * (utils/browser-data/stores.ts).
   */
  storeId?: string;
  startedAt: number;
  lastSeenAt: number;
}

/** Hosts a tab passed through after leaving a group, not (yet) members: they join if the tab comes back. */
export interface Trail {
  fromGroupId: string;
  hosts: string[];
  origins: string[];
  urls?: string[];
  startedAt: number;
  /** The tab was sent away by a group host (a login redirect), not by a link the person followed. */
  redirected?: boolean;
}

export interface LogoutWatch {
  groupId: string;
  /** 'clicked': the page reported a click on a logout control; 'navigating': a logout URL is loading. */
  phase: 'clicked' | 'navigating';
  at: number;
}

/**
 * One top-level commit of a tab, kept for a few minutes whatever group the tab is in (none, often): how the tab
 * got there. `login`: a redirect or a form post (`isLoginStep`), or a page the person reached by a link that
 * then sent the tab on by itself; `link`: a link the person followed; `typed`: the person chose it (typed,
 * bookmark, back/forward). A domain that becomes protected while a tab is on it (a late IT policy) forms its
 * group with the hosts its login reached (`recentLoginHops`, navigation.ts). Hosts and origins only, no URLs.
 */
export interface RecentStep {
  host: string;
  origin: string;
  at: number;
  step: 'login' | 'link' | 'typed';
}

export interface TabTrack {
  tabId: number;
  /** The tab's cookie store when not the regular one: the groups it can start, join or reach are that store's. */
  storeId?: string;
  /** Host the tab's top frame is on now. */
  host?: string;
  /**
   * Where the tab is now, not what it belongs to: the group its top frame's host was a member of when the
   * page committed (`currentGroupOf`). Always one of the groups the tab belongs to. Stored, not derived from
   * `host`: a host that joins a group later (another tab's login trail) does not move this tab into it.
   */
  groupId?: string;
  trail?: Trail;
  logout?: LogoutWatch;
  /**
   * The tab whose page opened this one (`webNavigation.onCreatedNavigationTarget`: a link with a target, a
   * `window.open`): that page may hold a handle and navigate this tab. A tab the browser merely files under the
   * active one (a new tab by Ctrl+T inherits it as `tabs.Tab.openerTabId`) has none: nothing can script it.
   */
  openedBy?: number;
}

/**
 * Kept in storage.session. v2: membership is stored once, in `SessionGroup.tabIds` (v1 also kept each tab's
 * `groupIds`); `migrateSessionState` reads a v1 state.
 */
export interface SessionState {
  v: 2;
  groups: Record<string, SessionGroup>;
  tabs: Record<string, TabTrack>;
  /**
   * Per open tab (by id), its last top-level commits: at most `MAX_RECENT`, none older than the login window;
   * a closed tab's go at the next commit of any tab.
   */
  recent?: Record<string, RecentStep[]>;
}

export const emptySessionState = (): SessionState => ({ v: 2, groups: {}, tabs: {} });
