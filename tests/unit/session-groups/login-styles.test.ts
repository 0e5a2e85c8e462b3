/**
 * Login styles (#14) over the session-group state: a login that finishes in a new tab the IdP's form opened.
 * The tab left on the IdP's page is no login in progress: the site's logout in the new tab is not held off.
 */
import { describe, expect, it } from 'vitest';
import { groupInLogin } from '@/utils/session-groups/login-trail';
import {
  noteOpener,
  onMainFrameCommit,
  onMainFrameRequest,
  onTabOpenedFrom,
} from '@/utils/session-groups/navigation';
import { type Classify, emptySessionState, type SessionState } from '@/utils/session-groups/types';
import { classify as base, only, T0 } from './fixture';

const classify: Classify = (host) =>
  host === 'login.grandid.com'
    ? { ruleId: 'idp-grandid', label: 'GrandID', kind: 'idp', scopeDomain: 'login.grandid.com' }
    : base(host);
const SERVICE = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.grandid.com';

const commit = (s: SessionState, tabId: number, url: string, now: number, how: object = {}) =>
  onMainFrameCommit(
    s,
    { tabId, url, transitionType: 'link', transitionQualifiers: [], ...how },
    classify,
    now,
  );

/** Tab 1: the service, its /login to GrandID's page. The person presses BankID: the form opens tab 2. */
function loginFinishingInNewTab(): SessionState {
  let s = commit(emptySessionState(), 1, `${SERVICE}/`, T0, { transitionType: 'typed' });
  s = onMainFrameRequest(s, 1, `${SERVICE}/login`, classify, T0 + 1);
  s = onMainFrameRequest(s, 1, `${IDP}/authorize`, classify, T0 + 2);
  s = commit(s, 1, `${IDP}/authorize`, T0 + 3, { transitionQualifiers: ['server_redirect'] });
  s = onTabOpenedFrom(noteOpener(s, 2, 1), 2, 1, T0 + 4);
  s = onMainFrameRequest(s, 2, `${IDP}/bankid`, classify, T0 + 5);
  s = onMainFrameRequest(s, 2, `${SERVICE}/callback`, classify, T0 + 6);
  return commit(s, 2, `${SERVICE}/mina-sidor`, T0 + 7, {
    transitionType: 'form_submit',
    transitionQualifiers: ['server_redirect'],
  });
}

describe('a login that finishes in a new tab the IdP’s form opened', () => {
  it('both tabs are the group’s; the one left on the IdP’s page is no login in progress', () => {
    const s = loginFinishingInNewTab();
    const g = only(s);
    expect(g.tabIds.sort()).toEqual([1, 2]);
    expect(s.tabs['2']?.groupId).toBe(g.id);
    expect(groupInLogin(s, g.id, T0 + 8, classify, 2)).toBe(false);
  });

  it('a tab on the IdP whose opened tab has not come back is still logging in', () => {
    let s = commit(emptySessionState(), 1, `${SERVICE}/`, T0, { transitionType: 'typed' });
    s = onMainFrameRequest(s, 1, `${SERVICE}/login`, classify, T0 + 1);
    s = commit(s, 1, `${IDP}/authorize`, T0 + 3, { transitionQualifiers: ['server_redirect'] });
    s = commit(s, 3, `${SERVICE}/mina-sidor`, T0 + 4, { transitionType: 'typed' });
    expect(groupInLogin(s, only(s).id, T0 + 8, classify, 3)).toBe(true);
  });
});
