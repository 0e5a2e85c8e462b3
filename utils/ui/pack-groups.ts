/**
 * Built-in packs for the options page: grouped by country, named in the UI language. The opt-in packs (logins
 * used far beyond e-services) are not among them: they have a group of their own (`optInPackViews`).
 */
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
  'login-microsoft': 'packLoginMicrosoft',
  'login-google': 'packLoginGoogle',
  'login-visma': 'packLoginVisma',
};

/** A pack's name in the UI language (a pack added to the data later: its own Swedish name until translated). */
export const packName = (id: string, fallback = id): string =>
  PACK_NAMES[id] ? t(PACK_NAMES[id]!) : fallback;

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
      .filter((p) => !p.optIn && (p.country ?? 'nordic') === g)
      .map((p) => ({
        id: p.id,
        name: packName(p.id, p.label),
        count: t('packCount', p.ruleCount),
        enabled: !disabled.includes(p.id),
      })),
  })).filter((g) => g.packs.length > 0);
}

/** The opt-in packs, each on only when `optInPacks` names it. */
export function optInPackViews(meta: readonly PackMeta[], optInPacks: readonly string[]): PackGroupView {
  return {
    id: 'opt-in',
    title: t('optInHeading'),
    packs: meta
      .filter((p) => p.optIn)
      .map((p) => ({
        id: p.id,
        name: packName(p.id, p.label),
        count: t('packCount', p.ruleCount),
        enabled: optInPacks.includes(p.id),
      })),
  };
}
