import { describe, expect, it } from 'vitest';
import { groupInLogin } from '@/utils/session-groups/login-trail';
import { joinLoginsInFlight } from '@/utils/session-groups/logins-in-flight';
import { onTabClosed } from '@/utils/session-groups/membership';
import { onMainFrameCommit, onMainFrameRequest } from '@/utils/session-groups/navigation';
import { emptySessionState, type SessionState } from '@/utils/session-groups/types';
import { classify, only, T0, visit } from './fixture';

const IDP = 'https://login.eidbrygga.net'; // on no list: only the login makes it Järfälla's

/** Tab 1 logs in to Järfälla and is now on the IdP, not back yet (BankID on the phone). */
function midLogin(): SessionState {
  let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/', T0, { transitionType: 'typed' });
  s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 1);
  s = onMainFrameRequest(s, 1, `${IDP}/sso?SAMLRequest=x`, classify, T0 + 1);
  return onMainFrameCommit(
    s,
    {
      tabId: 1,
      url: `${IDP}/sso?SAMLRequest=x`,
      transitionType: 'link',
      transitionQualifiers: ['server_redirect'],
    },
    classify,
    T0 + 2,
  );
}

describe('a login in progress that cannot come back', () => {
  it('its tab closing on the IdP: the IdP joins the group before the group loses its last tab', () => {
    const s = midLogin();
    expect(only(s).hosts).not.toContain('login.eidbrygga.net');
    const { state, orphaned } = onTabClosed(joinLoginsInFlight(s, T0 + 3, classify, [1]), 1);
    expect(orphaned).toEqual([only(s).id]);
    expect(only(state).hosts).toContain('login.eidbrygga.net');
    expect(only(state).origins).toContain(IDP);
  });

  it('everything purged while the person is on the IdP: the IdP goes with the group', () => {
    expect(only(joinLoginsInFlight(midLogin(), T0 + 3, classify)).hosts).toContain('login.eidbrygga.net');
  });

  it('a site the person reached by a link is not a login: it does not join', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/', T0, { transitionType: 'typed' });
    s = onMainFrameRequest(s, 1, 'https://www.lokaltidningen.se/', classify, T0 + 1);
    s = visit(s, 1, 'https://www.lokaltidningen.se/', T0 + 1);
    expect(only(joinLoginsInFlight(s, T0 + 2, classify, [1])).hosts).not.toContain('www.lokaltidningen.se');
  });

  it('an old trail (the login window has passed) brings nothing', () => {
    const s = midLogin();
    expect(only(joinLoginsInFlight(s, T0 + 60 * 60_000, classify)).hosts).not.toContain(
      'login.eidbrygga.net',
    );
  });
});

describe('a tab in no group sent to a group’s IdP by another site', () => {
  /** Järfälla logged in through the IdP; tab 1 back on Mina sidor. */
  function loggedIn(): SessionState {
    let s = midLogin();
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', classify, T0 + 3);
    return onMainFrameCommit(
      s,
      { tabId: 1, url: 'https://e-tjanster.jarfalla.se/mina-sidor', transitionType: 'form_submit' },
      classify,
      T0 + 4,
    );
  }

  it('does not join: it is neither a login in progress nor a tab that keeps the group open', () => {
    let s = loggedIn();
    expect(only(s).hosts).toContain('login.eidbrygga.net');
    // A news article in tab 2 sends its own tab to the IdP's logout address (a 404 there, say).
    s = visit(s, 2, 'https://www.lokaltidningen.se/artikel', T0 + 5, { transitionType: 'typed' });
    s = onMainFrameRequest(s, 2, `${IDP}/x/logout`, classify, T0 + 6);
    s = onMainFrameCommit(s, { tabId: 2, url: `${IDP}/x/logout`, transitionType: 'link' }, classify, T0 + 6);
    expect(only(s).tabIds).toEqual([1]);
    expect(s.tabs['2']?.groupId).toBeUndefined();
    expect(groupInLogin(s, only(s).id, T0 + 7, classify, 1)).toBe(false);
  });

  it('a tab of the group going to its IdP still counts (a second login)', () => {
    let s = loggedIn();
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 5);
    s = onMainFrameRequest(s, 1, `${IDP}/sso`, classify, T0 + 5);
    s = onMainFrameCommit(
      s,
      { tabId: 1, url: `${IDP}/sso`, transitionType: 'link', transitionQualifiers: ['server_redirect'] },
      classify,
      T0 + 5,
    );
    expect(only(s).tabIds).toEqual([1]);
    expect(s.tabs['1']?.groupId).toBe(only(s).id);
    expect(groupInLogin(s, only(s).id, T0 + 6, classify)).toBe(true);
  });
});
