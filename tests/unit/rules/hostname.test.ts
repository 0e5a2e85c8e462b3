import { describe, expect, it } from 'vitest';
import {
  isPublicSuffix,
  isWithin,
  registrableDomain,
  siteOf,
  webOrigin,
  webUrl,
} from '@/utils/rules/hostname';
import { normaliseHostname } from '@/utils/rules/normalise-host';

describe('registrableDomain (Public Suffix List, private section included)', () => {
  it.each([
    ['e-tjanster.jarfalla.se', 'jarfalla.se'],
    ['jarfalla.se', 'jarfalla.se'],
    ['x.education.service.tieto.com', 'tieto.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['oslo.kommune.no', 'oslo.kommune.no'],
    ['user.github.io', 'user.github.io'],
    ['start.stockholm', 'start.stockholm'],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it.each(['se', 'co.uk', 'github.io', '10.0.0.1', 'localhost'])(
    '%s has none: it is its own site',
    (host) => {
      expect(registrableDomain(host)).toBe(host);
    },
  );

  it('reads a cookie domain (leading dot) and any case', () => {
    expect(registrableDomain('.E-Tjanster.Jarfalla.SE')).toBe('jarfalla.se');
    expect(registrableDomain('.LOCALHOST')).toBe('localhost');
  });
});

describe('siteOf, webUrl, webOrigin, isWithin', () => {
  it('the schemeful site of an origin is its scheme and registrable domain', () => {
    expect(siteOf('https://www.jarfalla.se:8443')).toBe('https://jarfalla.se');
    expect(siteOf('http://10.0.0.1:8080')).toBe('http://10.0.0.1');
  });

  it('web URLs and origins are http(s) only', () => {
    expect(webUrl('https://e-tjanster.jarfalla.se/x?y')?.hostname).toBe('e-tjanster.jarfalla.se');
    expect(webOrigin('https://api.e-plattform.net/v1/min-profil')).toBe('https://api.e-plattform.net');
    for (const url of ['chrome://newtab/', 'javascript:alert(1)', 'about:blank', 'not a url'])
      expect([webUrl(url), webOrigin(url)], url).toEqual([null, null]);
  });

  it('a host is within a domain when it is the domain or under it, not when it merely ends like it', () => {
    expect([isWithin('jarfalla.se', 'jarfalla.se'), isWithin('e.jarfalla.se', 'jarfalla.se')]).toEqual([
      true,
      true,
    ]);
    expect([isWithin('xjarfalla.se', 'jarfalla.se'), isWithin('jarfalla.se', 'e.jarfalla.se')]).toEqual([
      false,
      false,
    ]);
  });
});

describe('isPublicSuffix', () => {
  it('knows ICANN and private suffixes, but not unknown single labels or registrable names', () => {
    expect(['se', 'co.uk', 'kommune.no', 'stockholm', 'github.io', 'a.se'].map(isPublicSuffix)).toEqual(
      Array(6).fill(true),
    );
    expect(['intranet', 'jarfalla.se', 'user.github.io'].map(isPublicSuffix)).toEqual([false, false, false]);
  });
});

describe('normaliseHostname', () => {
  it.each([
    ['JARFALLA.se.', 'jarfalla.se'],
    ['Järfälla.se', 'xn--jrflla-buac.se'],
    ['_dmarc.jarfalla.se', '_dmarc.jarfalla.se'],
    ['10.0.0.1', null],
    ['[::1]', null],
    ['jarfalla.se:443', null],
    ['a b.se', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseHostname(input)).toBe(expected);
  });
});
