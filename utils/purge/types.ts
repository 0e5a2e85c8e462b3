import type { SiteDataKind } from '../browser-data/port';

/** What happened that started a purge, named as the person would say it; the receipt says which. */
export type PurgeTrigger =
  | 'button'
  | 'shortcut'
  | 'context-menu'
  | 'guard'
  | 'site-logout'
  | 'last-tab-closed'
  | 'idle'
  | 'browser-start';

export const PURGE_TRIGGERS: readonly PurgeTrigger[] = [
  'button',
  'shortcut',
  'context-menu',
  'guard',
  'site-logout',
  'last-tab-closed',
  'idle',
  'browser-start',
];

/** Why a piece of the plan is there — the UI and the tests read these, never free text. */
export type PlanReason =
  | 'forced-logout-closes-tab'
  | 'session-storage-of-kept-tab'
  | 'restored-after-restart'
  | 'group-origin'
  | 'cookie-domain-shared-with-other-sites'
  | 'http-cache-of-fetched-origin';

export interface CookieScope {
  /** Cookies whose domain is one of these or under it (protected sites' domains). */
  domains: string[];
  /** Cookies that would be sent to one of these hosts (IdP and broker hosts the login passed through). */
  hosts: string[];
  /**
   * The group's registrable domains, one per site whose cookies go (what the receipt counts); cookies
   * partitioned under these top-level sites go too (CHIPS, Total Cookie Protection).
   */
  topLevelSites: string[];
  /**
   * IT's excluded domains: a cookie whose domain is one of these or under it is never in scope, even when a
   * protected domain above it is (absent in journals from before it existed: nothing excluded).
   */
  excluded?: string[];
  /**
   * The cookie store these cookies are in (utils/browser-data/stores.ts): absent, the regular store. A cookie of
   * the same site in another store is another session's, never in scope.
   */
  storeId?: string;
}

export interface PlannedTab {
  tabId: number;
  reason: PlanReason;
}

export interface PurgePlan {
  id: string;
  trigger: PurgeTrigger;
  createdAt: number;
  /** Human names of what is purged (site labels) and the group ids the plan ends. */
  groupIds: string[];
  labels: string[];
  /** Labels of sites on no list that signed in through a login service → that service's label (`GroupSite.via`). */
  signedInThrough?: Record<string, string>;
  hosts: string[];
  closeTabs: PlannedTab[];
  clearTabs: PlannedTab[];
  /** One removeSiteData call per entry: storage and cache by origin, cookies only where the whole registrable domain is in the group. */
  siteData: { origins: string[]; kinds: SiteDataKind[]; reason: PlanReason }[];
  cookies: CookieScope;
  /**
   * Entries found by host and last visited since the group's start (`since`, ms), and top-level URLs of the
   * group by name (redirect hops no search lists). A journal from before `since` existed has none: from 0.
   */
  history: { hosts: string[]; urls: string[]; since?: number } | null;
  /** Downloads from the group's hosts that started since the group's start (`since`, ms). */
  downloads: { hosts: string[]; since?: number } | null;
  /**
   * Form suggestions saved since the earliest login of the purged groups, at most 3 hours back (browsers keep
   * them by field name, not by site, so every site's go): only with the `clearFormData` setting on.
   */
  formData?: { since: number } | null;
  /**
   * Tabs on these hosts or under these domains leave the recently-closed list (with their sessionStorage),
   * except those of IT's excluded hosts (or under them; absent in journals from before it existed).
   */
  closedTabs?: { hosts: string[]; domains: string[]; excluded?: string[] };
  /**
   * Every site's HTTP cache stored since then: the groups' pages fetched from other origins whose names were not
   * kept (groups from the durable ledger, after a crash). Other sites' entries of those minutes go too.
   */
  httpCacheSince?: number | null;
  /**
   * Everything protected: protected cookies that no group knew of, found by the read after the bulk removal,
   * go in the same run with their sites (execute.ts).
   */
  sweep: boolean;
  /** When the browser session started, if known: where history and downloads of sites found outside begin. */
  sessionStartedAt?: number;
  /** The cookie store the plan acts in (its tabs, site data and cookies): absent, the regular store. */
  storeId?: string;
  /**
   * The same purge in other cookie stores (groups of a private window or a container), one plan per store, run
   * in the same journal and report. Absent when every group is in the plan's own store.
   */
  otherStores?: PurgePlan[];
}

export interface CookieLeftover {
  domain: string;
  name: string;
  storeId: string;
  partitioned: boolean;
}

export interface PurgeReport {
  planId: string;
  trigger: PurgeTrigger;
  labels: string[];
  /** As the plan's: `labels` entries that name a site on no list, with the login service it signed in through. */
  signedInThrough?: Record<string, string>;
  startedAt: number;
  finishedAt: number;
  tabsClosed: number;
  tabsCleared: number;
  /**
   * Sites (registrable domains) whose cookies were removed, in every store and partition. Cookies are not
   * counted one by one: that would take a read of the whole store before the removal, which costs about as
   * much as the removal itself. `leftovers` (read after) is what proves none is left.
   */
  cookieSitesCleared: number;
  /** Origins whose storage (localStorage, IndexedDB, Cache Storage, service workers, file systems, HTTP cache) was removed. */
  originsCleared: number;
  /** The sites (registrable domains) those origins belong to: what the receipt counts. */
  sitesCleared: number;
  /** Whether this purge removed history (the setting in force when it ran) and how many entries it found. */
  historyCleared: boolean;
  historyRemoved: number;
  /** Whether this purge removed downloads, and how many. */
  downloadsCleared: boolean;
  downloadsRemoved: number;
  /**
   * Whether this purge removed form suggestions (every site's, by time: the `clearFormData` setting) and
   * since when (ms). Absent in reports from before it existed: not removed.
   */
  formDataCleared?: boolean;
  formDataSince?: number;
  /** Cookies of the group still present after the purge, re-read from the browser. Empty = verified. */
  leftovers: CookieLeftover[];
  failures: { step: string; message: string }[];
  verified: boolean;
  /**
   * Set by the background's bookkeeping (not the executor): the purge did not verify or a step failed, so its
   * groups stay owed in the ledger and the purge is tried again (the receipt says so).
   */
  owed?: boolean;
}
