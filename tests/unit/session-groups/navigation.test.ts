import { describe, expect, it } from 'vitest';
import { groupInLogin, LOGIN_WINDOW_MS } from '@/utils/session-groups/login-trail';
import { groupsOfTab } from '@/utils/session-groups/membership';
import { onMainFrameRequest, onSubFrame, onTabOpenedFrom } from '@/utils/session-groups/navigation';
import { emptySessionState } from '@/utils/session-groups/types';
import { classify, only, T0, visit } from './fixture';

describe('navigation: session groups start, join, merge and leave', () => {
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
  it('a link the person follows to an unrelated site, and a link back, never joins — however soon they come back', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/mina-sidor');
    s = onMainFrameRequest(s, 1, 'https://www.lokaltidningen.se/', classify, T0 + 1);
    s = visit(s, 1, 'https://www.lokaltidningen.se/', T0 + 1);
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/mina-sidor', classify, T0 + 2);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/mina-sidor', T0 + 2);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se']);
    expect(only(s).urls).not.toContain('https://www.lokaltidningen.se/');
  });
  it('an unrelated site the person followed a link to does not join when a login later brings the tab back', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/mina-sidor');
    s = visit(s, 1, 'https://www.lokaltidningen.se/', T0 + 1);
    // On the newspaper, a link to the service's login: redirected through the IdP and posted back.
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 2);
    s = onMainFrameRequest(s, 1, 'https://login.eidbrygga.net/sso', classify, T0 + 2);
    s = visit(s, 1, 'https://login.eidbrygga.net/sso', T0 + 2, { transitionQualifiers: ['server_redirect'] });
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/acs', T0 + 3, { transitionType: 'form_submit' });
    expect(only(s).hosts.sort()).toEqual(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']);
  });
  it('a link to an unrelated site that redirects (http → https, apex → www) is still a link the person followed', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/mina-sidor');
    s = onMainFrameRequest(s, 1, 'http://lokaltidningen.se/', classify, T0 + 1);
    s = onMainFrameRequest(s, 1, 'https://www.lokaltidningen.se/', classify, T0 + 1);
    s = visit(s, 1, 'https://www.lokaltidningen.se/', T0 + 1, { transitionQualifiers: ['server_redirect'] });
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 2);
    s = onMainFrameRequest(s, 1, 'https://login.eidbrygga.net/sso', classify, T0 + 2);
    s = visit(s, 1, 'https://login.eidbrygga.net/sso', T0 + 2, { transitionQualifiers: ['server_redirect'] });
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/acs', T0 + 3, { transitionType: 'form_submit' });
    expect(only(s).hosts.sort()).toEqual(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']);
  });
  it('an IdP opened by the service page’s script (a link-like transition) joins once its page posts the login on', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = onMainFrameRequest(s, 1, 'https://login.eidbrygga.net/authorize', classify, T0 + 1);
    s = visit(s, 1, 'https://login.eidbrygga.net/authorize', T0 + 1); // `location = …` on a click: 'link'
    s = onMainFrameRequest(s, 1, 'https://bankid.eidbrygga-qr.net/start', classify, T0 + 2);
    s = visit(s, 1, 'https://bankid.eidbrygga-qr.net/start', T0 + 2, { transitionType: 'form_submit' });
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/acs', classify, T0 + 3);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/mina-sidor', T0 + 3, {
      transitionType: 'form_submit',
      transitionQualifiers: ['client_redirect', 'server_redirect'],
    });
    expect(only(s).hosts.sort()).toEqual([
      'bankid.eidbrygga-qr.net',
      'e-tjanster.jarfalla.se',
      'login.eidbrygga.net',
    ]);
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
    expect(groupsOfTab(s, 2)).toEqual([g.id]);
  });
  it('an unknown IdP shared by two services merges their groups when the second login passes through it', () => {
    // Both logins as they happen: the service redirects to the IdP, the IdP posts the answer back.
    const redirect = { transitionQualifiers: ['server_redirect'] };
    const post = { transitionType: 'form_submit' };
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 1, 'https://login.eidbrygga.net/sso', T0 + 1, redirect);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/acs', T0 + 2, post);
    s = visit(s, 2, 'https://www.vklass.se/', T0 + 3);
    s = visit(s, 2, 'https://login.eidbrygga.net/sso', T0 + 4, redirect);
    expect(s.tabs['2']?.groupId).toBeDefined(); // the IdP host is already a member: the tab is in its group
    s = visit(s, 2, 'https://www.vklass.se/acs', T0 + 5, post);
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
    // The answer comes back by a form post (SAML POST binding), as a login's does.
    s = visit(s, 7, 'https://e-tjanster.jarfalla.se/acs', T0 + 3, { transitionType: 'form_submit' });
    expect(only(s).hosts).toContain('login.eidbrygga.net');
  });
  it('ignores non-web URLs and never mutates the previous state', () => {
    const s0 = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    const frozen = JSON.stringify(s0);
    const s1 = visit(s0, 1, 'chrome://newtab/');
    expect(s1).toBe(s0);
    visit(s0, 1, 'https://login.eidbrygga.net/');
    expect(JSON.stringify(s0)).toBe(frozen);
  });
});
