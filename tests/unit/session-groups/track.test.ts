import { describe, expect, it } from 'vitest';
import {
  groupInLogin,
  LOGIN_WINDOW_MS,
  MAX_FETCHED_ORIGINS,
  missingTabs,
  onFetchedOrigins,
  onMainFrameCommit,
  onMainFrameRequest,
  onSubFrame,
  onTabClosed,
  onTabOpenedFrom,
  removeGroups,
} from '@/utils/session-groups/track';
import { type Classify, emptySessionState, type SessionState } from '@/utils/session-groups/types';

/** A tiny recogniser: two protected sites and one known IdP. Unknown hosts are unprotected. */
const classify: Classify = (host) => {
  if (host === 'jarfalla.se' || host.endsWith('.jarfalla.se'))
    return { ruleId: 'se-kommun-0123', label: 'Järfälla kommun', kind: 'kommun', scopeDomain: 'jarfalla.se' };
  if (host === 'vklass.se' || host.endsWith('.vklass.se'))
    return { ruleId: 'se-vendor-vklass', label: 'Vklass', kind: 'vendor', scopeDomain: 'vklass.se' };
  if (host === 'login.idporten.no')
    return { ruleId: 'idp-idporten', label: 'ID-porten', kind: 'idp', scopeDomain: 'login.idporten.no' };
  return null;
};

const T0 = 1_700_000_000_000;
const link = { transitionType: 'link', transitionQualifiers: [] as string[] };

function visit(s: SessionState, tabId: number, url: string, now = T0, extra: Partial<typeof link> = {}) {
  return onMainFrameCommit(s, { tabId, url, ...link, ...extra }, classify, now);
}
const only = (s: SessionState) => {
  const groups = Object.values(s.groups);
  expect(groups).toHaveLength(1);
  return groups[0]!;
};

describe('session groups', () => {
  it('a tab that opens a protected host starts that site’s group; a second tab joins it', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/oversikt');
    s = visit(s, 2, 'https://www.jarfalla.se/');
    const g = only(s);
    expect(g.sites.map((x) => x.label)).toEqual(['Järfälla kommun']);
    expect(g.hosts).toEqual(['e-tjanster.jarfalla.se', 'www.jarfalla.se']);
    expect(g.tabIds).toEqual([1, 2]);
    expect(g.origins).toContain('https://e-tjanster.jarfalla.se');
  });

  it('every host of a login round trip joins — redirect hops that never commit included — and an IdP on no list is covered', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 1);
    s = onMainFrameRequest(
      s,
      1,
      'https://broker.example-federation.net/saml?SAMLRequest=x',
      classify,
      T0 + 2,
    ); // 302 hop
    s = onMainFrameRequest(s, 1, 'https://login.eidbrygga.net/sso', classify, T0 + 3);
    s = visit(s, 1, 'https://login.eidbrygga.net/sso', T0 + 4, { transitionQualifiers: ['server_redirect'] });
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se']); // not yet: still away
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', T0 + 60_000, {
      transitionType: 'form_submit',
    });
    expect(only(s).hosts.sort()).toEqual([
      'broker.example-federation.net',
      'e-tjanster.jarfalla.se',
      'login.eidbrygga.net',
    ]);
    expect(s.tabs['1']?.trail).toBeUndefined();
  });

  it('a typed address or bookmark that redirects straight to the IdP starts a round trip (cookies of the 302 included)', () => {
    let s = visit(emptySessionState(), 1, 'https://www.lokaltidningen.se/');
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 1); // typed; answers 302
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se']);
    expect(only(s).tabIds).toEqual([1]);
    s = onMainFrameRequest(s, 1, 'https://login.eidbrygga.net/sso?SAMLRequest=x', classify, T0 + 2);
    s = visit(s, 1, 'https://login.eidbrygga.net/sso?SAMLRequest=x', T0 + 3, {
      transitionType: 'typed',
      transitionQualifiers: ['server_redirect', 'from_address_bar'],
    });
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', classify, T0 + 4);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/mina-sidor', T0 + 5, {
      transitionType: 'form_submit',
      transitionQualifiers: ['server_redirect'],
    });
    expect(only(s).hosts.sort()).toEqual(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']);
    expect(only(s).hosts).not.toContain('www.lokaltidningen.se');
  });

  it('remembers every top-level URL of the group, redirect hops included, for history removal — not the unrelated ones', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 1);
    s = onMainFrameRequest(s, 1, 'https://login.eidbrygga.net/sso?SAMLRequest=x', classify, T0 + 2);
    s = visit(s, 1, 'https://login.eidbrygga.net/sso?SAMLRequest=x', T0 + 3, {
      transitionQualifiers: ['server_redirect'],
    });
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/mina-sidor', T0 + 4, { transitionType: 'form_submit' });
    s = visit(s, 2, 'https://www.lokaltidningen.se/', T0 + 5);
    expect(only(s).urls).toEqual([
      'https://e-tjanster.jarfalla.se/',
      'https://e-tjanster.jarfalla.se/login',
      'https://login.eidbrygga.net/sso?SAMLRequest=x',
      'https://e-tjanster.jarfalla.se/mina-sidor',
    ]);
  });

  it('an unrelated site opened from a link does not join, nor when the person goes back', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 1, 'https://www.lokaltidningen.se/nyheter', T0 + 10);
    expect(s.tabs['1']?.groupId).toBeUndefined();
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/', T0 + 20, { transitionQualifiers: ['forward_back'] });
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se']);
  });

  it('a site opened in a new tab from a link never joins; a typed address ends the trail', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 2, 'https://www.lokaltidningen.se/');
    s = visit(s, 1, 'https://www.example.com/', T0 + 5, { transitionType: 'typed' });
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/', T0 + 6);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se']);
  });

  it('a trail older than the login window does not join', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 1, 'https://slow.example.net/', T0 + 1);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/', T0 + LOGIN_WINDOW_MS + 10);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se']);
  });

  it('a known IdP joins the group of the tab that visits it, and two services sharing one SSO host become one group', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 1, 'https://login.idporten.no/authorize', T0 + 1);
    expect(only(s).hosts).toContain('login.idporten.no');
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/acs', T0 + 2);
    s = visit(s, 2, 'https://www.vklass.se/', T0 + 3);
    expect(Object.keys(s.groups)).toHaveLength(2);
    s = visit(s, 2, 'https://login.idporten.no/authorize', T0 + 4);
    const g = only(s);
    expect(g.sites.map((x) => x.label).sort()).toEqual(['ID-porten', 'Järfälla kommun', 'Vklass']);
    expect(g.tabIds.sort()).toEqual([1, 2]);
    expect(s.tabs['2']?.groupIds).toEqual([g.id]);
  });

  it('an unknown IdP shared by two services merges their groups when the second login passes through it', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 1, 'https://login.eidbrygga.net/sso', T0 + 1);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/acs', T0 + 2);
    s = visit(s, 2, 'https://www.vklass.se/', T0 + 3);
    s = visit(s, 2, 'https://login.eidbrygga.net/sso', T0 + 4);
    expect(s.tabs['2']?.groupId).toBeDefined(); // the IdP host is already a member: the tab is in its group
    s = visit(s, 2, 'https://www.vklass.se/acs', T0 + 5);
    expect(
      only(s)
        .sites.map((x) => x.label)
        .sort(),
    ).toEqual(['Järfälla kommun', 'Vklass']);
  });

  it('a known login service in a frame joins; any other third-party frame does not', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = onSubFrame(s, 1, 'https://maps.example.com/embed', classify, T0);
    s = onSubFrame(s, 1, 'https://login.idporten.no/probe', classify, T0);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se', 'login.idporten.no']);
  });

  it('a login popup opened from a group tab belongs to the group from the start', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = onTabOpenedFrom(s, 7, 1, T0);
    expect(only(s).tabIds).toEqual([1, 7]);
    s = visit(s, 7, 'https://login.idporten.no/authorize', T0 + 2);
    expect(groupInLogin(s, only(s).id, T0 + 2, classify)).toBe(true);
    s = visit(s, 7, 'https://login.eidbrygga.net/bankid', T0 + 2);
    s = visit(s, 7, 'https://e-tjanster.jarfalla.se/acs', T0 + 3);
    expect(only(s).hosts).toContain('login.eidbrygga.net');
  });

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

  it('closing the last tab of a group orphans it; closing one of two does not', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 2, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 3, 'https://www.lokaltidningen.se/');
    let r = onTabClosed(s, 1);
    expect(r.orphaned).toEqual([]);
    r = onTabClosed(r.state, 2);
    expect(r.orphaned).toEqual([only(s).id]);
    expect(onTabClosed(r.state, 3).orphaned).toEqual([]);
  });

  it('a tab that visited a group and wandered off still belongs to it until it closes', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 1, 'https://www.lokaltidningen.se/', T0 + 1, { transitionType: 'typed' });
    expect(onTabClosed(s, 1).orphaned).toEqual([only(s).id]);
  });

  it('tabs closed while the worker slept are found by comparing with the open tabs', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 2, 'https://www.vklass.se/');
    expect(missingTabs(s, [2, 99])).toEqual([1]);
  });

  it('removing purged groups frees their tabs', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = removeGroups(s, [only(s).id]);
    expect(s.groups).toEqual({});
    expect(s.tabs['1']?.groupIds).toEqual([]);
    expect(s.tabs['1']?.groupId).toBeUndefined();
  });

  it('ignores non-web URLs and never mutates the previous state', () => {
    const s0 = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    const frozen = JSON.stringify(s0);
    const s1 = visit(s0, 1, 'chrome://newtab/');
    expect(s1).toBe(s0);
    visit(s0, 1, 'https://login.eidbrygga.net/');
    expect(JSON.stringify(s0)).toBe(frozen);
  });

  describe('a login in progress (automatic purges wait for it)', () => {
    const base = () => visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/mina-sidor');
    const gid = (s: SessionState) => only(s).id;

    it('a tab sent to an IdP on no list by the service’s redirect is logging in', () => {
      let s = base();
      s = onMainFrameRequest(s, 2, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 1);
      s = onMainFrameRequest(s, 2, 'https://login.eidbrygga.net/sso', classify, T0 + 2);
      s = visit(s, 2, 'https://login.eidbrygga.net/sso', T0 + 3, {
        transitionQualifiers: ['server_redirect'],
      });
      expect(groupInLogin(s, gid(s), T0 + 4, classify)).toBe(true);
      expect(groupInLogin(s, gid(s), T0 + 4, classify, 2), 'unless it is the tab asking').toBe(false);
      expect(groupInLogin(s, gid(s), T0 + 3 + 6 * 60_000, classify), 'an abandoned login').toBe(false);
      s = visit(s, 2, 'https://e-tjanster.jarfalla.se/acs', T0 + 5, { transitionType: 'form_submit' });
      expect(groupInLogin(s, gid(s), T0 + 6, classify), 'back: the round trip is over').toBe(false);
    });

    it('a tab on the group’s own login service (a second login through a known IdP host) is logging in', () => {
      let s = base();
      s = visit(s, 1, 'https://login.eidbrygga.net/sso', T0 + 1);
      s = visit(s, 1, 'https://e-tjanster.jarfalla.se/acs', T0 + 2);
      s = visit(s, 2, 'https://login.eidbrygga.net/sso', T0 + 3);
      expect(s.tabs['2']?.groupId).toBe(gid(s));
      expect(groupInLogin(s, gid(s), T0 + 4, classify)).toBe(true);
    });

    it('a tab that followed a link to an unrelated site is not logging in', () => {
      let s = base();
      s = visit(s, 1, 'https://www.lokaltidningen.se/', T0 + 1);
      expect(s.tabs['1']?.trail).toBeDefined();
      expect(groupInLogin(s, gid(s), T0 + 2, classify)).toBe(false);
    });
  });
});
