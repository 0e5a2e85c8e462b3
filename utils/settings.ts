/**
 * Settings: the user's choices, with IT policy (managed storage) merged over them in exactly one place.
 */
import { isLanguageSetting, type LanguageSetting } from './languages';

export interface Settings {
  /** Built-in rule packs switched off by the user (all are on by default). */
  disabledPacks: string[];
  /** Validated domains added by the user (see utils/rules/validate-domain.ts). */
  customDomains: string[];
  /** Seconds after a group's last tab closes before it is purged (0–60). */
  graceSeconds: number;
  clearHistory: boolean;
  clearDownloads: boolean;
  /** Shared-computer mode: the in-page guard shows a reminder banner on protected pages. */
  sharedComputer: boolean;
  /** The UI language; 'auto' follows the browser. */
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledPacks: [],
  customDomains: [],
  graceSeconds: 1,
  clearHistory: true,
  clearDownloads: false,
  sharedComputer: false,
  language: 'auto',
};

/** Settings with the policy's domains; `locked` names the keys IT has set (the UI shows them as managed). */
export interface EffectiveSettings extends Settings {
  policyDomains: string[];
  excludedDomains: string[];
  locked: (keyof Settings)[];
}

export interface ManagedSettings {
  protectedDomains?: string[];
  excludedDomains?: string[];
  purgeOnTabCloseSeconds?: number;
  clearHistory?: boolean;
  clearDownloads?: boolean;
  sharedComputer?: boolean;
}

export const clampGrace = (n: number) =>
  Number.isFinite(n) ? Math.min(60, Math.max(0, Math.round(n))) : DEFAULT_SETTINGS.graceSeconds;

export function effectiveSettings(user: Settings, managed: ManagedSettings = {}): EffectiveSettings {
  const locked: (keyof Settings)[] = [];
  const out: EffectiveSettings = {
    ...DEFAULT_SETTINGS,
    ...user,
    policyDomains: [],
    excludedDomains: [],
    locked,
  };
  out.graceSeconds = clampGrace(out.graceSeconds);
  if (!isLanguageSetting(out.language)) out.language = DEFAULT_SETTINGS.language;
  if (Array.isArray(managed.protectedDomains)) out.policyDomains = managed.protectedDomains;
  if (Array.isArray(managed.excludedDomains)) out.excludedDomains = managed.excludedDomains;
  if (typeof managed.purgeOnTabCloseSeconds === 'number') {
    out.graceSeconds = clampGrace(managed.purgeOnTabCloseSeconds);
    locked.push('graceSeconds');
  }
  if (typeof managed.clearHistory === 'boolean') {
    out.clearHistory = managed.clearHistory;
    locked.push('clearHistory');
  }
  if (typeof managed.clearDownloads === 'boolean') {
    out.clearDownloads = managed.clearDownloads;
    locked.push('clearDownloads');
  }
  if (typeof managed.sharedComputer === 'boolean') {
    out.sharedComputer = managed.sharedComputer;
    locked.push('sharedComputer');
  }
  return out;
}
