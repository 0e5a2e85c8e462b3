/** The UI's words in every language: domain messages, pack names, receipt lines, badge. */
import { afterEach, describe, expect, it } from 'vitest';
import { badgeView } from '@/utils/background/badge';
import { addCustomDomain } from '@/utils/custom-domains';
import { setLanguage } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import { PACK_META } from '@/utils/rules/generated/packs';
import { validateDomainInput } from '@/utils/rules/validate-domain';
import { domainMessage } from '@/utils/ui/domain-message';
import { optInPackViews, packGroups } from '@/utils/ui/pack-groups';
import { receiptText } from '@/utils/ui/receipt-text';
import type { Advice, Problem, RemovedLine } from '@/utils/ui/receipt-view';

afterEach(() => setLanguage('auto'));

describe('domain messages', () => {
  it('word every refusal of the core validation', () => {
    setLanguage('en');
    const cases: [string, string][] = [
      ['', 'Type a domain first.'],
      [
        'se',
        "That ending is shared by many unrelated sites and cannot be protected as a whole. Type the site's own domain.",
      ],
      ['192.168.1.1', "IP addresses cannot be protected. Type the site's name."],
      ['intranet', 'Type a full domain with a dot, for example minkommun.se.'],
      ['a.*.se', 'A * may only come first, as in *.minkommun.se.'],
      ['bad_label.se', 'That is not a valid domain name.'],
      [`${'a'.repeat(64)}.se`, 'That name is too long to be a domain.'],
    ];
    for (const [input, words] of cases)
      expect(domainMessage(validateDomainInput(input)), input).toEqual({ text: words, error: true });
  });

  it('say what was kept of a URL, and warn about an unknown top-level domain', async () => {
    setLanguage('sv');
    expect(domainMessage(await addCustomDomain('https://minkommun.se:8443/e-tjanst?x=1'))).toEqual({
      text: 'minkommun.se skyddas nu. Bara domännamnet sparades.',
      error: false,
    });
    expect(domainMessage(await addCustomDomain('minkommun.se'))).toEqual({
      text: 'minkommun.se finns redan i listan.',
      error: false,
    });
    expect(domainMessage(await addCustomDomain('portal.intra.corp')).text).toBe(
      'portal.intra.corp skyddas nu. Kontrollera stavningen: .corp är ingen känd toppdomän.',
    );
  });
});

describe('built-in packs in the options', () => {
  it.each(LANGUAGES)('%s: every pack is shown, by country, under a translated name', (lang) => {
    setLanguage(lang);
    const groups = packGroups(PACK_META, ['no']);
    const optIn = optInPackViews(PACK_META, ['login-google']);
    const packs = [...groups, optIn].flatMap((g) => g.packs);
    expect(packs.map((p) => p.id).sort()).toEqual(PACK_META.map((p) => p.id).sort());
    // English differs from the data's Swedish labels everywhere: so every pack has its own locale key.
    if (lang === 'en')
      for (const p of packs) expect(p.name).not.toBe(PACK_META.find((m) => m.id === p.id)!.label);
    expect(packs.find((p) => p.id === 'no')!.enabled).toBe(false);
    expect(groups.map((g) => g.id)).toEqual(['SE', 'nordic', 'NO', 'DK', 'FI']);
    // The logins used far beyond e-services: a group of their own, off unless named in optInPacks.
    expect(optIn.packs.map((p) => [p.id, p.enabled])).toEqual([
      ['login-microsoft', false],
      ['login-google', true],
      ['login-visma', false],
    ]);
  });
});

describe('receipt words', () => {
  const lines: RemovedLine[] = [
    { kind: 'cookies', n: 3, ok: true },
    { kind: 'storage', n: 2, ok: true },
    { kind: 'tabs', n: 1, ok: false },
    { kind: 'history', n: 5, ok: true },
    { kind: 'history-off' },
    { kind: 'downloads', n: 1, ok: true },
    { kind: 'downloads-check' },
  ];
  const problems: Problem[] = [
    { kind: 'cookies-left', n: 2, sites: ['a.se', 'b.se'] },
    { kind: 'check-failed' },
    { kind: 'site-data-failed' },
    { kind: 'history-failed' },
    { kind: 'downloads-failed' },
    { kind: 'tabs-failed' },
  ];
  const advice: Advice[] = ['close-browser', 'history', 'downloads', 'tabs'];

  it.each(LANGUAGES)('%s: every line, problem and advice has words; counts and sites are in them', (lang) => {
    setLanguage(lang);
    const text = receiptText();
    for (const l of lines) {
      expect(text.line(l).trim(), l.kind).not.toBe('');
      if ('n' in l) expect(text.line(l)).toContain(String(l.n));
    }
    expect(text.check(lines[0]!)).not.toBe(text.check(lines[1]!)); // re-read vs confirmed by the browser
    expect(text.check(lines[2]!)).toBeNull();
    for (const p of problems) expect(text.problem(p).trim(), p.kind).not.toBe('');
    expect(text.problem(problems[0]!)).toContain('a.se, b.se');
    expect(new Set(advice.map(text.advice)).size).toBe(advice.length);
  });
});

describe('badge', () => {
  it('shows the number of open protected sessions, nothing when none, and says it in words', () => {
    setLanguage('en');
    expect(badgeView(0)).toEqual({ text: '', title: 'Safe Logout – no protected session open' });
    expect(badgeView(2)).toEqual({ text: '2', title: 'Safe Logout – protected sessions open: 2' });
  });
});
