import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACK_IDS, PACK_META, PACKS, RULES_VERSION } from '@/utils/rules/generated/packs';
import {
  buildPackData,
  buildPacks,
  readSources,
  resolveDomainsDir,
} from '@/utils/rules/generator/build-packs.mjs';
import { isPublicSuffix } from '@/utils/rules/hostname';
import { isLoginService } from '@/utils/rules/login-service';
import { createMatcher } from '@/utils/rules/match';
import { validateDomainInput } from '@/utils/rules/validate-domain';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATA_DIR = resolveDomainsDir(ROOT);
const GENERATED = resolve(ROOT, 'utils/rules/generated/packs.ts');

function firstDifference(actual: string, expected: string): string | null {
  const a = actual.split('\n');
  const b = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}: packs.ts has ${JSON.stringify(a[i])}, data gives ${JSON.stringify(b[i])}`;
  }
  return null;
}

describe.skipIf(!existsSync(DATA_DIR))(`packs.ts against ${DATA_DIR}`, () => {
  it('is exactly what the generator makes of the data (fix: npm run rules)', () => {
    expect(firstDifference(readFileSync(GENERATED, 'utf8'), buildPacks(DATA_DIR))).toBeNull();
  });

  it('generates the same text every time', () => {
    expect(buildPacks(DATA_DIR)).toBe(buildPacks(DATA_DIR));
  });

  it('changes RULES_VERSION when the data changes', () => {
    const sources = readSources(DATA_DIR);
    const changed = {
      ...sources,
      'kommuner.tsv': sources['kommuner.tsv']!.replace('\tjarfalla.se\t', '\tjarfalla-kommun.se\t'),
    };
    expect(buildPackData(changed).version).not.toBe(buildPackData(sources).version);
    expect(buildPackData(sources).version).toBe(RULES_VERSION);
  });

  it('stops on a row nobody has decided about', () => {
    const sources = readSources(DATA_DIR);
    const extra = `${sources['platforms.tsv']!.trimEnd()}\nBrand new platform\tnew-platform.se\tnotes\tsource\n`;
    expect(() => buildPackData({ ...sources, 'platforms.tsv': extra })).toThrow(/Brand new platform/);
  });

  it('stops on an agency or Nordic platform row nobody has decided about', () => {
    const sources = readSources(DATA_DIR);
    const agency = `${sources['agencies.tsv']!.trimEnd()}\nSE\tNy myndighet\tny-myndighet.se\tlogin\tsource\n`;
    expect(() => buildPackData({ ...sources, 'agencies.tsv': agency })).toThrow(/Ny myndighet/);
    const platform = `${sources['platforms-nordic.tsv']!.trimEnd()}\nDK\tNy platform\tny.dk\twww.ny.dk\tall\tsource\n`;
    expect(() => buildPackData({ ...sources, 'platforms-nordic.tsv': platform })).toThrow(/Ny platform/);
  });

  it('stops when a narrowed platform has an example host outside its scope', () => {
    const sources = readSources(DATA_DIR);
    const moved = sources['platforms-nordic.tsv']!.replace(
      'akrehamn-vgs.inschool.visma.no',
      'akrehamn-vgs.skole.visma.no',
    );
    expect(() => buildPackData({ ...sources, 'platforms-nordic.tsv': moved })).toThrow(
      /akrehamn-vgs\.skole\.visma\.no is outside inschool\.visma\.no/,
    );
  });

  it('never makes a public suffix a municipality rule (a row with kommune.no itself is left out)', () => {
    const sources = readSources(DATA_DIR);
    const bare = sources['no-kommuner.tsv']!.replace('\talta.kommune.no\t', '\tkommune.no\t');
    const data = buildPackData({ ...sources, 'no-kommuner.tsv': bare });
    const alta = data.packs.flatMap((p) => p.rules).find((r) => r.id === 'no-kommune-5601');
    expect(alta).toBeUndefined();
    expect(data.skipped).toContainEqual(
      expect.objectContaining({ file: 'no-kommuner.tsv', token: 'kommune.no' }),
    );
  });

  it('stops when two organisations claim the same domain', () => {
    const sources = readSources(DATA_DIR);
    const clash = sources['kommuner.tsv']!.replace('\thabo.se\t', '\thabokommun.se\t');
    expect(() => buildPackData({ ...sources, 'kommuner.tsv': clash })).toThrow(/habokommun\.se/);
  });
});

describe('the Nordic municipalities, agencies and platforms (2026-12 files)', () => {
  const packRules = (id: string) => PACKS.find((pack) => pack.id === id)!.rules;

  it.each([
    ['no-kommuner', 357, /^no-kommune-\d{4}$/],
    ['dk-kommuner', 98, /^dk-kommune-\d{4}$/],
    ['fi-kunnat', 308, /^fi-kunta-\d{3}$/],
  ])('%s: every municipality once (%i), ids from the official code', (id, count, pattern) => {
    const list = packRules(id);
    expect(list).toHaveLength(count);
    for (const rule of list) {
      expect(rule.id).toMatch(pattern);
      expect(rule.kind).toBe('kommun');
    }
  });

  it.each([
    ['www.oslo.kommune.no', 'no-kommune-0301', 'Oslo kommune'],
    ['innbygger.bergen.kommune.no', 'no-kommune-4601', 'Bergen kommune'],
    ['www.voss.herad.no', 'no-kommune-4621', 'Voss herad'],
    ['www.ha.no', 'no-kommune-1119', 'Hå kommune'],
    ['www.guovdageainnu.suohkan.no', 'no-kommune-5612', 'Guovdageaidnu - Kautokeino kommune'],
    ['heroy-no.kommune.no', 'no-kommune-1818', 'Herøy kommune (Nordland)'],
    ['www.kk.dk', 'dk-kommune-0101', 'Københavns Kommune'],
    ['selvbetjening.aarhus.dk', 'dk-kommune-0751', 'Aarhus Kommune'],
    ['asiointi.hel.fi', 'fi-kunta-091', 'Helsinki'],
    ['www.mariehamn.ax', 'fi-kunta-478', 'Maarianhamina - Mariehamn'],
    ['www.espoonvarhaiskasvatus.fi', 'fi-kunta-049', 'Espoo'],
  ])('%s → %s (%s)', (host, id, label) => {
    expect(all.match(host)).toMatchObject({ ruleId: id, label });
  });

  it('never takes a public suffix itself: kommune.no, herad.no, suohkan.no, ha.no, kvam.no stay unmatched', () => {
    for (const host of ['kommune.no', 'herad.no', 'suohkan.no', 'ha.no', 'kvam.no', 'no', 'dk', 'fi', 'ax']) {
      expect(all.match(host), host).toBeNull();
    }
    expect(all.match('uten-kommune.kommune.no')).toBeNull();
  });

  it('scopes a platform to its own hosts where the registrable domain is far broader', () => {
    expect(all.match('akrehamn-vgs.inschool.visma.no')?.ruleId).toBe('no-visma-inschool');
    for (const host of ['www.visma.no', 'visma.no', 'www.suomi.fi.example', 'sub.mitid.dk.example']) {
      expect(all.match(host), host).toBeNull();
    }
    expect(all.match('tunnistus.suomi.fi')?.ruleId).toBe('idp-suomifi');
    expect(all.match('www.suomi.fi')?.ruleId).toBe('fi-suomi');
    expect(all.match('bostad.stockholm.se')?.ruleId).toBe('se-kommun-0180');
    expect(all.match('hjarntorget.goteborg.se')?.ruleId).toBe('se-vendor-hjarntorget');
  });

  it.each([
    ['polisen.se', 'se-polisen'],
    ['minasidor.pensionsmyndigheten.se', 'se-pensionsmyndigheten'],
    ['www.antagning.se', 'se-antagning'],
    ['www.universityadmissions.se', 'se-antagning'],
    ['minmyndighetspost.se', 'se-min-myndighetspost'],
    ['www.skatteetaten.no', 'no-skatteetaten'],
    ['dinesider.lanekassen.no', 'no-lanekassen'],
    ['www.sundhed.dk', 'dk-sundhed'],
    ['www.skat.dk', 'dk-skat'],
    ['tyomarkkinatori.fi', 'fi-tyomarkkinatori'],
    ['enterfinland.fi', 'fi-migri'],
  ])('covers the agency %s (%s)', (host, id) => {
    expect(all.match(host)?.ruleId).toBe(id);
  });
});

describe('data directory', () => {
  it('defaults to the repository’s own data/domains and honours SAFE_LOGOUT_DOMAINS_DIR', () => {
    expect(resolveDomainsDir('/repo', {})).toBe(resolve('/repo/data/domains'));
    expect(resolveDomainsDir('/repo', { SAFE_LOGOUT_DOMAINS_DIR: '/data/x' })).toBe('/data/x');
  });
});

const rules = PACKS.flatMap((pack) => pack.rules.map((rule) => ({ ...rule, packId: pack.id })));
const kommuner = PACKS.find((pack) => pack.id === 'se-kommuner')!.rules;
const kommun = (label: string) => kommuner.find((rule) => rule.label === label);
const all = createMatcher({ packs: [...PACK_IDS] });

describe('generated packs', () => {
  it('has the eleven packs on by default and the three opt-in login packs, with metadata that agrees', () => {
    expect(PACK_IDS).toEqual([
      'se-kommuner',
      'se-regioner',
      'se-agencies',
      'se-vendors',
      'idp',
      'no',
      'dk',
      'fi',
      'no-kommuner',
      'dk-kommuner',
      'fi-kunnat',
      'login-microsoft',
      'login-google',
      'login-visma',
    ]);
    for (const pack of PACKS) {
      const meta = PACK_META.find((m) => m.id === pack.id)!;
      expect(meta.ruleCount).toBe(pack.rules.length);
      expect(meta.domainCount).toBe(pack.rules.reduce((n, rule) => n + rule.domains.length, 0));
      expect(meta.ruleCount).toBeGreaterThan(0);
      expect(meta.optIn).toBe(pack.optIn);
    }
    expect(RULES_VERSION).toMatch(/^r\d+-[0-9a-f]{10}$/);
  });

  it('has all 290 kommuner, each once, with stable ids', () => {
    expect(kommuner).toHaveLength(290);
    expect(new Set(kommuner.map((rule) => rule.id)).size).toBe(290);
    for (const rule of kommuner) {
      expect(rule.id).toMatch(/^se-kommun-\d{4}$/);
      expect(rule.kind).toBe('kommun');
      expect(rule.domains.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['Järfälla kommun', 'jarfalla.se'],
    ['Habo kommun', 'habokommun.se'],
    ['Håbo kommun', 'habo.se'],
    ['Mora kommun', 'morakommun.se'],
    ['Ängelholm kommun', 'engelholm.se'],
    ['Hällefors kommun', 'hellefors.se'],
    ['Härjedalen kommun', 'herjedalen.se'],
    ['Dals-Ed kommun', 'dalsed.se'],
    ['Gällivare kommun', 'gellivare.se'],
    ['Stockholms stad', 'stockholm.se'],
  ])('%s has %s as its primary domain', (label, domain) => {
    expect(kommun(label)?.domains[0]).toBe(domain);
  });

  it('keeps second and legacy domains under the same kommun or region rule', () => {
    expect(kommun('Gällivare kommun')?.domains).toEqual(
      expect.arrayContaining(['gellivare.se', 'gallivare.se']),
    );
    expect(kommun('Mora kommun')?.domains).toContain('mora.se');
    expect(all.match('www.gallivare.se')?.ruleId).toBe(all.match('www.gellivare.se')?.ruleId);
    expect(all.match('sll.se')?.label).toBe('Region Stockholm');
    expect(all.match('pitea.enamnd.se')?.label).toBe('Piteå kommun');
    expect(all.match('start.stockholm')?.label).toBe('Stockholms stad');
  });

  it('does not take the whole .stockholm TLD', () => {
    expect(all.match('motionera.stockholm')).toBeNull();
  });

  it.each([
    ['auth.vklass.se', 'Vklass'],
    ['web.skola24.se', 'Skola24'],
    ['boden.enamnd.se', 'Boden kommun'],
    ['kalix.enamnd.se', 'E-nämnden i Norrbotten'],
    ['start.unikum.net', 'Unikum'],
    ['hub.infomentor.se', 'InfoMentor'],
    ['sms.schoolsoft.se', 'SchoolSoft'],
    ['education.service.tieto.com', 'Tieto Edu'],
    ['open24.ist-asp.com', 'IST Open24'],
    ['provningsenheten.alvis.se', 'Alvis'],
    ['vasteras.fri-go.se', 'FRI Webb-Förening'],
    ['e-tjanster.1177.se', '1177 Vårdguiden'],
    ['www.skatteverket.se', 'Skatteverket'],
    ['www.altinn.no', 'Altinn'],
    ['www.borger.dk', 'borger.dk'],
    ['asiointi.kela.fi', 'Kela'],
  ])('covers %s (%s)', (host, label) => {
    expect(all.match(host)?.label).toBe(label);
  });

  it.each([
    'login.idporten.no',
    'tunnistus.suomi.fi',
    'nemlog-in.mitid.dk',
    'login.grandid.com',
    'eid-connect.funktionstjanster.se',
    'm00-mg-local.idp.funktionstjanster.se',
    'idp.invanar-idp.inera.se',
    'login003.stockholm.se',
    'authpub.goteborg.se',
    'skolfederation.malmo.se',
    'fs.lund.se',
    'broker.unilogin.dk',
  ])('knows %s as an identity provider', (host) => {
    const match = all.match(host);
    expect(match?.kind).toBe('idp');
    expect(isLoginService(match)).toBe(true);
    expect(PACKS.find((p) => p.id === 'idp')?.rules.map((r) => r.id)).toContain(match?.ruleId);
  });

  it('labels IdPs in Swedish', () => {
    expect(all.match('eid-connect.funktionstjanster.se')?.label).toBe('Inloggningstjänst (CGI)');
  });

  it('lists no test hosts or unverified rows, nor global logins by default (a listed parent still covers its test hosts)', () => {
    const byDefault = createMatcher();
    for (const host of ['login.microsoftonline.com', 'accounts.google.com', 'connect.visma.com']) {
      expect(byDefault.match(host), host).toBeNull();
    }
    for (const host of [
      'idp.ineratest.org',
      'grpt.funktionstjanster.se',
      'x.testidp.funktionstjanster.se',
      'x.sitevision-cloud.se',
      'fk.se',
      'nemlog-in.dk',
      'www.omakanta.fi',
    ]) {
      expect(all.match(host), host).toBeNull();
    }
    const testLabel = /^(?:test|qa|dev|stage|staging|sandbox|tt\d+)$/;
    const listed = rules.flatMap((rule) => rule.domains);
    expect(listed.filter((domain) => domain.split('.').some((label) => testLabel.test(label)))).toEqual([]);
    expect(all.match('test.idporten.no')?.ruleId).toBe('idp-idporten');
  });

  it('lists only valid, canonical, non-public-suffix domains, each in one rule (gotland.se excepted)', () => {
    const owners = new Map<string, string[]>();
    for (const rule of rules) {
      for (const domain of rule.domains) {
        const checked = validateDomainInput(domain);
        expect(checked, domain).toEqual({ ok: true, domain, notices: [] });
        expect(isPublicSuffix(domain), domain).toBe(false);
        owners.set(domain, [...(owners.get(domain) ?? []), rule.id]);
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([['gotland.se', ['se-kommun-0980', 'se-region-09']]]);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });
});
