/**
 * Opt-in login packs (#12 item 3) on the settings side: the person's `optInPacks`, IT's `optInPacks` key
 * (validated, locking), shared-computer mode's strengthen-only guard, and the recogniser following a change at
 * once (no reload).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { recogniser } from '@/utils/background/protection-in-force';
import { sanitisePatch } from '@/utils/background/settings-commands';
import { STRENGTHEN_ONLY, weakenings } from '@/utils/background/shared-mode-guard';
import { parsePolicy } from '@/utils/policy/parse';
import { OPT_IN_PACK_IDS, packsInForce } from '@/utils/rules/opt-in-packs';
import { DEFAULT_SETTINGS, effectiveSettings, type Settings } from '@/utils/settings';
import { userSettings } from '@/utils/storage';

const user = (s: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...s });

describe('opt-in packs in the settings', () => {
  it('are the three login packs, off by default', () => {
    expect([...OPT_IN_PACK_IDS].sort()).toEqual(['login-google', 'login-microsoft', 'login-visma']);
    const s = effectiveSettings(user());
    expect(s.optInPacks).toEqual([]);
    expect(packsInForce(s).map((p) => p.id)).not.toContain('login-microsoft');
  });

  it('a person turns one on; disabledPacks neither turns them on nor off', () => {
    const s = effectiveSettings(user({ optInPacks: ['login-google'], disabledPacks: ['login-microsoft'] }));
    const ids = packsInForce(s).map((p) => p.id);
    expect(ids).toContain('login-google');
    expect(ids).not.toContain('login-microsoft');
    expect(s.locked).not.toContain('optInPacks');
  });

  it('settings stored before optInPacks existed read as none switched on', () => {
    const { optInPacks: _, ...old } = user();
    expect(effectiveSettings(old as Settings).optInPacks).toEqual([]);
  });

  it('the options page can only send ids of opt-in packs', () => {
    expect(sanitisePatch({ optInPacks: ['login-visma', 'se-kommuner', 'nope', 7, 'login-visma'] })).toEqual({
      optInPacks: ['login-visma'],
    });
  });
});

describe('IT policy: optInPacks', () => {
  it('known ids are kept (sorted, once); unknown ones are ignored with a notice each', () => {
    const { managed, notices } = parsePolicy({
      optInPacks: ['login-microsoft', 'login-facebook', 'login-microsoft', 'idp', 3],
    });
    expect(managed).toEqual({ optInPacks: ['login-microsoft'] });
    expect(notices).toEqual([
      { key: 'optInPacks', code: 'unknown-pack', detail: 'login-facebook' },
      { key: 'optInPacks', code: 'unknown-pack', detail: 'idp' },
      { key: 'optInPacks', code: 'unknown-pack', detail: '3' },
    ]);
  });

  it('not a list: ignored with a notice, the person’s choice stays', () => {
    const s = effectiveSettings(user({ optInPacks: ['login-google'] }), { optInPacks: 'login-microsoft' });
    expect(s.optInPacks).toEqual(['login-google']);
    expect(s.locked).not.toContain('optInPacks');
    expect(s.policyNotices).toEqual([{ key: 'optInPacks', code: 'wrong-type', detail: 'array' }]);
  });

  it('when IT sets it, exactly IT’s list is in force, and it is locked ([] keeps all off)', () => {
    const on = effectiveSettings(user({ optInPacks: ['login-google'] }), { optInPacks: ['login-microsoft'] });
    expect(on.optInPacks).toEqual(['login-microsoft']);
    expect(on.locked).toContain('optInPacks');
    const off = effectiveSettings(user({ optInPacks: ['login-google'] }), { optInPacks: [] });
    expect(off.optInPacks).toEqual([]);
    expect(off.locked).toContain('optInPacks');
  });

  it('lockSettings locks it too, and the person’s earlier choice no longer counts', () => {
    const s = effectiveSettings(user({ optInPacks: ['login-google'] }), { lockSettings: true });
    expect(s.optInPacks).toEqual([]);
    expect(s.locked).toContain('optInPacks');
  });
});

describe('shared-computer mode: strengthen only', () => {
  const shared = effectiveSettings(user({ sharedComputer: true, optInPacks: ['login-google'] }));
  it('turning an opt-in pack on is stronger: allowed', () => {
    expect(weakenings(shared, { optInPacks: ['login-google', 'login-microsoft'] })).toEqual([]);
  });
  it('turning one off is weaker: refused', () => {
    expect(weakenings(shared, { optInPacks: ['login-microsoft'] })).toEqual(['optInPacks']);
    expect(STRENGTHEN_ONLY).toContain('optInPacks');
  });
  it('outside shared-computer mode anything goes', () => {
    const own = effectiveSettings(user({ optInPacks: ['login-google'] }));
    expect(weakenings(own, { optInPacks: [] })).toEqual([]);
  });
});

describe('the recogniser follows a change at once', () => {
  beforeEach(() => fakeBrowser.reset());
  it('turning login-microsoft on protects its hosts, turning it off again does not', async () => {
    expect((await recogniser()).classify('login.microsoftonline.com')).toBeNull();
    await userSettings.setValue(user({ optInPacks: ['login-microsoft'] }));
    expect((await recogniser()).classify('login.microsoftonline.com')).toMatchObject({
      ruleId: 'idp-microsoft-entra',
    });
    expect((await recogniser()).domains).toContain('login.microsoftonline.com');
    await userSettings.setValue(user());
    expect((await recogniser()).classify('login.microsoftonline.com')).toBeNull();
  });
});

describe('stored settings of version 1', () => {
  beforeEach(() => fakeBrowser.reset());
  it('are migrated with no opt-in pack switched on, everything else kept', async () => {
    const { optInPacks: _, ...v1 } = user({ graceSeconds: 9, customDomains: ['exempel.se'] });
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    vi.resetModules(); // the stored items migrate when they are defined: as the extension starts
    const fresh = await import('@/utils/storage');
    expect(await fresh.userSettings.getValue()).toEqual(
      user({ graceSeconds: 9, customDomains: ['exempel.se'] }),
    );
  });
});
