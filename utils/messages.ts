/**
 * Every message, declared once and typed (docs/architecture.md: messages). Only the background handles them; who may send
 * each one is declared here too: destructive commands come only from the extension's own pages, a content
 * script may only report and ask.
 */
import { browser } from 'wxt/browser';
import type { AddDomainResult } from './custom-domains';
import type { HealthReport } from './health/types';
import type { LanguageSetting } from './languages';
import type { PurgeReport } from './purge/types';
import type { EffectiveSettings, Settings } from './settings';
import type { SiteStatus } from './site-status';

export interface GroupSummary {
  id: string;
  labels: string[];
  /** `labels` entries that name a site on no list, with the login service it signed in through (GroupSite.via). */
  signedInThrough?: Record<string, string>;
  hosts: string[];
  /** Hosts of the group that belong to none of its sites: the login services (IdPs, brokers) it passed. */
  loginHosts: string[];
  tabCount: number;
  startedAt: number;
  /**
   * The group's cookie store when it is not the normal window's (SessionGroup.storeId): a private window, or a
   * Firefox container. Only the kind: the popup tells two sessions of one site apart, it needs no store id.
   */
  store?: 'private' | 'container';
}

/** A purge that did not verify and will be tried again (utils/background/owed.ts): what it was of, and when. */
export interface OwedSummary {
  labels: string[];
  attempts: number;
  nextAt: number;
}

/** What the options page may change directly (custom domains go through their own validated messages). */
export type SettingsPatch = Partial<
  Pick<
    Settings,
    | 'disabledPacks'
    | 'optInPacks'
    | 'graceSeconds'
    | 'clearHistory'
    | 'clearDownloads'
    | 'clearFormData'
    | 'sharedComputer'
    | 'language'
  >
>;

export interface Protocol {
  /** `owed`: purges that did not verify and will be tried again (absent when there are none). */
  getStatus: {
    req: Record<string, never>;
    res: { groups: GroupSummary[]; lastReport: PurgeReport | null; owed?: OwedSummary[] };
  };
  /** Log out of every protected group and close their tabs. */
  logOutAll: { req: Record<string, never>; res: PurgeReport | null };
  /** Log out of one group ("Only this site"). */
  logOutGroup: { req: { groupId: string }; res: PurgeReport | null };
  /** A protected page saw a click on its own logout control: purge this tab's group once the logout has loaded. */
  logoutClicked: { req: Record<string, never>; res: { accepted: boolean } };
  /** A protected page fetched from these other origins (their HTTP cache goes with the group's). */
  fetchedOrigins: { req: { origins: string[] }; res: { accepted: boolean } };
  /**
   * The settings in force (user settings with IT policy merged over them; `locked` = set by policy), and the
   * keys the options page may only make stricter (shared-computer mode: utils/background/shared-mode-guard.ts).
   */
  getSettings: {
    req: Record<string, never>;
    res: EffectiveSettings & { strengthenOnly: readonly (keyof Settings)[] };
  };
  /** Change settings. Refused as a whole when it touches a key IT policy has locked. */
  saveSettings: { req: { patch: SettingsPatch }; res: EffectiveSettings };
  /** Validate and add a protected domain of the user's own. */
  addCustomDomain: { req: { input: string }; res: AddDomainResult };
  removeCustomDomain: { req: { domain: string }; res: EffectiveSettings };
  /** The popup: what is true of the site in tab `tabId` (the background reads the tab's URL itself). */
  siteStatus: { req: { tabId: number }; res: SiteStatus };
  /**
   * The popup's "Protect this site": the registrable domain of tab `tabId`'s site (derived here from the
   * tab's URL, validated) becomes one of the person's own domains, and the open tab is taken on with its login.
   */
  protectSite: {
    req: { tabId: number };
    res:
      | { ok: true; domain: string; undoable: boolean; status: SiteStatus }
      | { ok: false; status: SiteStatus };
  };
  /** Undo of protectSite: the domain is removed again, with the group protecting it made (its data untouched). */
  unprotectSite: { req: { domain: string }; res: { ok: boolean } };
  /** The in-page guard asks how to show itself. Reveals nothing but two settings. */
  guardInfo: { req: Record<string, never>; res: { sharedComputer: boolean; language: LanguageSetting } };
  /**
   * The in-page guard's "Log out and clear" was pressed (a trusted click). The guard only *asks*: the
   * background honours it only for the sending tab's own session group, and only while that tab shows a
   * protected host of that group (utils/background/guard.ts). It can never purge anything else.
   */
  guardLogOut: { req: Record<string, never>; res: { accepted: boolean } };
  /** The logout health report, and whether it is on (IT's `healthReport` policy). */
  getHealthReport: { req: Record<string, never>; res: { enabled: boolean; report: HealthReport } };
  /** IT's clear button on the health page: the report's counts go. */
  clearHealthReport: { req: Record<string, never>; res: { cleared: boolean } };
}

export type MessageType = keyof Protocol;

/** Who may send a message: 'extension-page' = a page of this extension; 'content-script' = our script in a web page. */
export const SENDER_POLICY: Record<MessageType, 'extension-page' | 'content-script'> = {
  getStatus: 'extension-page',
  logOutAll: 'extension-page',
  logOutGroup: 'extension-page',
  logoutClicked: 'content-script',
  fetchedOrigins: 'content-script',
  getSettings: 'extension-page',
  saveSettings: 'extension-page',
  addCustomDomain: 'extension-page',
  removeCustomDomain: 'extension-page',
  siteStatus: 'extension-page',
  protectSite: 'extension-page',
  unprotectSite: 'extension-page',
  guardInfo: 'content-script',
  guardLogOut: 'content-script',
  getHealthReport: 'extension-page',
  clearHealthReport: 'extension-page',
};

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  data: Protocol[K]['req'];
}

export function sendMessage<K extends MessageType>(
  type: K,
  data: Protocol[K]['req'],
): Promise<Protocol[K]['res']> {
  return browser.runtime.sendMessage({ type, data } satisfies Envelope<K>) as Promise<Protocol[K]['res']>;
}

export function isEnvelope(m: unknown): m is Envelope {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as Envelope).type === 'string' &&
    Object.hasOwn(SENDER_POLICY, (m as Envelope).type)
  );
}

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string; windowId?: number; index?: number };
  frameId?: number;
}

/** True only for a page of this very extension (popup, receipt, options): not a content script, not a web page. */
export function isExtensionPage(sender: SenderLike, extensionId: string, extensionBaseUrl: string): boolean {
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionBaseUrl)
  );
}

/** True for our own content script, in the top frame of a web page (http/https). */
export function isOwnContentScript(sender: SenderLike, extensionId: string): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    (sender.frameId ?? 0) === 0 &&
    typeof sender.url === 'string' &&
    /^https?:/.test(sender.url)
  );
}
