import { describe, expect, it } from 'vitest';
import { type DomainErrorCode, validateDomainInput, validateDomainList } from '@/utils/rules/validate-domain';

describe('validateDomainInput accepts', () => {
  it.each([
    ['jarfalla.se', 'jarfalla.se', []],
    ['  Jarfalla.SE  ', 'jarfalla.se', []],
    ['e-tjanster.jarfalla.se', 'e-tjanster.jarfalla.se', []],
    ['jarfalla.se.', 'jarfalla.se', []],
    ['*.example.se', 'example.se', ['wildcard-normalised']],
    ['.example.se', 'example.se', ['wildcard-normalised']],
    ['https://jarfalla.se', 'jarfalla.se', ['scheme-stripped']],
    ['https://jarfalla.se/', 'jarfalla.se', ['scheme-stripped']],
    ['//jarfalla.se', 'jarfalla.se', ['scheme-stripped']],
    ['jarfalla.se:8443', 'jarfalla.se', ['port-stripped']],
    ['jarfalla.se/oversikt/overview/787', 'jarfalla.se', ['path-stripped']],
    ['jarfalla.se?a=1', 'jarfalla.se', ['query-stripped']],
    ['jarfalla.se#top', 'jarfalla.se', ['fragment-stripped']],
    ['user:secret@jarfalla.se', 'jarfalla.se', ['credentials-stripped']],
    [
      'HTTPS://user:pw@E-Tjanster.Jarfalla.se:8443/oversikt/overview/787?x=1#top',
      'e-tjanster.jarfalla.se',
      [
        'scheme-stripped',
        'credentials-stripped',
        'port-stripped',
        'path-stripped',
        'query-stripped',
        'fragment-stripped',
      ],
    ],
    ['https://*.example.se/', 'example.se', ['scheme-stripped', 'wildcard-normalised']],
    ['Järfälla.se', 'xn--jrflla-buac.se', ['idn-converted']],
    ['xn--jrflla-buac.se', 'xn--jrflla-buac.se', []],
    ['ｅｘａｍｐｌｅ.se', 'example.se', ['idn-converted']],
    ['start.stockholm', 'start.stockholm', []],
    ['oslo.kommune.no', 'oslo.kommune.no', []],
    ['user.github.io', 'user.github.io', []],
    ['education.service.tieto.com', 'education.service.tieto.com', []],
    ['intra.corp', 'intra.corp', ['unknown-tld']],
    [`${'a'.repeat(63)}.se`, `${'a'.repeat(63)}.se`, []],
  ])('%j → %s %j', (input, domain, codes) => {
    const result = validateDomainInput(input);
    expect(result.ok && result.domain).toBe(domain);
    expect(result.ok && result.notices.map((n) => n.code)).toEqual(codes);
  });

  it('says what it stripped, but never echoes credentials', () => {
    const result = validateDomainInput('https://anna:hemligt@jarfalla.se:8080/a/b');
    expect(result.ok && result.notices).toEqual([
      { code: 'scheme-stripped', detail: 'https' },
      { code: 'credentials-stripped' },
      { code: 'port-stripped', detail: '8080' },
      { code: 'path-stripped', detail: '/a/b' },
    ]);
    expect(JSON.stringify(result)).not.toContain('hemligt');
  });
});

describe('validateDomainInput refuses', () => {
  const longName = `${'a'.repeat(60)}.`.repeat(5).concat('se'); // 5 × 61 + 2 = 307 characters
  it.each<[string, DomainErrorCode]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t\n', 'empty'],
    ['exa mple.se', 'invalid'],
    ['example.se\u0000', 'invalid'],
    ['foo_bar.se', 'invalid'],
    ['-foo.se', 'invalid'],
    ['foo-.se', 'invalid'],
    ['a..b.se', 'invalid'],
    ['example.se..', 'invalid'],
    ['ex%61mple.se', 'invalid'],
    ['exa\\mple.se', 'invalid'],
    ['xn--zz.se', 'invalid'],
    ['example.123', 'invalid'],
    ['example.se:abc', 'invalid'],
    ['example.se:99999', 'invalid'],
    ['https://', 'invalid'],
    ['bankid:///', 'invalid'],
    ['frejaeid://bindUserToTransaction', 'single-label'],
    ['@', 'invalid'],
    ['*', 'invalid'],
    ['[foo]', 'invalid'],
    ['!!!', 'invalid'],
    ['127.0.0.1', 'ip-address'],
    ['http://192.168.1.1:8080/admin', 'ip-address'],
    ['1.2.3', 'ip-address'],
    ['0x7f.1', 'ip-address'],
    ['::1', 'ip-address'],
    ['[::1]', 'ip-address'],
    ['[2001:db8::1]:443', 'ip-address'],
    ['https://[fe80::1]/', 'ip-address'],
    ['se', 'public-suffix'],
    ['SE.', 'public-suffix'],
    ['*.se', 'public-suffix'],
    ['co.uk', 'public-suffix'],
    ['kommune.no', 'public-suffix'],
    ['stockholm', 'public-suffix'],
    ['*.stockholm', 'public-suffix'],
    ['github.io', 'public-suffix'],
    ['blogspot.com', 'public-suffix'],
    ['localhost', 'single-label'],
    ['localhost:3000', 'single-label'],
    ['intranet', 'single-label'],
    [`${'a'.repeat(64)}.se`, 'too-long'],
    [longName, 'too-long'],
    ['x'.repeat(5000), 'too-long'],
    ['foo.*.se', 'wildcard-in-middle'],
    ['*foo.se', 'wildcard-in-middle'],
    ['example.*', 'wildcard-in-middle'],
    ['*.*.se', 'wildcard-in-middle'],
  ])('%j → %s', (input, error) => {
    const result = validateDomainInput(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe(error);
  });

  it('tells a private suffix from an ICANN one in detail', () => {
    expect(validateDomainInput('github.io')).toEqual({
      ok: false,
      error: 'public-suffix',
      detail: 'private',
    });
    expect(validateDomainInput('co.uk')).toEqual({ ok: false, error: 'public-suffix', detail: 'icann' });
  });

  it.each([
    ['amazonaws.com', 's3.amazonaws.com'],
    ['https://amazonaws.com/bucket', 's3.amazonaws.com'],
    ['googleusercontent.com', 'googleusercontent.com'],
    ['core.windows.net', undefined],
    ['windows.net', undefined],
  ])(
    'refuses %j: it contains a private-section public suffix (%s), every stranger’s site on it',
    (input, suffix) => {
      const result = validateDomainInput(input);
      expect(result).toMatchObject({ ok: false, error: 'shared-hosting' });
      if (suffix) expect(!result.ok && result.detail).toBe(suffix);
    },
  );

  it('accepts one owner’s site under a private suffix, and names that contain no such entry', () => {
    for (const [input, domain] of [
      ['user.github.io', 'user.github.io'],
      ['minbucket.s3.amazonaws.com', 'minbucket.s3.amazonaws.com'],
      ['e-tjanster.jarfalla.se', 'e-tjanster.jarfalla.se'],
      ['jarfalla.se', 'jarfalla.se'],
    ])
      expect(validateDomainInput(input!)).toMatchObject({ ok: true, domain });
  });

  it('refuses non-strings from untyped callers', () => {
    expect(validateDomainInput(42 as unknown as string)).toMatchObject({ ok: false, error: 'invalid' });
  });
});

describe('validateDomainList', () => {
  it('returns valid domains deduplicated and sorted, with per-item errors', () => {
    expect(
      validateDomainList([
        'vklass.se',
        'https://www.Vklass.se/',
        '*.vklass.se',
        'se',
        'beta.se',
        42,
        '',
        'alfa.se',
      ]),
    ).toEqual({
      domains: ['alfa.se', 'beta.se', 'vklass.se', 'www.vklass.se'],
      errors: [
        { index: 3, input: 'se', error: 'public-suffix', detail: 'icann' },
        { index: 5, input: '42', error: 'invalid', detail: 'not-a-string' },
        { index: 6, input: '', error: 'empty' },
      ],
    });
  });

  it('treats anything but an array as one error', () => {
    expect(validateDomainList('vklass.se')).toEqual({
      domains: [],
      errors: [{ index: -1, input: 'vklass.se', error: 'invalid', detail: 'not-a-list' }],
    });
    expect(validateDomainList([])).toEqual({ domains: [], errors: [] });
  });
});
