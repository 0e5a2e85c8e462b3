import { describe, expect, it } from 'vitest';
import { loginHostsAround } from '@/utils/session-groups/navigation';
import type { RecentStep } from '@/utils/session-groups/types';

const step = (host: string, kind: RecentStep['step'], at = 0): RecentStep => ({
  host,
  origin: `https://${host}`,
  at,
  step: kind,
});
const onSite = (h: string) => h.endsWith('policykommun.se');

describe('loginHostsAround: the hosts a site’s logins passed through, from a tab’s recent steps', () => {
  it('a round trip that left the site by a redirect and came back by a form post', () => {
    const steps = [
      step('minasidor.policykommun.se', 'typed'),
      step('login.okand-idp.net', 'login'),
      step('bankid.okand-idp.net', 'login'),
      step('minasidor.policykommun.se', 'login'),
      step('minasidor.policykommun.se', 'link'),
    ];
    expect(loginHostsAround(steps, onSite).hosts).toEqual(['login.okand-idp.net', 'bankid.okand-idp.net']);
  });

  it('a tab closed while on the IdP: the run to the end counts', () => {
    const steps = [step('minasidor.policykommun.se', 'typed'), step('login.okand-idp.net', 'login')];
    expect(loginHostsAround(steps, onSite).hosts).toEqual(['login.okand-idp.net']);
  });

  it('a new tab whose first page is already the IdP (the site’s /login redirected it on): counts when it came back', () => {
    const back = [step('login.okand-idp.net', 'login'), step('minasidor.policykommun.se', 'login')];
    expect(loginHostsAround(back, onSite).hosts).toEqual(['login.okand-idp.net']);
    // Never back to the site: where it came from is not known, so it is not the site's login.
    expect(loginHostsAround([step('login.okand-idp.net', 'login')], onSite).hosts).toEqual([]);
  });

  it('a link the person followed, or a run that came back by a link, or one from elsewhere: nothing', () => {
    expect(
      loginHostsAround(
        [step('minasidor.policykommun.se', 'typed'), step('www.tidning.example', 'link')],
        onSite,
      ).hosts,
    ).toEqual([]);
    expect(
      loginHostsAround(
        [
          step('minasidor.policykommun.se', 'typed'),
          step('login.okand-idp.net', 'login'),
          step('minasidor.policykommun.se', 'link'),
        ],
        onSite,
      ).hosts,
    ).toEqual([]);
    expect(
      loginHostsAround([step('www.tidning.example', 'typed'), step('login.okand-idp.net', 'login')], onSite)
        .hosts,
    ).toEqual([]);
  });
});
