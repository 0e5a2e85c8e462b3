import { describe, expect, it } from 'vitest';
import {
  isReportableOrigin,
  MAX_FETCHED_ORIGINS,
  MAX_ORIGIN_LENGTH,
  onFetchedOrigins,
} from '@/utils/session-groups/fetched-origins';
import { emptySessionState } from '@/utils/session-groups/types';
import { only, visit } from './fixture';

describe('fetched origins', () => {
  it('other origins a group page fetched from are remembered for their HTTP cache, bounded; not for a tab outside groups', () => {
    const s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/oversikt');
    const next = onFetchedOrigins(s, 1, [
      'https://api.e-plattform.net/v1/min-profil',
      'https://api.e-plattform.net',
      'https://e-tjanster.jarfalla.se',
      'javascript:alert(1)',
      'not a url',
    ]);
    expect(only(next).fetchedOrigins).toEqual(['https://api.e-plattform.net']);
    expect(only(next).hosts).toEqual(only(s).hosts);
    expect(onFetchedOrigins(next, 1, ['https://api.e-plattform.net'])).toBe(next);
    expect(onFetchedOrigins(s, 99, ['https://api.e-plattform.net'])).toBe(s);
    const many = Array.from({ length: MAX_FETCHED_ORIGINS + 20 }, (_, i) => `https://a${i}.example.net`);
    expect(only(onFetchedOrigins(next, 1, many)).fetchedOrigins).toHaveLength(MAX_FETCHED_ORIGINS);
  });

  it('only a plain http(s) origin, as URL.origin writes it, can be named: no credentials, path, other scheme or giant', () => {
    for (const ok of ['https://api.e-plattform.net', 'http://old.example.net:8080', 'https://[::1]:8443'])
      expect(isReportableOrigin(ok), ok).toBe(true);
    for (const bad of [
      'https://api.e-plattform.net/',
      'https://api.e-plattform.net/v1/min-profil',
      'https://user:secret@api.e-plattform.net',
      'https://api.e-plattform.net?x=1',
      'HTTPS://API.E-PLATTFORM.NET',
      'ftp://files.example.net',
      'file:///etc/passwd',
      'data:text/plain,x',
      'null',
      '',
      `https://${'a'.repeat(MAX_ORIGIN_LENGTH)}.net`,
      42,
      null,
      { origin: 'https://x.net' },
    ])
      expect(isReportableOrigin(bad), String(bad)).toBe(false);
    const s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/oversikt');
    expect(onFetchedOrigins(s, 1, ['https://user:pw@cdn.example.net', 'https://cdn.example.net/x'])).toBe(s);
  });
});
