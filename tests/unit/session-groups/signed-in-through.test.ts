/**
 * Protection that follows the login (#12): a site on no list whose login went to a known login service and came
 * back is protected with that service's group; and a protected host a login passed through joins the group where
 * the round trip began, without merging the two groups.
 */
import { describe, expect, it } from 'vitest';
import { cookieInScope, planPurge } from '@/utils/purge/plan';
import { groupsOfTab } from '@/utils/session-groups/membership';
import { onMainFrameCommit, onMainFrameRequest } from '@/utils/session-groups/navigation';
import { ownSiteOf } from '@/utils/session-groups/signed-in-through';
import { type Classify, emptySessionState, type SessionState } from '@/utils/session-groups/types';
import { classify as base, T0 } from './fixture';

const GRANDID = { ruleId: 'idp-grandid', label: 'GrandID (Svensk e-identitet)', kind: 'idp' as const };
/** The fixture's recogniser plus GrandID, and IT's excluded `intranet.skolan-exempel.se`. */
const classify: Classify = Object.assign(
  (host: string) =>
    host === 'login.grandid.com' ? { ...GRANDID, scopeDomain: 'login.grandid.com' } : base(host),
  { isExcluded: (host: string) => host.endsWith('intranet.skolan-exempel.se') },
);

const SERVICE = 'https://mina.bostadsbolaget-exempel.se';
const IDP = 'https://login.grandid.com';

const commit = (s: SessionState, url: string, now: number, how: object = {}) =>
  onMainFrameCommit(
    s,
    { tabId: 1, url, transitionType: 'link', transitionQualifiers: [], ...how },
    classify,
    now,
  );
const request = (s: SessionState, url: string, now: number) => onMainFrameRequest(s, 1, url, classify, now);
const REDIRECT = { transitionQualifiers: ['server_redirect'] };
const POST = { transitionType: 'form_submit' };

/** The person opens `start`, presses "Logga in" (302 to GrandID), identifies there, and GrandID posts back to `back`. */
function roundTrip(start: string, back: string, s = emptySessionState()): SessionState {
  s = commit(s, `${start}/`, T0, { transitionType: 'typed' });
  s = request(s, `${start}/login`, T0 + 1);
  s = request(s, `${IDP}/authorize?client_id=x`, T0 + 2);
  s = commit(s, `${IDP}/authorize?client_id=x`, T0 + 3, REDIRECT);
  s = request(s, `${IDP}/bankid`, T0 + 4);
  s = commit(s, `${IDP}/bankid`, T0 + 5, POST);
  s = request(s, `${back}/callback`, T0 + 6);
  return commit(s, `${back}/callback`, T0 + 7, POST);
}

const signedInSites = (s: SessionState) =>
  Object.values(s.groups).flatMap((g) => g.sites.filter((x) => x.via));

describe('a site on no list that signs in through a known login service', () => {
  it('is protected with the login service’s group: named by its host, its registrable domain in scope, the tab in it', () => {
    const s = roundTrip(SERVICE, SERVICE);
    const [g] = Object.values(s.groups);
    expect(Object.keys(s.groups)).toHaveLength(1);
    expect(g!.sites).toContainEqual({
      ruleId: 'signed-in:bostadsbolaget-exempel.se',
      label: 'mina.bostadsbolaget-exempel.se',
      kind: 'custom',
      scopeDomain: 'bostadsbolaget-exempel.se',
      via: 'GrandID (Svensk e-identitet)',
    });
    expect(g!.hosts.sort()).toEqual(['login.grandid.com', 'mina.bostadsbolaget-exempel.se']);
    expect(g!.origins).toContain(SERVICE);
    expect(s.tabs['1']?.groupId).toBe(g!.id);
    expect(groupsOfTab(s, 1)).toEqual([g!.id]);
  });

  it('its purge takes the whole registrable domain (every host, by origin) and names the site with its login service', () => {
    let s = roundTrip(SERVICE, SERVICE);
    // Later in the session the person opens another page of the same site in a second tab: it is the group's.
    s = onMainFrameCommit(
      s,
      { tabId: 2, url: 'https://www.bostadsbolaget-exempel.se/', transitionType: 'typed' },
      classify,
      T0 + 9,
    );
    const g = Object.values(s.groups)[0]!;
    expect(g.tabIds).toEqual([1, 2]);
    const plan = planPurge({
      id: 'p',
      trigger: 'site-logout',
      now: T0 + 10,
      groups: [g],
      tabs: [{ id: 3, windowId: 1, incognito: false, url: 'https://portal.bostadsbolaget-exempel.se/' }],
      clearHistory: true,
      clearDownloads: false,
    });
    expect(plan.cookies.domains).toContain('bostadsbolaget-exempel.se');
    expect(plan.siteData.find((e) => e.reason === 'group-origin')?.origins).toEqual(
      expect.arrayContaining([SERVICE, 'https://bostadsbolaget-exempel.se']),
    );
    expect(plan.clearTabs.map((t) => t.tabId)).toEqual([3]);
    expect(plan.signedInThrough).toEqual({
      'mina.bostadsbolaget-exempel.se': 'GrandID (Svensk e-identitet)',
    });
  });

  it('a site that only links to the login service, the person never coming back, is no member', () => {
    let s = commit(emptySessionState(), `${SERVICE}/`, T0, { transitionType: 'typed' });
    s = commit(s, `${IDP}/authorize?client_id=x`, T0 + 1);
    s = commit(s, 'https://www.lokaltidningen.se/', T0 + 2, { transitionType: 'typed' });
    expect(signedInSites(s)).toEqual([]);
    expect(Object.values(s.groups).flatMap((g) => g.hosts)).not.toContain('mina.bostadsbolaget-exempel.se');
  });

  it('a link back (not a redirect or post from the login service) joins nothing', () => {
    let s = commit(emptySessionState(), `${SERVICE}/`, T0, { transitionType: 'typed' });
    s = commit(s, `${IDP}/authorize`, T0 + 1, REDIRECT);
    s = commit(s, `${SERVICE}/`, T0 + 2);
    expect(signedInSites(s)).toEqual([]);
  });

  it('a page that sends the tab to the login service and back gets only itself: never the site the way back passed through', () => {
    let s = commit(emptySessionState(), 'https://angripare.example.net/', T0, { transitionType: 'typed' });
    s = commit(s, `${IDP}/authorize`, T0 + 1, REDIRECT);
    // GrandID posts back to the attacker's page, which redirects through another site and back to itself.
    s = request(s, 'https://angripare.example.net/cb', T0 + 2);
    s = request(s, 'https://www.banken-exempel.se/set', T0 + 3);
    s = request(s, 'https://angripare.example.net/done', T0 + 4);
    s = commit(s, 'https://angripare.example.net/done', T0 + 5, {
      transitionType: 'form_submit',
      transitionQualifiers: ['server_redirect'],
    });
    const hosts = Object.values(s.groups).flatMap((g) => g.hosts);
    expect(hosts).toContain('angripare.example.net');
    expect(hosts).not.toContain('www.banken-exempel.se');
    expect(signedInSites(s).map((x) => x.scopeDomain)).toEqual(['example.net']);
  });

  it('coming back to a different site than the one the round trip left from takes in neither', () => {
    const s = roundTrip('https://www.forening-exempel.se', 'https://mina.bostadsbolaget-exempel.se');
    expect(signedInSites(s)).toEqual([]);
  });

  it('on a hosting platform each site is its own: anna.github.io is in scope, github.io and bob.github.io are not', () => {
    expect(ownSiteOf('anna.github.io')).toBe('anna.github.io');
    expect(ownSiteOf('github.io')).toBeNull();
    expect(ownSiteOf('127.0.0.1')).toBeNull();
    expect(ownSiteOf('intranet')).toBeNull();
    expect(
      signedInSites(roundTrip('https://anna.github.io', 'https://anna.github.io')).map((x) => x.scopeDomain),
    ).toEqual(['anna.github.io']);
    expect(signedInSites(roundTrip('https://anna.github.io', 'https://bob.github.io'))).toEqual([]);
  });

  it('an excluded domain never joins, and a site a rule covers keeps its own group', () => {
    expect(
      signedInSites(roundTrip('https://intranet.skolan-exempel.se', 'https://intranet.skolan-exempel.se')),
    ).toEqual([]);
    const s = roundTrip('https://e-tjanster.jarfalla.se', 'https://e-tjanster.jarfalla.se');
    expect(signedInSites(s)).toEqual([]);
    expect(Object.values(s.groups).map((g) => g.sites.map((x) => x.label))).toEqual([
      ['Järfälla kommun', 'GrandID (Svensk e-identitet)'],
    ]);
  });

  it('a typed address in the middle is no round trip', () => {
    let s = commit(emptySessionState(), `${SERVICE}/`, T0, { transitionType: 'typed' });
    s = commit(s, `${IDP}/authorize`, T0 + 1, { transitionType: 'typed' });
    s = commit(s, `${SERVICE}/callback`, T0 + 2, POST);
    expect(signedInSites(s)).toEqual([]);
  });
});

describe('a protected host a login passes through joins the group where the round trip began', () => {
  const PLATFORM = 'https://www.vklass.se';
  const KOMMUN_IDP = 'https://fs.jarfalla.se';

  /** The school platform's login runs through the kommun's own IdP (`fs.jarfalla.se`, the kommun's domain). */
  function schoolLogin(s = emptySessionState(), sso = false): SessionState {
    s = commit(s, `${PLATFORM}/`, T0, { transitionType: 'typed' });
    s = request(s, `${PLATFORM}/login`, T0 + 1);
    s = request(s, `${KOMMUN_IDP}/adfs/ls?SAMLRequest=x`, T0 + 2);
    if (!sso) {
      s = commit(s, `${KOMMUN_IDP}/adfs/ls?SAMLRequest=x`, T0 + 3, REDIRECT);
      s = request(s, `${KOMMUN_IDP}/adfs/ls/bankid`, T0 + 4);
      s = commit(s, `${KOMMUN_IDP}/adfs/ls/bankid`, T0 + 5, POST);
      s = request(s, `${PLATFORM}/Saml/SignIn`, T0 + 6);
      return commit(s, `${PLATFORM}/Saml/SignIn`, T0 + 7, {
        ...POST,
        transitionQualifiers: ['server_redirect'],
      });
    }
    // The kommun IdP's single sign-on answers at once: it never shows a page.
    s = request(s, `${PLATFORM}/Saml/SignIn`, T0 + 3);
    return commit(s, `${PLATFORM}/Saml/SignIn`, T0 + 4, REDIRECT);
  }

  const groupOf = (s: SessionState, label: string) =>
    Object.values(s.groups).find((g) => g.sites.some((x) => x.label === label))!;

  it('the kommun IdP joins the platform’s group and stays the kommun’s: two groups, not merged', () => {
    const s = schoolLogin();
    expect(Object.keys(s.groups)).toHaveLength(2);
    const platform = groupOf(s, 'Vklass');
    const kommun = groupOf(s, 'Järfälla kommun');
    expect(platform.hosts).toContain('fs.jarfalla.se');
    expect(platform.sharedHosts).toEqual(['fs.jarfalla.se']);
    expect(platform.sites.map((x) => x.label)).toEqual(['Vklass']);
    expect(kommun.hosts).toContain('fs.jarfalla.se');
    expect(s.tabs['1']?.groupId).toBe(platform.id);
    expect(s.tabs['1']?.trail).toBeUndefined();
  });

  it('so does an SSO hop through the kommun IdP that never shows a page', () => {
    const s = schoolLogin(emptySessionState(), true);
    expect(groupOf(s, 'Vklass').hosts).toContain('fs.jarfalla.se');
  });

  it('a link from the platform to the kommun’s site and a link back join nothing', () => {
    let s = commit(emptySessionState(), `${PLATFORM}/`, T0, { transitionType: 'typed' });
    s = request(s, 'https://www.jarfalla.se/', T0 + 1);
    s = commit(s, 'https://www.jarfalla.se/', T0 + 2);
    s = request(s, `${PLATFORM}/`, T0 + 3);
    s = commit(s, `${PLATFORM}/`, T0 + 4);
    expect(groupOf(s, 'Vklass').hosts).toEqual(['www.vklass.se']);
  });

  it('the platform’s purge clears the kommun IdP host by host, never the kommun’s whole domain', () => {
    const s = schoolLogin();
    const plan = planPurge({
      id: 'p',
      trigger: 'site-logout',
      now: T0 + 10,
      groups: [groupOf(s, 'Vklass')],
      tabs: [],
      clearHistory: false,
      clearDownloads: false,
    });
    const whole = plan.siteData.find((e) => e.reason === 'group-origin')?.origins ?? [];
    expect(whole.some((o) => o.includes('jarfalla.se'))).toBe(false);
    expect(plan.siteData.find((e) => e.reason !== 'group-origin')?.origins).toContain(KOMMUN_IDP);
    const cookie = (domain: string, name: string) => ({
      name,
      value: 'v',
      domain,
      path: '/',
      hostOnly: true,
      storeId: '0',
      secure: true,
      httpOnly: true,
      sameSite: 'no_restriction' as const,
      session: true,
    });
    expect(cookieInScope(cookie('fs.jarfalla.se', 'MSISAuth'), plan.cookies)).toBe(true);
    expect(cookieInScope(cookie('e-tjanster.jarfalla.se', 'JSESSIONID'), plan.cookies)).toBe(false);
  });
});
