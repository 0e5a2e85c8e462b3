/**
 * Settings: the user's choices, with IT policy (managed storage) merged over them in exactly one place.
 */
import { isLanguageSetting, type LanguageSetting } from './languages';
import { parsePolicy } from './policy/parse';
import { SHARED_COMPUTER_DEFAULTS } from './policy/shared-mode';
import type { ManagedSettings, PolicyNotice } from './policy/types';

export type { ManagedSettings, PolicyNotice };

export interface Settings {
  /** Built-in rule packs switched off by the user (all are on by default, except the opt-in ones). */
  disabledPacks: string[];
  /**
   * Opt-in packs switched on (`Pack.optIn`: global logins such as Microsoft's and Google's, off by default:
   * clearing them signs a person out far beyond e-services). Only ids of opt-in packs count.
   */
  optInPacks: string[];
  /** Validated domains added by the user (see utils/rules/validate-domain.ts). */
  customDomains: string[];
  /** Seconds after a group's last tab closes before it is purged (0–60). */
  graceSeconds: number;
  clearHistory: boolean;
  clearDownloads: boolean;
  /**
   * Form suggestions go at every purge (by time: every site's since the earliest login, at most 3 hours back).
   * Off by default; on in shared-computer mode.
   */
  clearFormData: boolean;
  /** Shared-computer mode: the in-page guard shows a reminder banner on protected pages. */
  sharedComputer: boolean;
  /** The UI language; 'auto' follows the browser. */
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledPacks: [],
  optInPacks: [],
  customDomains: [],
  graceSeconds: 1,
  clearHistory: true,
  clearDownloads: false,
  clearFormData: false,
  sharedComputer: false,
  language: 'auto',
};

/** Settings with the policy's domains; `locked` names the keys IT has set (the UI shows them as managed). */
export interface EffectiveSettings extends Settings {
  policyDomains: string[];
  excludedDomains: string[];
  /** Seconds without input before the "Are you still there?" countdown; 0 = off. Set by IT only. */
  idleTimeoutSeconds: number;
  /** Password saving (Chrome: and autofill) off. Set by IT only. */
  disablePasswordSaving: boolean;
  /** Where a window goes when a purge closes its last tab; null = the browser's new-tab page. Set by IT only. */
  startPage: string | null;
  /** IT locked the options page: nothing but the language can be changed there. */
  lockSettings: boolean;
  /** The logout health report (utils/health/) observes and shows; IT's `healthReport: false` turns it off. */
  healthReport: boolean;
  locked: (keyof Settings)[];
  /** Policy values that were ignored or adjusted (utils/policy/parse.ts), for the options page. */
  policyNotices: PolicyNotice[];
}

export const clampGrace = (n: number) =>
  Number.isFinite(n) ? Math.min(60, Math.max(0, Math.round(n))) : DEFAULT_SETTINGS.graceSeconds;

/** What `lockSettings` locks: everything but the page language, which protects nothing and helps a visitor. */
const LOCKABLE = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter((k) => k !== 'language');

/**
 * The one merge point. `managed` is the raw managed storage: it is validated here (invalid values are left out
 * and reported in `policyNotices`), so no caller can merge an unchecked policy. Shared-computer mode from
 * policy supplies IT's defaults for the keys it implies; keys IT set explicitly win; every key IT set, directly
 * or through shared-computer mode, is locked. With `lockSettings` the user's earlier choices no longer count.
 */
export function effectiveSettings(user: Settings, managed: unknown = {}): EffectiveSettings {
  const { managed: policy, notices } = parsePolicy(managed);
  const it: ManagedSettings = { ...(policy.sharedComputer ? SHARED_COMPUTER_DEFAULTS : {}), ...policy };
  const lockAll = it.lockSettings === true;
  const locked = new Set<keyof Settings>(lockAll ? LOCKABLE : []);
  const base: Settings = lockAll
    ? { ...DEFAULT_SETTINGS, language: user.language }
    : { ...DEFAULT_SETTINGS, ...user };
  const out: EffectiveSettings = {
    ...base,
    policyDomains: it.protectedDomains ?? [],
    excludedDomains: it.excludedDomains ?? [],
    idleTimeoutSeconds: it.idleTimeoutSeconds ?? 0,
    disablePasswordSaving: it.disablePasswordSaving ?? false,
    startPage: it.startPage ?? null,
    lockSettings: lockAll,
    healthReport: it.healthReport ?? true,
    locked: [],
    policyNotices: notices,
  };
  out.graceSeconds = clampGrace(out.graceSeconds);
  if (!isLanguageSetting(out.language)) out.language = DEFAULT_SETTINGS.language;
  if (it.purgeOnTabCloseSeconds !== undefined) {
    out.graceSeconds = clampGrace(it.purgeOnTabCloseSeconds);
    locked.add('graceSeconds');
  }
  if (it.optInPacks !== undefined) {
    out.optInPacks = [...it.optInPacks];
    locked.add('optInPacks');
  }
  if (!Array.isArray(out.optInPacks)) out.optInPacks = [];
  for (const key of ['clearHistory', 'clearDownloads', 'clearFormData', 'sharedComputer'] as const) {
    const value = it[key];
    if (value === undefined) continue;
    out[key] = value;
    locked.add(key);
  }
  out.locked = [...locked];
  return out;
}
