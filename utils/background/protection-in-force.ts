/**
 * The settings in force (user settings with IT policy over them) and the recogniser they make: built-in packs
 * the user has not switched off, plus user and policy domains, minus excluded ones. Rebuilt only when settings
 * change (a derived cache, not state).
 */
import { browser } from 'wxt/browser';
import { PACKS } from '../rules/generated/packs';
import { isWithin } from '../rules/hostname';
import { createMatcher } from '../rules/match';
import type { Classify } from '../session-groups/types';
import { type EffectiveSettings, effectiveSettings } from '../settings';
import { userSettings } from '../storage';
import { readManaged, refreshManaged } from './managed-policy';

/** Policy arrived or changed: the next read asks the browser again (managed-policy.ts). */
export function forgetManaged(): void {
  void refreshManaged(browser.storage.managed).catch((e: unknown) => console.error('Safe Logout: policy', e));
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, managed] = await Promise.all([userSettings.getValue(), readManaged(browser.storage.managed)]);
  return effectiveSettings(user, managed);
}

let cache: { key: string; classify: Classify; domains: string[] } | undefined;

async function build() {
  const s = await loadEffectiveSettings();
  // `optInPacks` comes with the settings side (branch faces); until it is merged the cast keeps tsc quiet.
  const optInPacks = (s as { optInPacks?: string[] }).optInPacks;
  const key = JSON.stringify([
    s.disabledPacks,
    optInPacks,
    s.customDomains,
    s.policyDomains,
    s.excludedDomains,
  ]);
  if (cache?.key === key) return cache;
  const packs = PACKS.filter((p) =>
    p.optIn ? (optInPacks ?? []).includes(p.id) : !s.disabledPacks.includes(p.id),
  );
  const matcher = createMatcher({
    packs,
    custom: s.customDomains,
    policy: s.policyDomains,
    excluded: s.excludedDomains,
  });
  const domains = [
    ...packs.flatMap((p) => p.rules.flatMap((r) => r.domains)),
    ...s.customDomains,
    ...s.policyDomains,
  ].filter((d) => matcher.match(d) !== null);
  const excluded = s.excludedDomains.map((d) => d.toLowerCase().replace(/^\.+|\.+$/g, ''));
  const classify: Classify = Object.assign((host: string) => matcher.match(host), {
    isExcluded: (host: string) => excluded.some((d) => isWithin(host.toLowerCase(), d)),
  });
  cache = { key, classify, domains };
  return cache;
}

/** What is protected now: the recogniser and every protected domain (for the logout watcher's hosts). */
export const recogniser = async (): Promise<{ classify: Classify; domains: string[] }> => build();

export const protectedDomains = async (): Promise<string[]> => (await build()).domains;
