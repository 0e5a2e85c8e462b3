/**
 * Private windows and containers: a tab's cookie store decides its group. The same site signed in in two stores
 * is two sessions (two groups), and nothing a tab of one store does reaches a group of another.
 */
import { describe, expect, it } from 'vitest';
import { inStore, onTabClosed } from '@/utils/session-groups/membership';
import { onMainFrameRequest } from '@/utils/session-groups/navigation';
import { emptySessionState, type SessionState } from '@/utils/session-groups/types';
import { classify, T0, visit } from './fixture';

const redirect = { transitionType: 'link', transitionQualifiers: ['server_redirect'] };
const groups = (s: SessionState) =>
  Object.values(s.groups)
    .map((g) => `${g.storeId ?? 'regular'} ${g.sites.map((x) => x.ruleId)} [${g.hosts}] tabs ${g.tabIds}`)
    .sort();

/** A login round trip in `tabId`: the e-service's /login redirects to an IdP on no list, which posts back. */
function logIn(s: SessionState, tabId: number, now = T0, site = 'https://e-tjanster.jarfalla.se') {
  let st = onMainFrameRequest(s, tabId, `${site}/`, classify, now);
  st = visit(st, tabId, `${site}/`, now);
  st = onMainFrameRequest(st, tabId, `${site}/login`, classify, now + 1);
  st = onMainFrameRequest(st, tabId, 'https://login.eidbrygga.net/sso', classify, now + 1);
  st = visit(st, tabId, 'https://login.eidbrygga.net/sso', now + 1, redirect);
  st = onMainFrameRequest(st, tabId, `${site}/mina-sidor`, classify, now + 2);
  return visit(st, tabId, `${site}/mina-sidor`, now + 2, { transitionType: 'form_submit' });
}

describe('session groups per cookie store', () => {
  it('the same site in a normal window, an incognito window and a container is three groups, each with its own tabs', () => {
    let s = logIn(emptySessionState(), 1);
    s = logIn(inStore(s, 2, '1'), 2, T0 + 10);
    s = logIn(inStore(s, 3, 'firefox-container-1'), 3, T0 + 20);
    expect(groups(s)).toEqual([
      '1 se-kommun-0123 [e-tjanster.jarfalla.se,login.eidbrygga.net] tabs 2',
      'firefox-container-1 se-kommun-0123 [e-tjanster.jarfalla.se,login.eidbrygga.net] tabs 3',
      'regular se-kommun-0123 [e-tjanster.jarfalla.se,login.eidbrygga.net] tabs 1',
    ]);
    expect(new Set(Object.keys(s.groups)).size).toBe(3);
  });

  it('a second tab of the same store joins that store’s group, not the other store’s', () => {
    let s = logIn(inStore(emptySessionState(), 1, 'firefox-private'), 1);
    s = logIn(s, 2, T0 + 10);
    s = visit(inStore(s, 3, 'firefox-private'), 3, 'https://e-tjanster.jarfalla.se/mina-sidor', T0 + 20);
    expect(groups(s)).toEqual([
      'firefox-private se-kommun-0123 [e-tjanster.jarfalla.se,login.eidbrygga.net] tabs 1,3',
      'regular se-kommun-0123 [e-tjanster.jarfalla.se,login.eidbrygga.net] tabs 2',
    ]);
  });

  it('an IdP host shared by two sites merges their groups within a store, never across stores', () => {
    let s = logIn(inStore(emptySessionState(), 1, '1'), 1);
    // Another site in the regular store logs in through the same IdP.
    s = logIn(s, 2, T0 + 10, 'https://www.vklass.se');
    expect(groups(s)).toEqual([
      '1 se-kommun-0123 [e-tjanster.jarfalla.se,login.eidbrygga.net] tabs 1',
      'regular se-vendor-vklass [www.vklass.se,login.eidbrygga.net] tabs 2',
    ]);
  });

  it('the last tab of a store’s group closing orphans only that group', () => {
    let s = logIn(emptySessionState(), 1);
    s = logIn(inStore(s, 2, '1'), 2, T0 + 10);
    const incognito = Object.values(s.groups).find((g) => g.storeId === '1')!;
    expect(onTabClosed(s, 2).orphaned).toEqual([incognito.id]);
  });

  it('a tab’s store is noted once; the regular store needs no note', () => {
    const s = emptySessionState();
    expect(inStore(s, 1, undefined)).toBe(s);
    const noted = inStore(s, 1, '1');
    expect(noted.tabs['1']?.storeId).toBe('1');
    expect(inStore(noted, 1, '1')).toBe(noted);
  });
});
