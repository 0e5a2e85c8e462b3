import { describe, expect, it } from 'vitest';
import { isPublicSuffix, registrableDomain } from '@/utils/rules/hostname';
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

  it.each(['se', 'co.uk', 'github.io', '10.0.0.1'])('%s has none', (host) => {
    expect(registrableDomain(host)).toBeNull();
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
