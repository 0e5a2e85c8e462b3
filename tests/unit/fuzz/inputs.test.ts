/**
 * Fuzz: what a person types as a domain, and what IT (or a broken deployment tool) puts in the policy. 10,000
 * random inputs each — wrong types, huge lists, unicode, URLs, wildcards — with a fixed seed so a failure
 * reproduces (fast-check prints the seed and the shrunk input). Nothing invalid is ever stored, protection is
 * never switched off, and every refusal has words in every language.
 */
import fc from 'fast-check';
import { getPublicSuffix } from 'tldts';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addCustomDomain } from '@/utils/custom-domains';
import { CATALOGUES, formatMessage, type MessageKey, setLanguage } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import { POLICY_KEYS } from '@/utils/policy/keys';
import { parsePolicy } from '@/utils/policy/parse';
import { PACKS } from '@/utils/rules/generated/packs';
import { IPV4, isWithin } from '@/utils/rules/hostname';
import { createMatcher } from '@/utils/rules/match';
import { isOptInPack } from '@/utils/rules/opt-in-packs';
import { validateDomainInput } from '@/utils/rules/validate-domain';
import { DEFAULT_SETTINGS, effectiveSettings } from '@/utils/settings';
import { userSettings } from '@/utils/storage';
import { domainMessage } from '@/utils/ui/domain-message';

const SEED = 20261206;
const RUNS = 10_000;

/** A stored domain: lower-case LDH labels, at least two, within DNS limits, never an IP or a public suffix. */
function isCanonicalDomain(d: string): boolean {
  if (d.length > 253 || IPV4.test(d)) return false;
  const labels = d.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return false;
  return getPublicSuffix(d, { allowPrivateDomains: true }) !== d;
}

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const hostish = fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.'));
/** Everything a person might paste: addresses, wildcards, ports, paths, unicode, junk, very long strings. */
const domainInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.domain(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  hostish,
  hostish.map((h) => `*.${h}`),
  hostish.map((h) => `a.*.${h}`),
  fc.tuple(hostish, fc.integer({ min: 0, max: 70_000 })).map(([h, p]) => `${h}:${p}`),
  fc
    .tuple(fc.constantFrom('https://', 'http://', 'ftp://', 'user:pw@', ''), hostish, fc.string())
    .map(([a, h, rest]) => `${a}${h}/${rest}`),
  fc.constantFrom(
    'se',
    'kommune.no',
    'github.io',
    'amazonaws.com',
    'blogspot.com',
    'localhost',
    '127.0.0.1',
    '[::1]',
    'xn--',
    'münchen.de',
    'jarfalla.se',
  ),
  fc.string({ minLength: 2000, maxLength: 5000 }),
);

/** The words of a message key in one language (what the options page shows). */
const words = (lang: (typeof LANGUAGES)[number], key: MessageKey, ...subs: string[]) =>
  formatMessage(CATALOGUES[lang][key], subs);

describe('fuzz: custom domains', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('10,000 inputs: a domain is stored only when it is canonical; every refusal is worded in all five languages', () => {
    fc.assert(
      fc.property(domainInput, (input) => {
        const r = validateDomainInput(input);
        if (r.ok) {
          expect(isCanonicalDomain(r.domain), r.domain).toBe(true);
          // Validation is idempotent: the stored form validates to itself.
          const again = validateDomainInput(r.domain);
          expect(again.ok && again.domain).toBe(r.domain);
          return;
        }
        for (const lang of LANGUAGES) {
          setLanguage(lang);
          const { text, error } = domainMessage(r);
          expect(error).toBe(true);
          expect(text.trim().length, `${lang}: ${r.error}`).toBeGreaterThan(3);
          expect(text).not.toMatch(/domErr|\$\d|undefined/);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000); // CPU-bound (10,000 runs): 1–2 s on a quiet machine, far more on a shared one; no speed is asserted here

  it('through storage: 200 random sequences of adds; every stored domain is canonical, sorted and unique', async () => {
    let added = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(domainInput, { minLength: 1, maxLength: 5 }), async (inputs) => {
        for (const input of inputs) if ((await addCustomDomain(input)).added) added++;
        const stored = (await userSettings.getValue()).customDomains;
        expect(stored.every(isCanonicalDomain), stored.join(' ')).toBe(true);
        expect(stored).toEqual([...new Set(stored)].sort());
      }),
      { seed: SEED, numRuns: 200 },
    );
    // The inputs did reach the store: the property was not vacuous.
    expect(added).toBeGreaterThan(50);
  });
});

const policyValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.boolean(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double(),
  fc.string(),
  fc.webUrl(),
  fc.array(domainInput, { maxLength: 20 }),
  fc.array(fc.string({ maxLength: 30 }), { minLength: 300, maxLength: 600 }),
);
/** A policy object as a deployment tool might produce it: known keys with any value, unknown keys, non-objects. */
const policy = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(POLICY_KEYS)), fc.string()), policyValue, {
    maxKeys: 12,
  }),
  fc.anything({ maxDepth: 2 }),
);

const matcherFor = (s: ReturnType<typeof effectiveSettings>) =>
  createMatcher({
    packs: PACKS.filter((p) => !s.disabledPacks.includes(p.id)),
    custom: s.customDomains,
    policy: s.policyDomains,
    excluded: s.excludedDomains,
  });
/** Hosts the built-in packs protect; a policy may only take one away by excluding a domain that covers it. */
const PROTECTED = ['e-tjanster.jarfalla.se', 'www.vklass.se', 'login.idporten.no', 'www.1177.se'];

describe('fuzz: policy objects', () => {
  it('10,000 policies: nothing invalid gets through, settings stay in range, every notice names its key', () => {
    const codes = new Set([
      'not-an-object',
      'unknown-key',
      'wrong-type',
      'out-of-range',
      'clamped',
      'invalid-domain',
      'invalid-url',
      'unknown-pack',
    ]);
    fc.assert(
      fc.property(policy, (raw) => {
        const { managed, notices } = parsePolicy(raw);
        for (const n of notices) {
          expect(codes.has(n.code), n.code).toBe(true);
          expect(n.key.length).toBeLessThanOrEqual(201);
          if (n.detail !== undefined) expect(n.detail.length).toBeLessThanOrEqual(201);
        }
        const s = effectiveSettings(DEFAULT_SETTINGS, raw);
        expect([...s.policyDomains, ...s.excludedDomains].every(isCanonicalDomain)).toBe(true);
        expect(s.graceSeconds).toBeGreaterThanOrEqual(0);
        expect(s.graceSeconds).toBeLessThanOrEqual(60);
        expect(s.idleTimeoutSeconds === 0 || s.idleTimeoutSeconds >= 15).toBe(true);
        expect(s.startPage === null || /^https?:\/\/[^/]/.test(s.startPage)).toBe(true);
        expect(typeof s.clearHistory).toBe('boolean');
        expect(typeof s.clearDownloads).toBe('boolean');
        expect(typeof s.sharedComputer).toBe('boolean');
        expect(s.optInPacks.every(isOptInPack)).toBe(true);
        // What was refused is said: every key that did not make it into the policy has a notice.
        if (raw && typeof raw === 'object' && !Array.isArray(raw))
          for (const key of Object.keys(raw))
            if (!(key in managed))
              expect(notices.some((n) => key.startsWith(n.key.replace(/…$/, '')))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000);

  it('protection is never switched off: a built-in protected host stays protected unless the policy excludes it', () => {
    fc.assert(
      fc.property(policy, (raw) => {
        const s = effectiveSettings(DEFAULT_SETTINGS, raw);
        const m = matcherFor(s);
        for (const host of PROTECTED) {
          const excluded = s.excludedDomains.some((d) => isWithin(host, d));
          expect(m.match(host) !== null || excluded, host).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});

describe('fuzz: the words', () => {
  it('every domain error has a message of its own in every language', () => {
    for (const lang of LANGUAGES)
      for (const key of ['domErrEmpty', 'domErrInvalid', 'domErrIp', 'domErrPublicSuffix'] as MessageKey[])
        expect(words(lang, key).length).toBeGreaterThan(3);
  });
});
