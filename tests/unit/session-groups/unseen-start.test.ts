/**
 * A login whose start the worker did not see (#11 item 11, found in real Chromium: tests/e2e/early-login.test.ts):
 * on a fresh profile the service's own request that sends the tab to an IdP on no list comes before the worker's
 * listeners, so the first wake finds the tab already on the IdP (`noteUnseenStart`). The IdP the login went
 * through joins the group its login lands in, as it does when the start is seen; without such a start, or with a
 * link the person followed on the way, nothing else joins (item 4).
 */
import { describe, expect, it } from 'vitest';
import { noteUnseenStart, onMainFrameRequest } from '@/utils/session-groups/navigation';
import { emptySessionState } from '@/utils/session-groups/types';
import { classify, only, T0, visit } from './fixture';

const IDP = 'https://login.eidbrygga.net';
const redirect = { transitionQualifiers: ['server_redirect'] };
const formPost = { transitionType: 'form_submit' };

describe('a login whose start came before the worker', () => {
  it('the IdP on no list it went through joins the group it lands in', () => {
    // The first wake: the tab is on the IdP already (the redirect's commit is still queued).
    let s = noteUnseenStart(emptySessionState(), 1, `${IDP}/saml/sso?SAMLRequest=x`, T0);
    s = visit(s, 1, `${IDP}/saml/sso?SAMLRequest=x`, T0 + 20, redirect);
    s = visit(s, 1, `${IDP}/saml/bankid`, T0 + 5_000, formPost);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', T0 + 5_100, formPost);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/oversikt', T0 + 5_200, redirect);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']);
    expect(only(s).origins).toContain(IDP);
  });

  it('also when the wake found the tab on no page yet (its first navigation in flight, its request missed)', () => {
    let s = noteUnseenStart(emptySessionState(), 1, 'about:blank', T0);
    s = visit(s, 1, `${IDP}/saml/sso?SAMLRequest=x`, T0 + 20, redirect);
    s = visit(s, 1, `${IDP}/saml/bankid`, T0 + 5_000, formPost);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', T0 + 5_100, formPost);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']);

    let t = noteUnseenStart(emptySessionState(), 2, 'about:blank', T0);
    t = visit(t, 2, 'https://www.lokaltidningen.se/', T0 + 20, { transitionType: 'typed' });
    t = visit(t, 2, 'https://e-tjanster.jarfalla.se/saml/acs', T0 + 100, formPost);
    expect(only(t).hosts, 'an address the person typed is no login step').toEqual(['e-tjanster.jarfalla.se']);
  });

  it('also when the service’s request for the landing page was seen (a trail that starts at the arrival)', () => {
    let s = noteUnseenStart(emptySessionState(), 1, `${IDP}/saml/sso?SAMLRequest=x`, T0);
    s = visit(s, 1, `${IDP}/saml/bankid`, T0 + 5_000, formPost);
    s = onMainFrameRequest(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', classify, T0 + 5_050);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', T0 + 5_100, formPost);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']);
  });

  it('without an unseen start (the worker saw the tab arrive by a link) the unknown host does not join', () => {
    let s = visit(emptySessionState(), 1, 'https://www.lokaltidningen.se/', T0);
    s = visit(s, 1, 'https://www.lokaltidningen.se/artikel', T0 + 20, redirect);
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', T0 + 100, formPost);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se']);
  });

  it('a link the person followed after the unseen start ends the walk; where the wake found the tab never joins', () => {
    let s = noteUnseenStart(emptySessionState(), 1, 'https://www.lokaltidningen.se/', T0);
    s = visit(s, 1, 'https://www.lokaltidningen.se/artikel', T0 + 500); // a link the person followed
    s = visit(s, 1, `${IDP}/saml/bankid`, T0 + 1_000); // a link to a login page that posts on by itself
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/saml/acs', T0 + 2_000, formPost);
    expect(only(s).hosts).toEqual(['e-tjanster.jarfalla.se']);

    let t = noteUnseenStart(emptySessionState(), 2, 'https://www.lokaltidningen.se/', T0);
    t = visit(t, 2, 'https://e-tjanster.jarfalla.se/saml/acs', T0 + 2_000, formPost);
    expect(only(t).hosts).toEqual(['e-tjanster.jarfalla.se']);
  });

  it('a tab already in a group is not marked', () => {
    const s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/oversikt', T0);
    expect(noteUnseenStart(s, 1, 'https://e-tjanster.jarfalla.se/oversikt', T0 + 1)).toBe(s);
  });
});
