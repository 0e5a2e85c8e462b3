import { describe, expect, it } from 'vitest';
import {
  applyPasswordPolicy,
  type BrowserSetting,
  type LevelOfControl,
  privacySettings,
} from '@/utils/background/privacy';

/** One browser setting as the browser keeps it: a user value, and who controls it (policy, other extension, us). */
function setting(start: { value: boolean; control: 'user' | 'policy' | 'other-extension' }) {
  let ours: boolean | undefined;
  const level = (): LevelOfControl =>
    start.control === 'policy'
      ? 'not_controllable'
      : start.control === 'other-extension'
        ? 'controlled_by_other_extensions'
        : ours === undefined
          ? 'controllable_by_this_extension'
          : 'controlled_by_this_extension';
  const s: BrowserSetting & { value: () => boolean; writes: number } = {
    writes: 0,
    value: () => (start.control === 'user' && ours !== undefined ? ours : start.value),
    async get() {
      return { value: s.value(), levelOfControl: level() };
    },
    async set({ value }) {
      if (level() === 'not_controllable' || level() === 'controlled_by_other_extensions')
        throw new Error('cannot');
      s.writes++;
      ours = value;
    },
    async clear() {
      s.writes++;
      ours = undefined;
    },
  };
  return s;
}

describe('applyPasswordPolicy', () => {
  it('turns password saving and autofill off, then hands them back', async () => {
    const all = [setting({ value: true, control: 'user' }), setting({ value: true, control: 'user' })];
    expect(await applyPasswordPolicy(true, all)).toEqual(['set', 'set']);
    expect(all.map((s) => s.value())).toEqual([false, false]);
    expect(await applyPasswordPolicy(false, all)).toEqual(['cleared', 'cleared']);
    expect(all.map((s) => s.value())).toEqual([true, true]);
  });

  it('is idempotent: a second run (every wake) writes nothing', async () => {
    const s = setting({ value: true, control: 'user' });
    await applyPasswordPolicy(true, [s]);
    const writes = s.writes;
    expect(await applyPasswordPolicy(true, [s])).toEqual(['unchanged']);
    expect(await applyPasswordPolicy(false, [setting({ value: true, control: 'user' })])).toEqual([
      'unchanged',
    ]);
    expect(s.writes).toBe(writes);
  });

  it('leaves alone what an enterprise policy or another extension controls', async () => {
    const policy = setting({ value: false, control: 'policy' });
    const other = setting({ value: true, control: 'other-extension' });
    expect(await applyPasswordPolicy(true, [policy, other])).toEqual(['not-ours', 'not-ours']);
    expect(await applyPasswordPolicy(false, [policy, other])).toEqual(['unchanged', 'unchanged']);
  });

  it('finds the settings this browser has (Firefox: password saving only)', () => {
    const s = setting({ value: true, control: 'user' });
    expect(privacySettings({ privacy: { services: { passwordSavingEnabled: s } } })).toEqual([s]);
    expect(
      privacySettings({
        privacy: {
          services: { passwordSavingEnabled: s, autofillAddressEnabled: s, autofillCreditCardEnabled: s },
        },
      }),
    ).toHaveLength(3);
    expect(privacySettings({})).toEqual([]);
  });
});
