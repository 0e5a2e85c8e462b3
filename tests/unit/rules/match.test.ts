import { describe, expect, it } from 'vitest';
import { isLoginService } from '@/utils/rules/login-service';
import { createMatcher } from '@/utils/rules/match';
import type { Pack } from '@/utils/rules/types';

const builtin = createMatcher();

describe('built-in rules', () => {
  it('matches a kommun domain and every subdomain, naming the rule and the domain that matched', () => {
    for (const host of ['jarfalla.se', 'www.jarfalla.se', 'e-tjanster.jarfalla.se', 'a.b.c.jarfalla.se']) {
      expect(builtin.match(host)).toEqual({
        ruleId: 'se-kommun-0123',
        label: 'Järfälla kommun',
        kind: 'kommun',
        scopeDomain: 'jarfalla.se',
      });
    }
  });

  it('matches every domain of a multi-domain rule, reporting which one matched', () => {
    const a = builtin.match('www.gellivare.se');
    const b = builtin.match('e.gallivare.se');
    expect(a?.ruleId).toBe('se-kommun-2523');
    expect(b?.ruleId).toBe('se-kommun-2523');
    expect([a?.scopeDomain, b?.scopeDomain]).toEqual(['gellivare.se', 'gallivare.se']);
  });

  it('covers a suffix rule below the registrable domain, not the rest of that domain', () => {
    expect(builtin.match('education.service.tieto.com')?.label).toBe('Tieto Edu');
    expect(builtin.match('x.education.service.tieto.com')?.scopeDomain).toBe('education.service.tieto.com');
    for (const host of ['tieto.com', 'www.tieto.com', 'service.tieto.com', 'xeducation.service.tieto.com']) {
      expect(builtin.match(host), host).toBeNull();
    }
  });

  it('lets the most specific listed domain win', () => {
    expect(builtin.match('login001.stockholm.se')?.ruleId).toBe('idp-stockholm');
    expect(isLoginService(builtin.match('login001.stockholm.se'))).toBe(true);
    expect(builtin.match('etjanst.stockholm.se')?.ruleId).toBe('se-kommun-0180');
    expect(isLoginService(builtin.match('etjanst.stockholm.se'))).toBe(false);
    expect(builtin.match('stockholm-sso.skola24.se')?.ruleId).toBe('se-kommun-0180');
    expect(builtin.match('goteborg.skola24.se')?.ruleId).toBe('se-kommun-1480');
    expect(builtin.match('malmo.skola24.se')?.ruleId).toBe('se-vendor-skola24');
  });

  it('uses pack order when two packs list the same domain', () => {
    expect(builtin.match('gotland.se')?.ruleId).toBe('se-kommun-0980');
    expect(createMatcher({ packs: ['se-regioner', 'se-kommuner'] }).match('gotland.se')?.ruleId).toBe(
      'se-region-09',
    );
  });

  it.each([
    'www.lokaltidningen.se',
    'example.com',
    'jarfalla.se.example.com',
    'notjarfalla.se',
    'jarfalla-se.com',
    'se',
    'localhost',
    '192.168.1.10',
    '10.0.0.1',
    '[::1]',
    '::1',
    '2001:db8::1',
    'jarfalla.se:443',
    'https://jarfalla.se/',
    '',
    '.',
    'jar falla.se',
  ])('does not match %j', (host) => {
    expect(builtin.match(host)).toBeNull();
  });
});

describe('hostname forms', () => {
  it('ignores case and one trailing dot', () => {
    expect(builtin.match('E-Tjanster.JARFALLA.se.')?.ruleId).toBe('se-kommun-0123');
    expect(isLoginService(builtin.match('LOGIN.GRANDID.COM'))).toBe(true);
  });

  it('normalises IDN to punycode before matching', () => {
    const matcher = createMatcher({ packs: [], custom: ['Järfälla-exempel.se'] });
    expect(matcher.match('www.järfälla-exempel.se')?.scopeDomain).toBe('xn--jrflla-exempel-5hbc.se');
    expect(matcher.match('WWW.JÄRFÄLLA-EXEMPEL.SE')?.label).toBe('xn--jrflla-exempel-5hbc.se');
    expect(matcher.match('www.xn--jrflla-exempel-5hbc.se')?.ruleId).toBe('user:xn--jrflla-exempel-5hbc.se');
    expect(builtin.match('åre.se')).toBeNull(); // åre.se is not are.se
    expect(builtin.match('are.se')?.label).toBe('Åre kommun');
  });

  it('accepts underscores in the labels a site puts in front of a listed domain', () => {
    expect(builtin.match('_dmarc.jarfalla.se')?.ruleId).toBe('se-kommun-0123');
  });
});

describe('choosing packs', () => {
  it('uses only the packs it is given, by id or as objects', () => {
    const idpOnly = createMatcher({ packs: ['idp'] });
    expect(idpOnly.match('jarfalla.se')).toBeNull();
    expect(idpOnly.match('login.idporten.no')?.label).toBe('ID-porten');

    const pack: Pack = {
      id: 'test-pack',
      label: 'Test',
      country: 'SE',
      rules: [{ id: 'r1', label: 'Exempel', kind: 'vendor', country: 'SE', domains: ['Exempel.SE'] }],
    };
    const own = createMatcher({ packs: [pack] });
    expect(own.match('a.exempel.se')).toMatchObject({
      ruleId: 'r1',
      label: 'Exempel',
      scopeDomain: 'exempel.se',
    });
    expect(own.match('jarfalla.se')).toBeNull();
  });

  it('reports unknown pack ids instead of failing', () => {
    const matcher = createMatcher({ packs: ['se-kommuner', 'xx-nope'] });
    expect(matcher.rejected).toEqual([{ source: 'pack', input: 'xx-nope', error: 'unknown-pack' }]);
    expect(matcher.match('habo.se')?.label).toBe('Håbo kommun');
  });

  it('with no packs and no domains matches nothing', () => {
    expect(createMatcher({ packs: [] }).match('jarfalla.se')).toBeNull();
  });
});

describe('user and policy rules', () => {
  const matcher = createMatcher({
    packs: ['se-kommuner'],
    custom: ['https://www.Example.com/login', '*.shared.se', 'jarfalla.se', 'e-tjanster.jarfalla.se'],
    policy: ['intra.example.org', 'shared.se'],
  });

  it('labels them with their domain and says where they came from', () => {
    expect(matcher.match('www.example.com')).toEqual({
      ruleId: 'user:www.example.com',
      label: 'www.example.com',
      kind: 'custom',
      scopeDomain: 'www.example.com',
    });
    expect(matcher.match('x.intra.example.org')).toMatchObject({
      ruleId: 'policy:intra.example.org',
      label: 'intra.example.org',
      kind: 'custom',
    });
    expect(matcher.match('example.com')).toBeNull(); // the user listed www.example.com only
  });

  it('prefers built-in over policy over user on the very same domain', () => {
    expect(matcher.match('jarfalla.se')?.ruleId).toBe('se-kommun-0123');
    expect(matcher.match('a.shared.se')?.ruleId).toBe('policy:shared.se');
  });

  it('still lets a more specific user domain win', () => {
    expect(matcher.match('e-tjanster.jarfalla.se')?.ruleId).toBe('user:e-tjanster.jarfalla.se');
  });

  it('refuses invalid entries and reports them', () => {
    const m = createMatcher({
      packs: [],
      custom: ['se', 'localhost', '1.2.3.4', 'ok.se'],
      policy: ['github.io'],
    });
    expect(m.rejected.map((r) => [r.source, r.input, r.error])).toEqual([
      ['policy', 'github.io', 'public-suffix'],
      ['user', 'se', 'public-suffix'],
      ['user', 'localhost', 'single-label'],
      ['user', '1.2.3.4', 'ip-address'],
    ]);
    expect(m.match('x.se')).toBeNull();
    expect(m.match('x.github.io')).toBeNull();
    expect(m.match('ok.se')?.ruleId).toBe('user:ok.se');
  });

  it('stays exact with 10,000 user domains', () => {
    const custom = Array.from({ length: 10_000 }, (_, i) => `kund-${i}.exempel${i % 50}.se`);
    const big = createMatcher({ custom });
    expect(big.size).toBeGreaterThan(10_000);
    expect(big.match('www.kund-9999.exempel49.se')?.scopeDomain).toBe('kund-9999.exempel49.se');
    expect(big.match('kund-9999.exempel48.se')).toBeNull();
    expect(isLoginService(big.match('login.grandid.com'))).toBe(true);
  });
});

describe('exclusions', () => {
  it('win over every rule, for the domain and its subdomains', () => {
    const matcher = createMatcher({
      custom: ['example.com'],
      excluded: ['e-tjanster.jarfalla.se', '*.skola24.se', 'EXAMPLE.com'],
    });
    expect(matcher.match('e-tjanster.jarfalla.se')).toBeNull();
    expect(matcher.match('x.e-tjanster.jarfalla.se')).toBeNull();
    expect(matcher.match('www.jarfalla.se')?.ruleId).toBe('se-kommun-0123');
    expect(matcher.match('jarfalla.se')?.ruleId).toBe('se-kommun-0123');
    // excluding skola24.se also excludes Stockholm's tenant host, although a more specific rule lists it
    expect(matcher.match('stockholm.skola24.se')).toBeNull();
    expect(matcher.match('skola24.se')).toBeNull();
    expect(matcher.match('www.example.com')).toBeNull();
  });

  it('ignore invalid exclusions rather than excluding too much', () => {
    const matcher = createMatcher({ excluded: ['se', ''] });
    expect(matcher.rejected.map((r) => r.error)).toEqual(['public-suffix', 'empty']);
    expect(matcher.match('jarfalla.se')?.ruleId).toBe('se-kommun-0123');
  });
});
