/**
 * The recogniser the background uses: built-in packs the user has not switched off, plus user and policy
 * domains, minus excluded ones. Rebuilt only when settings change (a derived cache, not state).
 */
import { browser } from 'wxt/browser';
import { PACKS } from '../rules/generated/packs';
import { createMatcher } from '../rules/match';
import type { Classify } from '../session-groups/types';
import { type EffectiveSettings, effectiveSettings } from '../settings';
import { userSettings } from '../storage';

/**
 * IT policy, read once per worker life: the first read can take seconds after the browser starts (with a
 * managed schema), and every event classifies hosts. `forgetManaged()` on storage.onChanged('managed').
 */
let managed: Promise<unknown> | undefined;

function readManaged(): Promise<unknown> {
  managed ??= browser.storage.managed.get().then(
    (v) => v ?? {},
    () => ({}), // no policy (or no schema on this browser): user settings only
  );
  return managed;
}

/** Policy arrived or changed: the next read asks the browser again. */
export function forgetManaged(): void {
  managed = undefined;
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, managed] = await Promise.all([userSettings.getValue(), readManaged()]);
  return effectiveSettings(user, managed);
}

let cache: { key: string; classify: Classify; domains: string[] } | undefined;

async function build() {
  const s = await loadEffectiveSettings();
  const key = JSON.stringify([s.disabledPacks, s.customDomains, s.policyDomains, s.excludedDomains]);
  if (cache?.key === key) return cache;
  const packs = PACKS.filter((p) => !s.disabledPacks.includes(p.id));
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
  cache = { key, classify: (host) => matcher.match(host), domains };
  return cache;
}

export const getClassifier = async (): Promise<Classify> => (await build()).classify;

/** Every protected domain (for registering the logout watcher on exactly those hosts). */
export const protectedDomains = async (): Promise<string[]> => (await build()).domains;
