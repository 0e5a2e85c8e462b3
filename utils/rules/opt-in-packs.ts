/**
 * The opt-in packs (`Pack.optIn`): logins used far beyond e-services (Microsoft, Google, Visma), off unless a
 * person or IT turns them on (`optInPacks`), and which packs are in force for a set of settings.
 */
import { PACK_META, PACKS } from './generated/packs';
import type { Pack, PackMeta } from './types';

/** Ids of the built-in packs that are off by default. */
export const OPT_IN_PACK_IDS: readonly string[] = PACK_META.filter((p) => p.optIn).map((p) => p.id);

export const isOptInPack = (id: unknown): id is string =>
  typeof id === 'string' && OPT_IN_PACK_IDS.includes(id);

/** A pack is in force when it is opt-in and switched on, or not opt-in and not switched off. */
export const packInForce = (
  p: Pick<Pack | PackMeta, 'id' | 'optIn'>,
  s: { disabledPacks: readonly string[]; optInPacks: readonly string[] },
): boolean => (p.optIn ? s.optInPacks.includes(p.id) : !s.disabledPacks.includes(p.id));

export const packsInForce = (s: { disabledPacks: readonly string[]; optInPacks: readonly string[] }) =>
  PACKS.filter((p) => packInForce(p, s));
