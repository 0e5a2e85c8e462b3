/**
 * Every policy key, declared once: its kind and bounds. parsePolicy() applies them; a unit test checks that
 * public/managed_schema.json (the public interface for Chrome and Edge) declares exactly these keys and types.
 */
import type { PolicyKey } from './types';

export type PolicyKind =
  | { type: 'boolean' }
  | { type: 'domains' }
  | { type: 'url' }
  /** A list of opt-in pack ids (`Pack.optIn`); other entries are ignored with a notice. */
  | { type: 'opt-in-packs' }
  /** Below `min`: ignored. Above `max`: `max`. Between 0 and `floor` (exclusive, 0 allowed): raised to `floor`. */
  | { type: 'integer'; min: number; max: number; floor?: number };

/** chrome.idle cannot detect idleness sooner than 15 s (`idle.setDetectionInterval` minimum). */
export const IDLE_MIN_SECONDS = 15;
export const IDLE_MAX_SECONDS = 86_400;

export const POLICY_KEYS: Readonly<Record<PolicyKey, PolicyKind>> = {
  sharedComputer: { type: 'boolean' },
  protectedDomains: { type: 'domains' },
  excludedDomains: { type: 'domains' },
  idleTimeoutSeconds: { type: 'integer', min: 0, max: IDLE_MAX_SECONDS, floor: IDLE_MIN_SECONDS },
  purgeOnTabCloseSeconds: { type: 'integer', min: 0, max: 60 },
  clearDownloads: { type: 'boolean' },
  clearHistory: { type: 'boolean' },
  clearFormData: { type: 'boolean' },
  disablePasswordSaving: { type: 'boolean' },
  lockSettings: { type: 'boolean' },
  startPage: { type: 'url' },
  optInPacks: { type: 'opt-in-packs' },
  healthReport: { type: 'boolean' },
};

export const isPolicyKey = (k: string): k is PolicyKey => Object.hasOwn(POLICY_KEYS, k);
