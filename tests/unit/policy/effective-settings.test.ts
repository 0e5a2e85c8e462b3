/**
 * The one merge point: user settings with IT policy over them. What is in force, what is locked, and that no
 * policy — however malformed — can switch protection off.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, effectiveSettings, type Settings } from '@/utils/settings';

const user = (s: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...s });

describe('effectiveSettings', () => {
  it('no policy: the user’s settings, nothing locked, shared-computer features off', () => {
    const s = effectiveSettings(user({ clearDownloads: true, graceSeconds: 7 }));
    expect(s).toMatchObject({
      clearDownloads: true,
      graceSeconds: 7,
      idleTimeoutSeconds: 0,
      disablePasswordSaving: false,
      startPage: null,
      lockSettings: false,
      locked: [],
      policyNotices: [],
      policyDomains: [],
      excludedDomains: [],
    });
  });

  it('sharedComputer from IT turns on idle logout, downloads, history and password saving — all locked', () => {
    const s = effectiveSettings(user({ clearHistory: false }), { sharedComputer: true });
    expect(s).toMatchObject({
      sharedComputer: true,
      idleTimeoutSeconds: 300,
      clearDownloads: true,
      clearHistory: true,
      clearFormData: true,
      disablePasswordSaving: true,
    });
    expect(s.locked.sort()).toEqual(['clearDownloads', 'clearFormData', 'clearHistory', 'sharedComputer']);
  });

  it('form suggestions: off by default, on in shared-computer mode from IT, and IT’s own key wins either way', () => {
    expect(DEFAULT_SETTINGS.clearFormData).toBe(false);
    expect(effectiveSettings(user()).clearFormData).toBe(false);
    expect(effectiveSettings(user({ clearFormData: true })).clearFormData).toBe(true);
    expect(effectiveSettings(user({ sharedComputer: true })).clearFormData).toBe(false);
    expect(effectiveSettings(user(), { sharedComputer: true }).clearFormData).toBe(true);
    const off = effectiveSettings(user({ clearFormData: true }), {
      sharedComputer: true,
      clearFormData: false,
    });
    expect(off.clearFormData).toBe(false);
    expect(off.locked).toContain('clearFormData');
    const on = effectiveSettings(user(), { clearFormData: true });
    expect(on).toMatchObject({ clearFormData: true, sharedComputer: false, policyNotices: [] });
    expect(on.locked).toEqual(['clearFormData']);
    const wrong = effectiveSettings(user(), { clearFormData: 'yes' });
    expect(wrong.clearFormData).toBe(false);
    expect(wrong.policyNotices).toEqual([{ key: 'clearFormData', code: 'wrong-type', detail: 'boolean' }]);
  });

  it('a key IT sets explicitly wins over what shared mode implies', () => {
    const s = effectiveSettings(user(), {
      sharedComputer: true,
      idleTimeoutSeconds: 0,
      clearDownloads: false,
      disablePasswordSaving: false,
    });
    expect(s).toMatchObject({ idleTimeoutSeconds: 0, clearDownloads: false, disablePasswordSaving: false });
    expect(s.locked).toContain('clearDownloads');
  });

  it('shared mode switched on by the person (not IT) is the page banner only', () => {
    const s = effectiveSettings(user({ sharedComputer: true }));
    expect(s).toMatchObject({
      sharedComputer: true,
      idleTimeoutSeconds: 0,
      clearDownloads: false,
      locked: [],
    });
  });

  it('lockSettings: everything but the language is locked, and the person’s earlier choices no longer count', () => {
    const s = effectiveSettings(
      user({
        disabledPacks: ['se-kommuner'],
        customDomains: ['example.se'],
        clearHistory: false,
        graceSeconds: 60,
        language: 'fi',
      }),
      { lockSettings: true },
    );
    expect(s).toMatchObject({
      lockSettings: true,
      disabledPacks: [],
      customDomains: [],
      clearHistory: true,
      graceSeconds: DEFAULT_SETTINGS.graceSeconds,
      language: 'fi',
    });
    expect(s.locked.sort()).toEqual(
      (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter((k) => k !== 'language').sort(),
    );
  });

  it('policy domains, exclusions, grace and start page', () => {
    const s = effectiveSettings(user(), {
      protectedDomains: ['exempelstad.se'],
      excludedDomains: ['bibliotek.exempelstad.se'],
      purgeOnTabCloseSeconds: 0,
      startPage: 'https://bibliotek.exempelstad.se/',
    });
    expect(s).toMatchObject({
      policyDomains: ['exempelstad.se'],
      excludedDomains: ['bibliotek.exempelstad.se'],
      graceSeconds: 0,
      startPage: 'https://bibliotek.exempelstad.se/',
      locked: ['graceSeconds'],
    });
  });

  it.each<[string, unknown]>([
    ['not an object', 'sharedComputer=false'],
    ['a list', [{ excludedDomains: ['jarfalla.se'] }]],
    [
      'wrong types everywhere',
      {
        sharedComputer: 'false',
        lockSettings: 'true',
        clearHistory: 0,
        idleTimeoutSeconds: -1,
        purgeOnTabCloseSeconds: Number.NaN,
        excludedDomains: ['*', 'se', '*.se', 'https://'],
        protectedDomains: 'jarfalla.se',
        startPage: 'javascript:void 0',
      },
    ],
  ])('a malformed policy (%s) switches nothing off, and says so', (_, raw) => {
    const s = effectiveSettings(user(), raw);
    expect(s).toMatchObject({
      clearHistory: true,
      excludedDomains: [],
      lockSettings: false,
      locked: [],
      graceSeconds: DEFAULT_SETTINGS.graceSeconds,
    });
    expect(s.policyNotices.length).toBeGreaterThan(0);
  });
});
