/** What the recogniser says about a host. Produced by the rule matcher; consumed by the pure group logic. */
export interface HostMatch {
  ruleId: string;
  label: string;
  /** 'idp' rules are login services: they join the group of whichever protected tab visits them. */
  kind: string;
  /** The rule domain that matched (the domain and all its subdomains are in scope). */
  scopeDomain: string;
}

export type Classify = (hostname: string) => HostMatch | null;

/** A protected site in a group, as the UI names it. */
export interface GroupSite {
  ruleId: string;
  label: string;
  scopeDomain: string;
  kind: string;
}

/**
 * A session group: one or more protected sites plus every host their logins passed through.
 * Lives in storage.session (and is mirrored to the durable ledger) — never only in memory.
 */
export interface SessionGroup {
  id: string;
  sites: GroupSite[];
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
  /** Open tabs that belong to the group (visited it, or are on a login trail that started in it). */
  tabIds: number[];
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

export interface TabTrack {
  tabId: number;
  /** Groups this tab has belonged to since it opened. A closing tab may end any of them. */
  groupIds: string[];
  /** Host the tab's top frame is on now, and its group if that host is a group member. */
  host?: string;
  groupId?: string;
  trail?: Trail;
  logout?: LogoutWatch;
}

export interface SessionState {
  v: 1;
  groups: Record<string, SessionGroup>;
  tabs: Record<string, TabTrack>;
}

export const emptySessionState = (): SessionState => ({ v: 1, groups: {}, tabs: {} });
