/**
 * The popup's words for the current tab's site (#12 item 1): never an all-clear on an unknown site, nothing
 * misleading on pages that are no site, the button only where it can work, in every language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import { createMatcher } from '@/utils/rules/match';
import { type SiteStatus, siteStatus } from '@/utils/site-status';
import { siteStatusView } from '@/utils/ui/site-status-text';

const matcher = createMatcher();
const status = (url: string | undefined, o: { excluded?: string[]; locked?: boolean } = {}) =>
  siteStatus({
    url,
    classify: (h) => matcher.match(h),
    optInOff: (h, d) =>
      h.endsWith('google.com') || (d !== null && 'accounts.google.com'.endsWith(d)) ? 'login-google' : null,
    excludedDomains: o.excluded ?? [],
    customDomainsLocked: o.locked ?? false,
  });

afterEach(() => setLanguage('auto'));

describe('siteStatus', () => {
  it('a listed site, a login service', () => {
    expect(status('https://e-tjanster.jarfalla.se/x')).toEqual({
      kind: 'protected',
      host: 'e-tjanster.jarfalla.se',
      label: 'Järfälla kommun',
      loginService: false,
    });
    expect(status('https://login.grandid.com/')).toMatchObject({ kind: 'protected', loginService: true });
  });

  it('a host no rule names, in the tab’s protected session (an IdP on no list its login went through): protected with it', () => {
    const inGroup = siteStatus({
      url: 'https://login.okand-idp.net/sso',
      classify: (h) => matcher.match(h),
      optInOff: () => null,
      excludedDomains: [],
      customDomainsLocked: false,
      group: (h) => (h === 'login.okand-idp.net' ? { label: 'Järfälla kommun', loginService: true } : null),
    });
    expect(inGroup).toEqual({
      kind: 'protected',
      host: 'login.okand-idp.net',
      label: 'Järfälla kommun',
      loginService: true,
    });
  });

  it('an unknown site offers its registrable domain', () => {
    expect(status('https://minasidor.okandkommun.se/')).toEqual({
      kind: 'unprotected',
      host: 'minasidor.okandkommun.se',
      domain: 'okandkommun.se',
      locked: false,
    });
    // A host under a private public suffix is one owner's site: that, not the suffix.
    expect(status('https://anna.github.io/')).toMatchObject({ domain: 'anna.github.io' });
  });

  it('nothing to say on pages that are no site', () => {
    for (const url of [
      undefined,
      'chrome://settings/',
      'chrome-extension://abc/popup.html',
      'moz-extension://abc/options.html',
      'about:blank',
      'file:///home/anna/a.pdf',
    ])
      expect(status(url), url).toEqual({ kind: 'not-web' });
  });

  it('excluded by IT, an opt-in login, an IP address, IT’s lock', () => {
    expect(status('https://bibliotek.exempelstad.se/', { excluded: ['bibliotek.exempelstad.se'] })).toEqual({
      kind: 'excluded',
      host: 'bibliotek.exempelstad.se',
    });
    expect(status('https://mail.google.com/')).toMatchObject({ kind: 'opt-in-off', packId: 'login-google' });
    expect(status('http://192.168.1.20/')).toMatchObject({ kind: 'unprotected', domain: null });
    expect(status('https://minasidor.okandkommun.se/', { locked: true })).toMatchObject({ locked: true });
  });
});

describe('siteStatusView', () => {
  it('English', () => {
    setLanguage('en');
    expect(siteStatusView(status('https://e-tjanster.jarfalla.se/')!)).toMatchObject({
      protected: true,
      title: 'This site is protected (Järfälla kommun)',
      protectDomain: null,
    });
    expect(siteStatusView(status('https://minasidor.okandkommun.se/'))).toMatchObject({
      protected: false,
      title: 'This site is not protected',
      protectDomain: 'okandkommun.se',
    });
    const locked = siteStatusView(status('https://minasidor.okandkommun.se/', { locked: true }))!;
    expect(locked.protectDomain).toBeNull();
    expect(locked.detail).toBe('Your IT department has locked the settings, so sites cannot be added here.');
    expect(siteStatusView({ kind: 'not-web' })).toBeNull();
  });

  it.each(LANGUAGES)('%s: every status has words, the button only where it can work', (lang) => {
    setLanguage(lang);
    const all: SiteStatus[] = [
      status('https://e-tjanster.jarfalla.se/'),
      status('https://login.grandid.com/'),
      status('https://minasidor.okandkommun.se/'),
      status('https://minasidor.okandkommun.se/', { locked: true }),
      status('https://bibliotek.exempelstad.se/', { excluded: ['exempelstad.se'] }),
      status('https://mail.google.com/'),
      status('http://192.168.1.20/'),
    ];
    const views = all.map((s) => siteStatusView(s)!);
    for (const v of views) expect(`${v.title} ${v.detail ?? ''}`).not.toMatch(/\$|undefined/);
    expect(views.map((v) => v.protectDomain !== null)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(new Set(views.map((v) => `${v.title}|${v.detail}`)).size).toBe(views.length);
  });
});
