import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '@/utils/browser-data/port';
import { cookieInScope, FORM_DATA_MAX_AGE_MS, planPurge } from '@/utils/purge/plan';
import type { SessionGroup } from '@/utils/session-groups/types';

const group = (over: Partial<SessionGroup> = {}): SessionGroup => ({
  id: 'g-jarfalla',
  sites: [{ ruleId: 'se-kommun-0123', label: 'Järfälla kommun', scopeDomain: 'jarfalla.se', kind: 'kommun' }],
  hosts: ['e-tjanster.jarfalla.se', 'login.eidbrygga.net'],
  origins: [
    'https://e-tjanster.jarfalla.se',
    'https://login.eidbrygga.net',
    'https://e-tjanster.jarfalla.se:8443',
  ],
  tabIds: [1],
  startedAt: 0,
  lastSeenAt: 0,
  ...over,
});

const cookie = (over: Partial<CookieRecord>): CookieRecord => ({
  name: 'c',
  value: 'v',
  domain: 'example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: false,
  sameSite: 'lax',
  session: true,
  storeId: '0',
  ...over,
});

const base = { id: 'p1', now: 1, clearHistory: true, clearDownloads: false };

describe('planPurge', () => {
  it('form suggestions go from the start of the earliest session; a purge of no group (start-up scan) has no time to go by', () => {
    const two = [group({ startedAt: 5_000 }), group({ id: 'g-2', startedAt: 3_000 })];
    expect(
      planPurge({ ...base, clearFormData: true, trigger: 'button', groups: two, tabs: [] }).formData,
    ).toEqual({
      since: 3_000,
    });
    const extrasOnly = planPurge({
      ...base,
      clearFormData: true,
      trigger: 'browser-start',
      groups: [],
      tabs: [],
      extraSites: [{ scopeDomain: 'huddinge.se', label: 'Huddinge kommun' }],
    });
    expect(extrasOnly.formData).toBeNull();
  });

  it('form suggestions (every site’s, by time) go only with the setting on (shared-computer mode)', () => {
    const groups = [group({ startedAt: 5_000 })];
    expect(planPurge({ ...base, trigger: 'button', groups, tabs: [] }).formData).toBeNull();
    expect(
      planPurge({ ...base, clearFormData: false, trigger: 'button', groups, tabs: [] }).formData,
    ).toBeNull();
    expect(planPurge({ ...base, clearFormData: true, trigger: 'button', groups, tabs: [] }).formData).toEqual(
      {
        since: 5_000,
      },
    );
  });

  it('form suggestions go at most 3 hours back, however long ago the earliest login was', () => {
    const now = 1_764_320_000_000;
    const hour = 3_600_000;
    const groups = [group({ startedAt: now - 5 * hour }), group({ id: 'g-2', startedAt: now - 4 * hour })];
    const plan = planPurge({ ...base, now, clearFormData: true, trigger: 'idle', groups, tabs: [] });
    expect(FORM_DATA_MAX_AGE_MS).toBe(3 * hour);
    expect(plan.formData).toEqual({ since: now - 3 * hour });
    const recent = [group({ startedAt: now - 20 * 60_000 })];
    expect(
      planPurge({ ...base, now, clearFormData: true, trigger: 'button', groups: recent, tabs: [] }).formData,
    ).toEqual({ since: now - 20 * 60_000 });
  });

  it('other origins the group’s pages fetched from lose their HTTP cache only: never cookies or storage', () => {
    const plan = planPurge({
      ...base,
      trigger: 'button',
      groups: [
        group({
          fetchedOrigins: ['https://api.e-plattform.net', 'https://e-tjanster.jarfalla.se'],
        }),
      ],
      tabs: [],
    });
    const entry = plan.siteData.find((d) => d.reason === 'http-cache-of-fetched-origin');
    // An origin the group has anyway is not repeated.
    expect(entry).toEqual({
      origins: ['https://api.e-plattform.net'],
      kinds: ['cache'],
      reason: 'http-cache-of-fetched-origin',
    });
    const others = plan.siteData.filter((d) => d !== entry).flatMap((d) => d.origins);
    expect(others).not.toContain('https://api.e-plattform.net');
    expect(cookieInScope(cookie({ domain: 'api.e-plattform.net', name: 'sid' }), plan.cookies)).toBe(false);
  });

  it('closes the group’s tabs on a forced logout and leaves other tabs alone', () => {
    const plan = planPurge({
      ...base,
      trigger: 'button',
      groups: [group()],
      tabs: [
        { id: 1, windowId: 1, url: 'https://e-tjanster.jarfalla.se/mina-sidor', incognito: false },
        { id: 2, windowId: 1, url: 'https://www.jarfalla.se/', incognito: false },
        { id: 3, windowId: 1, url: 'https://www.lokaltidningen.se/', incognito: false },
      ],
    });
    expect(plan.closeTabs).toEqual([
      { tabId: 1, reason: 'forced-logout-closes-tab' },
      { tabId: 2, reason: 'forced-logout-closes-tab' },
    ]);
    expect(plan.clearTabs).toEqual([]);
  });

  it('keeps the tab on a site logout but clears its sessionStorage', () => {
    const plan = planPurge({
      ...base,
      trigger: 'site-logout',
      groups: [group()],
      tabs: [{ id: 1, windowId: 1, url: 'https://e-tjanster.jarfalla.se/utloggad', incognito: false }],
    });
    expect(plan.closeTabs).toEqual([]);
    expect(plan.clearTabs).toEqual([{ tabId: 1, reason: 'session-storage-of-kept-tab' }]);
  });

  it('removes storage by every origin seen (ports included) and cookies by origin only for wholly-owned domains', () => {
    const plan = planPurge({
      ...base,
      trigger: 'button',
      tabs: [],
      groups: [
        group({
          sites: [
            {
              ruleId: 'se-kommun-0123',
              label: 'Järfälla kommun',
              scopeDomain: 'jarfalla.se',
              kind: 'kommun',
            },
            {
              ruleId: 'se-vendor-tieto',
              label: 'Tieto Education',
              scopeDomain: 'education.service.tieto.com',
              kind: 'vendor',
            },
          ],
          hosts: ['e-tjanster.jarfalla.se', 'login.eidbrygga.net', 'x.education.service.tieto.com'],
        }),
      ],
    });
    const withCookies = plan.siteData.find((d) => d.kinds.includes('cookies'));
    const storageOnly = plan.siteData.find((d) => !d.kinds.includes('cookies'));
    expect(withCookies?.origins).toEqual(
      expect.arrayContaining([
        'https://e-tjanster.jarfalla.se:8443',
        'https://login.eidbrygga.net',
        'https://jarfalla.se',
      ]),
    );
    // tieto.com is not ours as a whole: its cookies go one by one, never by origin.
    expect(withCookies?.origins.some((o) => o.includes('tieto.com'))).toBe(false);
    expect(storageOnly?.origins).toContain('https://x.education.service.tieto.com');
    expect(storageOnly?.kinds).toEqual(
      expect.arrayContaining(['localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers', 'cache']),
    );
    expect(plan.history?.hosts).toContain('login.eidbrygga.net');
    expect(plan.downloads).toBeNull();
  });
});

describe('cookieInScope', () => {
  const scope = planPurge({ ...base, trigger: 'button', tabs: [], groups: [group()] }).cookies;
  it.each([
    ['a protected site cookie', cookie({ domain: '.jarfalla.se', hostOnly: false })],
    ['a subdomain never visited', cookie({ domain: 'www.jarfalla.se' })],
    ['the IdP SSO cookie', cookie({ domain: 'login.eidbrygga.net' })],
    ['a parent-domain cookie sent to the IdP', cookie({ domain: '.eidbrygga.net', hostOnly: false })],
    [
      'a third party partitioned under the group',
      cookie({ domain: 'analytics.example', partitionKey: { topLevelSite: 'https://jarfalla.se' } }),
    ],
    [
      'an IdP cookie partitioned under the group',
      cookie({ domain: 'login.eidbrygga.net', partitionKey: { topLevelSite: 'https://jarfalla.se' } }),
    ],
    [
      'a Firefox first-party-isolated cookie',
      cookie({ domain: 'cdn.example', firstPartyDomain: 'jarfalla.se' }),
    ],
  ])('includes %s', (_, c) => expect(cookieInScope(c, scope)).toBe(true));

  it.each([
    ['an unrelated site', cookie({ domain: '.lokaltidningen.se', hostOnly: false })],
    ['another host of the IdP’s domain (host-only)', cookie({ domain: 'www.eidbrygga.net' })],
    ['a look-alike domain', cookie({ domain: 'notjarfalla.se' })],
    [
      'the unrelated site partitioned under itself',
      cookie({ domain: 'x.lokaltidningen.se', partitionKey: { topLevelSite: 'https://lokaltidningen.se' } }),
    ],
  ])('excludes %s', (_, c) => expect(cookieInScope(c, scope)).toBe(false));
});

describe('planPurge: one plan per cookie store', () => {
  const tabs = [
    { id: 1, windowId: 1, url: 'https://e-tjanster.jarfalla.se/mina-sidor', incognito: false },
    { id: 2, windowId: 2, url: 'https://e-tjanster.jarfalla.se/mina-sidor', incognito: true },
    {
      id: 3,
      windowId: 3,
      url: 'https://e-tjanster.jarfalla.se/',
      incognito: false,
      cookieStoreId: 'firefox-container-2',
    },
  ];

  it('a group in incognito is planned in its store only: its tabs, its cookies; the regular session of the site stays', () => {
    const plan = planPurge({
      ...base,
      trigger: 'last-tab-closed',
      groups: [group({ id: 'g-incognito', storeId: '1', tabIds: [2] })],
      tabs,
      clearDownloads: true,
    });
    expect(plan.storeId).toBe('1');
    expect(plan.otherStores).toBeUndefined();
    // Only the incognito tab on the site closes; the normal window's and the container's stay.
    expect(plan.closeTabs.map((t) => t.tabId)).toEqual([2]);
    expect(cookieInScope(cookie({ domain: 'e-tjanster.jarfalla.se', storeId: '1' }), plan.cookies)).toBe(
      true,
    );
    expect(cookieInScope(cookie({ domain: 'e-tjanster.jarfalla.se', storeId: '0' }), plan.cookies)).toBe(
      false,
    );
    // Private browsing writes no history and keeps no download list: what a search would find is another store's.
    expect(plan.history).toBeNull();
    expect(plan.downloads).toBeNull();
  });

  it('groups in three stores: the regular store’s plan carries the others, each with its own tabs and cookie scope', () => {
    const plan = planPurge({
      ...base,
      trigger: 'button',
      groups: [
        group({ id: 'g-container', storeId: 'firefox-container-2', tabIds: [3] }),
        group({ id: 'g-regular', tabIds: [1] }),
        group({ id: 'g-incognito', storeId: '1', tabIds: [2] }),
      ],
      tabs,
      sweep: true,
    });
    expect(plan.storeId).toBeUndefined();
    expect(plan.otherStores?.map((p) => p.storeId)).toEqual(['1', 'firefox-container-2']);
    expect(plan.groupIds.sort()).toEqual(['g-container', 'g-incognito', 'g-regular']);
    expect(plan.closeTabs.map((t) => t.tabId)).toEqual([1]);
    expect(plan.otherStores?.map((p) => p.closeTabs.map((t) => t.tabId))).toEqual([[2], [3]]);
    // Only the first plan sweeps (the executor reads every store once for it).
    expect(plan.otherStores?.map((p) => p.sweep)).toEqual([false, false]);
    const container = cookie({ domain: 'e-tjanster.jarfalla.se', storeId: 'firefox-container-2' });
    expect(cookieInScope(container, plan.cookies)).toBe(false);
    expect(cookieInScope(container, plan.otherStores![1]!.cookies)).toBe(true);
    // The regular store is '0' in Chromium and 'firefox-default' in Firefox: both are the regular scope.
    expect(
      cookieInScope(cookie({ domain: 'e-tjanster.jarfalla.se', storeId: 'firefox-default' }), plan.cookies),
    ).toBe(true);
  });
});
