import { describe, expect, it } from 'vitest';
import { groupInLogin } from '@/utils/session-groups/login-trail';
import { onMainFrameRequest } from '@/utils/session-groups/navigation';
import { emptySessionState, type SessionState } from '@/utils/session-groups/types';
import { classify, only, T0, visit } from './fixture';

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
    s = visit(s, 1, 'https://login.eidbrygga.net/sso', T0 + 1, { transitionQualifiers: ['server_redirect'] });
    s = visit(s, 1, 'https://e-tjanster.jarfalla.se/acs', T0 + 2, { transitionType: 'form_submit' });
    // Tab 2: the service's /login (the redirect's first hop, seen as a request) sends it to the IdP.
    s = onMainFrameRequest(s, 2, 'https://e-tjanster.jarfalla.se/login', classify, T0 + 3);
    s = visit(s, 2, 'https://login.eidbrygga.net/sso', T0 + 3, { transitionQualifiers: ['server_redirect'] });
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
