/** The options page's words for a coverage answer (utils/coverage-lookup.ts). */
import type { CoverageAnswer } from '../coverage-lookup';
import { t } from '../i18n';
import { packName } from './pack-groups';

export interface CoverageLine {
  /** `yes`: protected now; `no`: not (excluded, on no list, pack off). */
  tone: 'yes' | 'no';
  text: string;
  /** What to do about it, when there is something. */
  help: string | null;
}

export function coverageLine(a: CoverageAnswer): CoverageLine {
  switch (a.kind) {
    case 'covered':
      return {
        tone: 'yes',
        text:
          a.source === 'pack'
            ? t('coverYesPack', a.label, packName(a.packId))
            : t(a.source === 'own' ? 'coverYesOwn' : 'coverYesPolicy', a.label),
        help: null,
      };
    case 'pack-off':
      return {
        tone: 'no',
        text: t(a.optIn ? 'coverOptInOff' : 'coverPackOff', a.label, packName(a.packId)),
        help: null,
      };
    case 'excluded':
      return { tone: 'no', text: t('coverExcluded', a.host ?? a.label), help: null };
    case 'unlisted':
      return { tone: 'no', text: t('coverUnlisted', a.host), help: t('coverUnlistedHelp') };
    case 'not-found':
      return { tone: 'no', text: t('coverNotFound', a.query), help: null };
  }
}
