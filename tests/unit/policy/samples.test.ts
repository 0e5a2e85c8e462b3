/**
 * The deployment guide's sample files (docs/policies/) configure exactly what the guide says, in a form each
 * browser accepts: every Safe Logout value passes the public schema and the extension's own validation
 * without a single notice, the extension ids are the real ones, and the schema declares exactly the keys the
 * extension reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS } from '@/utils/policy/keys';
import { parsePolicy } from '@/utils/policy/parse';
import { type Plist, parsePlist, parseReg, regToPolicy, type Schema, schemaErrors } from './formats';

const root = join(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, unknown>;

const CHROMIUM_ID = 'ooifmdmmgociepcdfdnbjkpjenpbeigg';
const GECKO_ID = 'safe-logout@safe-logout.org';
const schema = json('public/managed_schema.json') as unknown as Schema;

/** What every sample configures: the library of the guide. */
const LIBRARY = {
  sharedComputer: true,
  protectedDomains: ['exempelstad.se'],
  excludedDomains: ['bibliotek.exempelstad.se'],
  idleTimeoutSeconds: 300,
  purgeOnTabCloseSeconds: 1,
  clearDownloads: true,
  clearHistory: true,
  clearFormData: true,
  disablePasswordSaving: true,
  lockSettings: true,
  startPage: 'https://bibliotek.exempelstad.se/',
};

function expectValidConfig(config: unknown) {
  expect(schemaErrors(config, schema)).toEqual([]);
  expect(parsePolicy(config).notices).toEqual([]);
  expect(config).toEqual(LIBRARY);
}

describe('the managed schema', () => {
  it('declares exactly the keys the extension reads, with their types', () => {
    const types = Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([k, s]) => [
        k,
        s.type === 'array' ? `array<${s.items?.type}>` : s.type,
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(POLICY_KEYS).map(([k, kind]) => [
        k,
        {
          boolean: 'boolean',
          integer: 'integer',
          url: 'string',
          domains: 'array<string>',
          'opt-in-packs': 'array<string>',
        }[kind.type],
      ]),
    );
    expect(types).toEqual(expected);
    expect(schema.type).toBe('object');
    for (const [k, s] of Object.entries(schema.properties ?? {})) expect(s.description, k).toBeTruthy();
  });

  it('every key is documented in the deployment guide', () => {
    const guide = read('docs/it-deployment.md');
    for (const k of Object.keys(POLICY_KEYS)) expect(guide, k).toContain(`\`${k}\``);
  });

  it('the schema check itself catches what Chrome would refuse', () => {
    expect(schemaErrors({ sharedComputer: 'yes', protectedDomains: [1], typo: 1 }, schema)).toEqual([
      '.sharedComputer: not a boolean',
      '.protectedDomains[0]: not a string',
      '.typo: not in the schema',
    ]);
  });
});

describe('sample files', () => {
  it('Linux (Chrome /etc/opt/chrome/policies/managed, Chromium /etc/chromium/policies/managed)', () => {
    const p = json('docs/policies/linux/safe-logout.json');
    const settings = p.ExtensionSettings as Record<string, { installation_mode: string; update_url: string }>;
    expect(settings[CHROMIUM_ID]!.installation_mode).toBe('force_installed');
    expect(p.IncognitoModeAvailability).toBe(1);
    expect(p.PasswordManagerEnabled).toBe(false);
    expect(p.BrowserGuestModeEnabled).toBe(false);
    expect(p.SyncDisabled).toBe(true); // ClearBrowsingDataOnExitList only works with sync off
    const third = p['3rdparty'] as { extensions: Record<string, unknown> };
    expect(Object.keys(third.extensions)).toEqual([CHROMIUM_ID]);
    expectValidConfig(third.extensions[CHROMIUM_ID]);
  });

  it.each([
    ['chrome', 'Google\\Chrome', 'IncognitoModeAvailability'],
    ['edge', 'Microsoft\\Edge', 'InPrivateModeAvailability'],
  ])('Windows registry (%s)', (file, vendor, privateMode) => {
    const keys = parseReg(read(`docs/policies/windows/${file}.reg`));
    const root = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}`;
    expect(keys.get(`${root}\\ExtensionInstallForcelist`)?.get('1')?.value).toBe(
      `${CHROMIUM_ID};https://clients2.google.com/service/update2/crx`,
    );
    expect(keys.get(root)?.get(privateMode)?.value).toBe(1);
    expect(keys.get(root)?.get('PasswordManagerEnabled')?.value).toBe(0);
    const base = `${root}\\3rdparty\\extensions\\${CHROMIUM_ID}\\policy`;
    expectValidConfig(regToPolicy(keys, base, schema));
  });

  it('macOS configuration profile (Chrome and Edge)', () => {
    const profile = parsePlist(read('docs/policies/macos/safe-logout.mobileconfig')) as Record<string, Plist>;
    const payloads = profile.PayloadContent as Record<string, Plist>[];
    const byType = new Map(payloads.map((p) => [p.PayloadType as string, p]));
    const uuids = payloads.map((p) => p.PayloadUUID).concat(profile.PayloadUUID as string);
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const vendor of ['com.google.Chrome', 'com.microsoft.Edge']) {
      expect(byType.get(vendor)?.ExtensionInstallForcelist).toEqual([
        `${CHROMIUM_ID};https://clients2.google.com/service/update2/crx`,
      ]);
      const ext = { ...byType.get(`${vendor}.extensions.${CHROMIUM_ID}`) } as Record<string, Plist>;
      for (const k of Object.keys(ext)) if (k.startsWith('Payload')) delete ext[k];
      expectValidConfig(ext);
    }
  });

  it('ChromeOS Admin console ("Policy for extensions": each value wrapped in {"Value": …})', () => {
    const wrapped = json('docs/policies/chromeos/admin-console-policy.json') as Record<
      string,
      { Value: unknown }
    >;
    expect(Object.values(wrapped).every((v) => Object.keys(v).join() === 'Value')).toBe(true);
    expectValidConfig(Object.fromEntries(Object.entries(wrapped).map(([k, v]) => [k, v.Value])));
  });

  it('Firefox policies.json (ExtensionSettings force_installed + 3rdparty.Extensions)', () => {
    const { policies } = json('docs/policies/firefox/policies.json') as {
      policies: Record<string, unknown>;
    };
    const settings = policies.ExtensionSettings as Record<string, { installation_mode: string }>;
    expect(settings[GECKO_ID]!.installation_mode).toBe('force_installed');
    expect(policies.PrivateBrowsingModeAvailability).toBe(1);
    expect(policies.PasswordManagerEnabled).toBe(false);
    const third = policies['3rdparty'] as { Extensions: Record<string, unknown> };
    expect(Object.keys(third.Extensions)).toEqual([GECKO_ID]);
    // Firefox checks no schema: the extension's own validation is all there is, and it is silent here.
    expectValidConfig(third.Extensions[GECKO_ID]);
  });
});
