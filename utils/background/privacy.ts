/**
 * Password saving (and, on Chrome, address and card autofill) off while IT's `disablePasswordSaving` is in
 * force, through the `privacy` API; handed back to the browser when it is not. A setting an enterprise policy
 * or another extension already controls is left alone (it cannot be changed, and a policy that switches the
 * password manager off already does the job).
 */

export type LevelOfControl =
  | 'not_controllable'
  | 'controlled_by_other_extensions'
  | 'controllable_by_this_extension'
  | 'controlled_by_this_extension';

/** The part of `types.ChromeSetting` / `types.Setting` used here. */
export interface BrowserSetting {
  get(details: Record<string, never>): Promise<{ value: unknown; levelOfControl: LevelOfControl }>;
  set(details: { value: boolean }): Promise<void>;
  clear(details: Record<string, never>): Promise<void>;
}

/** The browser's password and autofill settings that exist here (Firefox has only password saving). */
export function privacySettings(api: unknown): BrowserSetting[] {
  const services = (api as { privacy?: { services?: Record<string, BrowserSetting | undefined> } }).privacy
    ?.services;
  if (!services) return [];
  return ['passwordSavingEnabled', 'autofillAddressEnabled', 'autofillCreditCardEnabled'].flatMap((name) => {
    const s = services[name];
    return s ? [s] : [];
  });
}

export type PrivacyOutcome = 'set' | 'cleared' | 'unchanged' | 'not-ours';

/** Idempotent: run it at every wake and whenever settings change. */
export async function applyPasswordPolicy(
  disable: boolean,
  settings: readonly BrowserSetting[],
): Promise<PrivacyOutcome[]> {
  return Promise.all(
    settings.map(async (s): Promise<PrivacyOutcome> => {
      const { value, levelOfControl } = await s.get({});
      if (disable) {
        if (levelOfControl === 'controlled_by_this_extension' && value === false) return 'unchanged';
        if (
          levelOfControl !== 'controllable_by_this_extension' &&
          levelOfControl !== 'controlled_by_this_extension'
        )
          return 'not-ours';
        await s.set({ value: false });
        return 'set';
      }
      if (levelOfControl !== 'controlled_by_this_extension') return 'unchanged';
      await s.clear({});
      return 'cleared';
    }),
  );
}
