/**
 * Shared-computer mode cannot be weakened from the options page, even without IT's `lockSettings`: while the
 * mode is in force, the person at the computer may make the protection stricter, never weaker. What
 * "weaker" means, per setting:
 *
 * - `disabledPacks`: switching a pack off is weaker (switching one back on is stricter);
 * - `optInPacks`: switching an opt-in login pack off is weaker (switching one on is stricter);
 * - `customDomains`: removing one is weaker (adding one is stricter; addDomain is not guarded);
 * - `graceSeconds`: a longer wait after the last tab closes is weaker (a shorter one is stricter);
 * - `clearHistory`, `clearDownloads`, `clearFormData`: turning off is weaker (turning on is stricter);
 * - `language`: neither.
 * - `sharedComputer` itself: when IT set it, it is locked by policy (settings.ts). When the person's own
 *   settings turned it on, turning it off stays possible: nothing tells the owner from a visitor, and a
 *   visitor who can reach the options page of an extension IT did not force-install can remove it as well,
 *   so refusing would only lock the owner out. The guard then holds while the mode is on.
 */
import type { SettingsPatch } from '../messages';
import type { EffectiveSettings, Settings } from '../settings';

/** The keys a change from the options page may only make stricter in shared-computer mode. */
export const STRENGTHEN_ONLY: readonly (keyof Settings)[] = [
  'disabledPacks',
  'optInPacks',
  'customDomains',
  'graceSeconds',
  'clearHistory',
  'clearDownloads',
  'clearFormData',
];

/** The keys of `patch` that would weaken the protection in force (none outside shared-computer mode). */
export function weakenings(current: EffectiveSettings, patch: SettingsPatch): (keyof Settings)[] {
  if (!current.sharedComputer) return [];
  const out: (keyof Settings)[] = [];
  if (patch.disabledPacks?.some((p) => !current.disabledPacks.includes(p))) out.push('disabledPacks');
  if (patch.optInPacks && current.optInPacks.some((p) => !patch.optInPacks!.includes(p)))
    out.push('optInPacks');
  if (patch.graceSeconds !== undefined && patch.graceSeconds > current.graceSeconds) out.push('graceSeconds');
  if (patch.clearHistory === false && current.clearHistory) out.push('clearHistory');
  if (patch.clearDownloads === false && current.clearDownloads) out.push('clearDownloads');
  if (patch.clearFormData === false && current.clearFormData) out.push('clearFormData');
  return out;
}

/** Removing a custom domain weakens the protection; in shared-computer mode it is refused. */
export const removalWeakens = (current: EffectiveSettings, domain: string): boolean =>
  current.sharedComputer && current.customDomains.includes(domain);
