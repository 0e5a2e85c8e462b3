/** Built-in packs for the options page: grouped by country, named in the UI language. */
import { type MessageKey, t } from '../i18n';
import type { Country, PackMeta } from '../rules/types';

const PACK_NAMES: Record<string, MessageKey> = {
  // Under each country's heading the municipality packs read "Municipalities", as Sweden's does.
  'no-kommuner': 'packSeKommuner',
  'dk-kommuner': 'packSeKommuner',
  'fi-kunnat': 'packSeKommuner',
  'se-kommuner': 'packSeKommuner',
  'se-regioner': 'packSeRegioner',
  'se-agencies': 'packSeAgencies',
  'se-vendors': 'packSeVendors',
  idp: 'packIdp',
  no: 'packNo',
  dk: 'packDk',
  fi: 'packFi',
};

type GroupId = Country | 'nordic';
const ORDER: readonly GroupId[] = ['SE', 'nordic', 'NO', 'DK', 'FI'];
const TITLES: Record<GroupId, MessageKey> = {
  SE: 'countrySE',
  nordic: 'countryNordic',
  NO: 'countryNO',
  DK: 'countryDK',
  FI: 'countryFI',
};

export interface PackGroupView {
  id: string;
  title: string;
  packs: { id: string; name: string; count: string; enabled: boolean }[];
}

export function packGroups(meta: readonly PackMeta[], disabled: readonly string[]): PackGroupView[] {
  return ORDER.map((g) => ({
    id: g,
    title: t(TITLES[g]),
    packs: meta
      .filter((p) => (p.country ?? 'nordic') === g)
      .map((p) => ({
        id: p.id,
        // A pack added to the data later is shown by its own (Swedish) name until it gets a translation.
        name: PACK_NAMES[p.id] ? t(PACK_NAMES[p.id]!) : p.label,
        count: t('packCount', p.ruleCount),
        enabled: !disabled.includes(p.id),
      })),
  })).filter((g) => g.packs.length > 0);
}
