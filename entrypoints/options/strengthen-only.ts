/**
 * What shared-computer mode leaves the person at the computer on the options page (#11 item 14): the
 * protection may be made stricter, never weaker (utils/background/shared-mode-guard.ts refuses the rest).
 * The background names the keys in `getSettings`' `strengthenOnly`; this turns them into what each control
 * allows. A key IT policy locked is disabled by the lock already and is left out.
 */
import type { EffectiveSettings, Settings } from '@/utils/settings';

/** The id of the one line that says why (every bounded control is described by it). */
export const STRENGTHEN_ONLY_REASON_ID = 'strengthen-only';

/** The grace input's upper bound outside shared-computer mode (as the background's sanitiser caps it). */
export const GRACE_MAX_SECONDS = 60;

export interface StrengthenOnlyView {
  /** The reason line's id, when some control is bounded; null when nothing is. */
  reasonId: string | null;
  /** Checkboxes that may be turned on but not off (a pack switch: `disabledPacks`; an opt-in pack: `optInPacks`). */
  onOnly: Record<'packs' | 'optInPacks' | 'clearHistory' | 'clearDownloads' | 'clearFormData', boolean>;
  /** The person's own domains can be removed here. */
  canRemoveDomains: boolean;
  /** The longest grace the input offers: its current value in shared-computer mode. */
  graceMax: number;
}

export function strengthenOnlyView(
  s: Pick<EffectiveSettings, 'graceSeconds' | 'locked'>,
  strengthenOnly: readonly (keyof Settings)[],
): StrengthenOnlyView {
  const locked = s.locked as readonly string[];
  const bounded = (k: keyof Settings) => strengthenOnly.includes(k) && !locked.includes(k);
  const any = strengthenOnly.some(bounded);
  return {
    reasonId: any ? STRENGTHEN_ONLY_REASON_ID : null,
    onOnly: {
      packs: bounded('disabledPacks'),
      optInPacks: bounded('optInPacks'),
      clearHistory: bounded('clearHistory'),
      clearDownloads: bounded('clearDownloads'),
      clearFormData: bounded('clearFormData'),
    },
    canRemoveDomains: !bounded('customDomains'),
    graceMax: bounded('graceSeconds') ? Math.min(s.graceSeconds, GRACE_MAX_SECONDS) : GRACE_MAX_SECONDS,
  };
}
