/**
 * The Microsoft, Google and Visma logins are packs a person or IT must turn on (`optInPacks`): clearing them
 * signs a person out of everything those companies run. Checked through the recogniser the background really
 * uses (protection-in-force.ts, settings in the fake browser's storage) and through the matcher's default.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { recogniser } from '@/utils/background/protection-in-force';
import { PACK_META, PACKS } from '@/utils/rules/generated/packs';
import { isLoginService } from '@/utils/rules/login-service';
import { createMatcher } from '@/utils/rules/match';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { userSettings } from '@/utils/storage';

const LOGINS = {
  'login-microsoft': [
    'login.microsoftonline.com',
    'login.microsoft.com',
    'login.windows.net',
    'login.live.com',
  ],
  'login-google': ['accounts.google.com'],
  'login-visma': ['connect.visma.com'],
} as const;
const ALL_LOGIN_HOSTS = Object.values(LOGINS).flat();

async function classifyWith(settings: Record<string, unknown>) {
  await userSettings.setValue({ ...DEFAULT_SETTINGS, ...settings } as typeof DEFAULT_SETTINGS);
  return (await recogniser()).classify;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('opt-in login packs', () => {
  it('are exactly the three login packs, marked optIn in PACKS and PACK_META, holding only IdP rules', () => {
    expect(PACKS.filter((p) => p.optIn).map((p) => p.id)).toEqual(Object.keys(LOGINS));
    expect(PACK_META.filter((m) => m.optIn).map((m) => m.id)).toEqual(Object.keys(LOGINS));
    for (const pack of PACKS.filter((p) => p.optIn)) {
      for (const rule of pack.rules) expect(rule.kind, rule.id).toBe('idp');
    }
  });

  it('do not match by default: not in the background’s recogniser, not in the matcher’s default', async () => {
    const classify = await classifyWith({});
    const byDefault = createMatcher();
    for (const host of [...ALL_LOGIN_HOSTS, 'tenant.login.microsoftonline.com']) {
      expect(classify(host), host).toBeNull();
      expect(byDefault.match(host), host).toBeNull();
    }
    expect(classify('e-tjanster.jarfalla.se')?.ruleId).toBe('se-kommun-0123');
  });

  it('match, as login services, once a person turns them on — each pack on its own', async () => {
    for (const [id, hosts] of Object.entries(LOGINS)) {
      const classify = await classifyWith({ optInPacks: [id] });
      for (const host of hosts) {
        const m = classify(host);
        expect(m, host).not.toBeNull();
        expect(isLoginService(m), host).toBe(true);
      }
      const others = ALL_LOGIN_HOSTS.filter((h) => !(hosts as readonly string[]).includes(h));
      for (const host of others) expect(classify(host), `${host} with only ${id} on`).toBeNull();
    }
  });

  it('are not turned on by taking them out of disabledPacks, nor off by putting them in', async () => {
    const off = await classifyWith({ disabledPacks: ['se-kommuner'] });
    expect(off('login.microsoftonline.com')).toBeNull();
    const on = await classifyWith({ optInPacks: ['login-google'], disabledPacks: ['login-google'] });
    expect(on('accounts.google.com')?.ruleId).toBe('idp-google');
  });

  it('cover only the login hosts, never the companies’ whole domains', () => {
    const all = createMatcher({ packs: PACKS });
    for (const host of [
      'www.microsoft.com',
      'outlook.office.com',
      'www.google.com',
      'mail.google.com',
      'visma.com',
      'www.visma.no',
      'live.com',
    ]) {
      expect(all.match(host), host).toBeNull();
    }
  });
});
