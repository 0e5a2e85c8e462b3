/**
 * Settings changes from the options page. Every value is checked here (the page is trusted, its input is
 * not), and a change to anything IT policy has set is refused: locked means locked, not "ignored later". In
 * shared-computer mode a change that would weaken the protection is refused too (shared-mode-guard.ts).
 */
import { addCustomDomain, removeCustomDomain } from '../custom-domains';
import { isLanguageSetting } from '../languages';
import type { SettingsPatch } from '../messages';
import { PACK_IDS } from '../rules/generated/packs';
import { isOptInPack } from '../rules/opt-in-packs';
import { clampGrace, DEFAULT_SETTINGS, type EffectiveSettings } from '../settings';
import { userSettings } from '../storage';
import { loadEffectiveSettings } from './protection-in-force';
import { RefusedError } from './router';
import { removalWeakens, weakenings } from './shared-mode-guard';

/** Only known keys with values of the right type; numbers clamped, unknown pack ids dropped. */
export function sanitisePatch(patch: unknown): SettingsPatch {
  if (typeof patch !== 'object' || patch === null)
    throw new RefusedError('settings patch refused: not an object');
  const p = patch as Record<string, unknown>;
  const out: SettingsPatch = {};
  for (const key of Object.keys(p)) {
    const v = p[key];
    if (key === 'disabledPacks' && Array.isArray(v))
      out.disabledPacks = [
        ...new Set(v.filter((x): x is string => (PACK_IDS as readonly unknown[]).includes(x))),
      ];
    else if (key === 'optInPacks' && Array.isArray(v)) out.optInPacks = [...new Set(v.filter(isOptInPack))];
    else if (key === 'graceSeconds' && typeof v === 'number') out.graceSeconds = clampGrace(v);
    else if (
      (key === 'clearHistory' ||
        key === 'clearDownloads' ||
        key === 'clearFormData' ||
        key === 'sharedComputer') &&
      typeof v === 'boolean'
    )
      out[key] = v;
    else if (key === 'language' && isLanguageSetting(v)) out.language = v;
    else throw new RefusedError(`setting ${key} refused`);
  }
  return out;
}

export async function saveSettings(patch: unknown): Promise<EffectiveSettings> {
  const clean = sanitisePatch(patch);
  const current = await loadEffectiveSettings();
  const locked = Object.keys(clean).filter((k) => (current.locked as string[]).includes(k));
  if (locked.length) throw new RefusedError(`managed by policy: ${locked.join(', ')}`);
  const weaker = weakenings(current, clean);
  if (weaker.length)
    throw new RefusedError(`shared-computer mode: only stricter settings: ${weaker.join(', ')}`);
  const user = await userSettings.getValue();
  await userSettings.setValue({ ...DEFAULT_SETTINGS, ...user, ...clean });
  return loadEffectiveSettings();
}

/** IT's `lockSettings` locks the user's own domains too. */
async function refuseIfDomainsLocked(): Promise<void> {
  if ((await loadEffectiveSettings()).locked.includes('customDomains'))
    throw new RefusedError('managed by policy: customDomains');
}

export async function addDomain(input: unknown) {
  if (typeof input !== 'string') throw new RefusedError('domain is not a string');
  await refuseIfDomainsLocked();
  return addCustomDomain(input);
}

export async function removeDomain(domain: unknown): Promise<EffectiveSettings> {
  if (typeof domain !== 'string') throw new RefusedError('domain is not a string');
  await refuseIfDomainsLocked();
  if (removalWeakens(await loadEffectiveSettings(), domain))
    throw new RefusedError('shared-computer mode: only stricter settings: customDomains');
  await removeCustomDomain(domain);
  return loadEffectiveSettings();
}
