/**
 * "Is my service covered?" (#12 item 2): the lookup with the person's settings in force, through the real
 * matcher and the real packs, and its words in every language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CoverageSettings, createCoverageLookup, fold, hostOf } from '@/utils/coverage-lookup';
import { setLanguage } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import { coverageLine } from '@/utils/ui/coverage-text';

const none: CoverageSettings = {
  disabledPacks: [],
  optInPacks: [],
  customDomains: [],
  policyDomains: [],
  excludedDomains: [],
};
const lookup = (q: string, s: Partial<CoverageSettings> = {}) => createCoverageLookup({ ...none, ...s })(q);

afterEach(() => setLanguage('auto'));

describe('an address', () => {
  it('a listed host names its rule and pack', () => {
    expect(lookup('e-tjanster.jarfalla.se')).toEqual([
      {
        kind: 'covered',
        label: 'Järfälla kommun',
        source: 'pack',
        packId: 'se-kommuner',
        host: 'e-tjanster.jarfalla.se',
      },
    ]);
  });

  it('a full URL pasted, in any case, with a port, path and query', () => {
    expect(lookup('  HTTPS://E-tjanster.Jarfalla.se:443/mina-sidor?x=1#top ')).toMatchObject([
      { kind: 'covered', label: 'Järfälla kommun', host: 'e-tjanster.jarfalla.se' },
    ]);
  });

  it('an IDN is looked up as the browser sees it (punycode)', () => {
    expect(hostOf('https://www.räksmörgås.se/')).toBe('www.xn--rksmrgs-5wao1o.se');
    expect(lookup('www.räksmörgås.se')).toEqual([{ kind: 'unlisted', host: 'www.xn--rksmrgs-5wao1o.se' }]);
    expect(lookup('minasidor.räksmörgås.se', { customDomains: ['räksmörgås.se'] })).toMatchObject([
      { kind: 'covered', source: 'own', label: 'xn--rksmrgs-5wao1o.se' },
    ]);
  });

  it('on no list: unlisted', () => {
    expect(lookup('minasidor.okandkommun.se')).toEqual([
      { kind: 'unlisted', host: 'minasidor.okandkommun.se' },
    ]);
  });

  it('the person’s own and IT’s domains', () => {
    expect(lookup('a.okand.se', { customDomains: ['okand.se'] })).toMatchObject([
      { kind: 'covered', source: 'own', label: 'okand.se' },
    ]);
    expect(lookup('a.exempelstad.se', { policyDomains: ['exempelstad.se'] })).toMatchObject([
      { kind: 'covered', source: 'policy', label: 'exempelstad.se' },
    ]);
  });

  it('IT’s exclusions win: excluded by your IT department', () => {
    expect(lookup('e-tjanster.jarfalla.se', { excludedDomains: ['jarfalla.se'] })).toEqual([
      { kind: 'excluded', label: 'Järfälla kommun', host: 'e-tjanster.jarfalla.se' },
    ]);
    expect(lookup('bibliotek.exempelstad.se', { excludedDomains: ['bibliotek.exempelstad.se'] })).toEqual([
      { kind: 'excluded', label: 'bibliotek.exempelstad.se', host: 'bibliotek.exempelstad.se' },
    ]);
  });

  it('a pack the person switched off, and an opt-in login that is off', () => {
    expect(lookup('e-tjanster.jarfalla.se', { disabledPacks: ['se-kommuner'] })).toMatchObject([
      { kind: 'pack-off', label: 'Järfälla kommun', packId: 'se-kommuner', optIn: false },
    ]);
    expect(lookup('https://accounts.google.com/signin')).toMatchObject([
      { kind: 'pack-off', packId: 'login-google', optIn: true },
    ]);
    expect(lookup('accounts.google.com', { optInPacks: ['login-google'] })).toMatchObject([
      { kind: 'covered', packId: 'login-google' },
    ]);
  });
});

describe('a name', () => {
  it('matches rule labels accent- and case-insensitively', () => {
    expect(fold('Göteborgs Stad')).toBe('goteborgs stad');
    expect(fold('Tromsø')).toBe('tromso');
    for (const q of ['Järfälla', 'jarfalla', 'JÄRFÄLLA'])
      expect(lookup(q).map((a) => 'label' in a && a.label)).toContain('Järfälla kommun');
    const gbg = lookup('goteborg').map((a) => 'label' in a && a.label);
    expect(gbg.some((l) => typeof l === 'string' && l.startsWith('Göteborg'))).toBe(true);
    expect(lookup('Malmö')).toEqual(lookup('malmo'));
    expect(lookup('malmo').map((a) => 'label' in a && a.label)).toContain('Malmö stad');
  });

  it('no such name: not found (and nothing for a single letter)', () => {
    expect(lookup('Exempelby')).toEqual([{ kind: 'not-found', query: 'Exempelby' }]);
    expect(lookup('')).toEqual([]);
  });
});

describe('the words', () => {
  it('English, as the options page shows them', () => {
    setLanguage('en');
    expect(coverageLine(lookup('e-tjanster.jarfalla.se')[0]!)).toEqual({
      tone: 'yes',
      text: 'Yes: Järfälla kommun, pack Municipalities',
      help: null,
    });
    const un = coverageLine(lookup('minasidor.okandkommun.se')[0]!);
    expect(un.text).toBe('Not on any list: minasidor.okandkommun.se');
    expect(un.help).toMatch(/Protect this site/);
    expect(coverageLine(lookup('x.jarfalla.se', { excludedDomains: ['jarfalla.se'] })[0]!).text).toBe(
      'No: x.jarfalla.se is excluded by your IT department.',
    );
  });

  it.each(LANGUAGES)('%s: every answer has words of its own language', (lang) => {
    setLanguage(lang);
    const answers = [
      ...lookup('e-tjanster.jarfalla.se'),
      ...lookup('a.okand.se', { customDomains: ['okand.se'] }),
      ...lookup('a.exempelstad.se', { policyDomains: ['exempelstad.se'] }),
      ...lookup('oslo.kommune.no', { disabledPacks: ['no'] }),
      ...lookup('accounts.google.com'),
      ...lookup('x.jarfalla.se', { excludedDomains: ['jarfalla.se'] }),
      ...lookup('minasidor.okandkommun.se'),
      ...lookup('Exempelby'),
    ];
    const lines = answers.map(coverageLine);
    for (const l of lines) expect(l.text).not.toMatch(/\$|undefined/);
    expect(new Set(lines.map((l) => l.text)).size).toBe(lines.length);
  });
});
