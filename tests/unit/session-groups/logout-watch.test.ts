import { describe, expect, it } from 'vitest';
import {
  armLogoutClick,
  armLogoutNavigation,
  armOpenedLogout,
  LOGOUT_CLICK_SETTLE_MS,
  LOGOUT_WATCH_MAX_MS,
  settleLogout,
} from '@/utils/session-groups/logout-watch';
import { onMainFrameRequest, onTabOpenedFrom } from '@/utils/session-groups/navigation';
import { emptySessionState } from '@/utils/session-groups/types';
import { classify, only, T0, visit } from './fixture';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.eidbrygga.net';
const loaded = { timedOut: false };
const timedOut = { timedOut: true };

/** Tab 1 logged in to Järfälla through an IdP on no list; tab 2 reads the newspaper. */
function loggedIn() {
  let s = visit(emptySessionState(), 1, `${ESERVICE}/`);
  // The service redirects the tab to the IdP: the login round trip that makes the IdP a host of the group.
  s = onMainFrameRequest(s, 1, `${ESERVICE}/login`, classify, T0 + 1);
  s = onMainFrameRequest(s, 1, `${IDP}/sso`, classify, T0 + 1);
  s = visit(s, 1, `${IDP}/sso`, T0 + 1, { transitionQualifiers: ['server_redirect'] });
  s = visit(s, 1, `${ESERVICE}/mina-sidor`, T0 + 2, { transitionType: 'form_submit' });
  return visit(s, 2, 'https://www.lokaltidningen.se/', T0 + 3);
}

describe('the logout watch', () => {
  it('a logout URL on a group host arms it; the page loading says to purge that group, keeping the watch until the purge', () => {
    const s = loggedIn();
    const armed = armLogoutNavigation(s, 1, `${ESERVICE}/logout`, T0 + 10);
    expect(armed.tabs['1']?.logout).toEqual({ groupId: only(s).id, phase: 'navigating', at: T0 + 10 });
    expect(s.tabs['1']?.logout, 'the previous state is not changed').toBeUndefined();
    const settled = settleLogout(armed, 1, T0 + 500, loaded, classify);
    expect(settled).toEqual({ state: armed, purge: only(s).id });
  });

  it('a logout URL on another host of one of the group’s sites arms it too', () => {
    const s = loggedIn();
    const armed = armLogoutNavigation(s, 1, 'https://www.jarfalla.se/Account/LogOff', T0 + 10);
    expect(armed.tabs['1']?.logout?.groupId).toBe(only(s).id);
  });

  it('a logout URL of another site, or a login URL that mentions logout inside a parameter, arms nothing', () => {
    const s = loggedIn();
    expect(armLogoutNavigation(s, 1, 'https://www.lokaltidningen.se/konto/logga-ut', T0 + 10)).toBe(s);
    expect(armLogoutNavigation(s, 2, 'https://www.lokaltidningen.se/konto/logga-ut', T0 + 10)).toBe(s);
    const idpUrl = `${IDP}/sso?SAMLRequest=x&RelayState=https%3A%2F%2Fe-tjanster.jarfalla.se%2Flogout`;
    expect(armLogoutNavigation(s, 1, idpUrl, T0 + 10)).toBe(s);
    expect(armLogoutNavigation(s, 99, `${ESERVICE}/logout`, T0 + 10), 'a tab never seen').toBe(s);
  });

  it('a page of another site cannot arm a group’s logout: the newspaper’s tab sent to the group’s IdP logout URL', () => {
    const s = loggedIn();
    expect(armLogoutNavigation(s, 2, `${IDP}/x/logout`, T0 + 10)).toBe(s);
    expect(armLogoutNavigation(s, 2, `${ESERVICE}/logout`, T0 + 10)).toBe(s);
  });

  it('a tab that followed a link away from the group no longer arms its logout: the other site’s page could start it', () => {
    const s = visit(loggedIn(), 1, 'https://www.lokaltidningen.se/artikel', T0 + 5);
    expect(armLogoutNavigation(s, 1, `${IDP}/x/logout`, T0 + 10)).toBe(s);
  });

  it('a logout URL on a host of another group arms nothing from a tab of this group', () => {
    const s = visit(loggedIn(), 3, 'https://www.vklass.se/', T0 + 5);
    expect(Object.keys(s.groups)).toHaveLength(2);
    expect(armLogoutNavigation(s, 1, 'https://www.vklass.se/logout', T0 + 10)).toBe(s);
    expect(armLogoutNavigation(s, 3, `${ESERVICE}/logout`, T0 + 10)).toBe(s);
  });

  it('the group’s page sending its tab through the IdP’s logout URL (a client redirect) arms it', () => {
    const s = visit(loggedIn(), 1, `${ESERVICE}/logout`, T0 + 5); // the site's logout page, then its redirect
    const armed = armLogoutNavigation(s, 1, `${IDP}/saml/slo?SAMLRequest=x`, T0 + 10);
    expect(armed.tabs['1']?.logout).toEqual({ groupId: only(s).id, phase: 'navigating', at: T0 + 10 });
  });

  it('a tab whose opener is still open on a page outside the group is not armed by a URL (the opener may navigate it)', () => {
    let s = visit(loggedIn(), 4, `${IDP}/`, T0 + 5); // opened by the newspaper (tab 2) on the IdP's start page
    expect(armLogoutNavigation(s, 4, `${IDP}/x/logout`, T0 + 10, 2)).toBe(s);
    // Opened by the group's own page: armed.
    s = visit(s, 5, `${ESERVICE}/mina-sidor`, T0 + 6);
    expect(armLogoutNavigation(s, 5, `${ESERVICE}/logout`, T0 + 10, 1).tabs['5']?.logout?.groupId).toBe(
      only(s).id,
    );
  });

  it('a new tab opened at a logout URL is armed only when a page of that group opened it', () => {
    const s = loggedIn();
    const fromGroup = onTabOpenedFrom(s, 4, 1, T0 + 10);
    const armed = armOpenedLogout(fromGroup, 4, 1, `${IDP}/x/logout`, T0 + 10);
    expect(armed.tabs['4']?.logout).toEqual({ groupId: only(s).id, phase: 'navigating', at: T0 + 10 });
    const fromNews = onTabOpenedFrom(s, 5, 2, T0 + 10);
    expect(armOpenedLogout(fromNews, 5, 2, `${IDP}/x/logout`, T0 + 10)).toBe(fromNews);
    expect(armOpenedLogout(fromGroup, 4, 1, 'https://www.lokaltidningen.se/logout', T0 + 10)).toBe(fromGroup);
  });

  it('a click on a logout control is accepted from a tab in a group, once; refused from a tab in no group', () => {
    const s = loggedIn();
    const clicked = armLogoutClick(s, 1, T0 + 10);
    expect(clicked.accepted).toBe(true);
    expect(clicked.state.tabs['1']?.logout).toEqual({ groupId: only(s).id, phase: 'clicked', at: T0 + 10 });
    expect(armLogoutClick(clicked.state, 1, T0 + 20)).toEqual({ state: clicked.state, accepted: false });
    expect(armLogoutClick(s, 2, T0 + 10)).toEqual({ state: s, accepted: false });
  });

  it('a click that loads nothing (a script logout) purges when the settle delay has passed, not before', () => {
    const { state } = armLogoutClick(loggedIn(), 1, T0 + 10);
    const early = T0 + 10 + LOGOUT_CLICK_SETTLE_MS - 1000;
    expect(settleLogout(state, 1, early, timedOut, classify)).toEqual({ state, purge: null });
    const due = T0 + 10 + LOGOUT_CLICK_SETTLE_MS;
    expect(settleLogout(state, 1, due, timedOut, classify).purge).toBe(only(state).id);
  });

  it('a click, then the next page load, purges at once', () => {
    const { state } = armLogoutClick(loggedIn(), 1, T0 + 10);
    expect(settleLogout(state, 1, T0 + 300, loaded, classify).purge).toBe(only(state).id);
  });

  it('a stale watch (the page never loaded) is cleared and purges nothing', () => {
    const { state } = armLogoutClick(loggedIn(), 1, T0 + 10);
    const r = settleLogout(state, 1, T0 + 10 + LOGOUT_WATCH_MAX_MS + 1, loaded, classify);
    expect(r.purge).toBeNull();
    expect(r.state.tabs['1']?.logout).toBeUndefined();
  });

  it('a tab without a watch settles nothing', () => {
    const s = loggedIn();
    expect(settleLogout(s, 1, T0 + 10, loaded, classify)).toEqual({ state: s, purge: null });
  });

  it('the site’s logout in one tab while another tab logs in again: no purge mid-login, and the watch is cleared', () => {
    let s = loggedIn();
    // Tab 3 starts a new login: the service redirects it to the IdP.
    s = visit(s, 3, `${ESERVICE}/`, T0 + 5);
    s = onMainFrameRequest(s, 3, `${ESERVICE}/login`, classify, T0 + 6);
    s = onMainFrameRequest(s, 3, `${IDP}/sso?SAMLRequest=x`, classify, T0 + 7);
    s = visit(s, 3, `${IDP}/sso?SAMLRequest=x`, T0 + 8, { transitionQualifiers: ['server_redirect'] });
    const armed = armLogoutNavigation(s, 1, `${ESERVICE}/logout`, T0 + 10);
    const r = settleLogout(armed, 1, T0 + 500, loaded, classify);
    expect(r.purge).toBeNull();
    expect(r.state.tabs['1']?.logout).toBeUndefined();
    expect(only(r.state).hosts).toEqual(
      expect.arrayContaining(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']),
    );
  });
});
