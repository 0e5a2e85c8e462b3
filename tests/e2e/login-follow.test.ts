/**
 * Protection that follows the login (#12), in real browsers.
 *
 * A. A housing company's "Mina sidor" on no list (`mina.bostadsbolaget-exempel.se`) logs people in through
 * GrandID, a login service on the built-in list. Without the extension, the next person who opens it is signed
 * in as the previous one (the control below). With it, the service is protected from the moment the login came
 * back to it: the last tab closing, the site's own logout and the popup's button each leave the next person at
 * the service's login page — GrandID asks them to identify, the service signs in nobody, its storage is empty.
 *
 * B. A school platform on a listed vendor's domain (`jarfalla.skola24.se`) logs in through the kommun's own IdP
 * (`fs.jarfalla.se`, a host under the kommun's domain, so the kommun's rule covers it). The platform's own logout
 * and its last tab closing leave the next person at the platform's login page, not signed in at the kommun IdP.
 *
 * Needs `npm run build` first (`npm test` builds).
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BrowserSession, Tab } from '../harness/browser-session';
import { CHROMIUM, FIREFOX, simAndBrowsers } from '../harness/browsers';
import { launchChromium } from '../harness/chromium';
import { logInTo, nextPersonAt, siteLogout } from '../harness/flows';
import { ANNA, purgeDone } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

type Leave = 'close-tab' | 'site-logout' | 'button';
const TRIGGER: Record<Leave, string> = {
  'close-tab': 'last-tab-closed',
  'site-logout': 'site-logout',
  button: 'button',
};

/** Anna leaves the service's tab as `how` says; resolves when the purge it causes has finished. */
async function leave(session: BrowserSession, tab: Tab, how: Leave) {
  const since = Date.now();
  if (how === 'close-tab') await tab.close();
  else if (how === 'site-logout') await siteLogout(tab);
  else {
    const popup = await session.openExtensionPage('popup.html');
    await popup.clickButton('Log out and clear');
  }
  return purgeDone(session, TRIGGER[how], since);
}

describe('control: without the extension a service on no list leaks through its IdP’s single sign-on', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('Anna logs in through GrandID and closes the tab: the next person is signed in as Anna', async () => {
    const session = await launchChromium(sim, {});
    onTestFinished(() => session.close());
    const tab = await session.newTab();
    await logInTo(tab, sim.urls.flows.unlisted, ANNA);
    await tab.close();
    const reach = await nextPersonAt(session, sim.urls.flows.unlisted, [sim.urls.flows.grandid.state]);
    expect(reach.loggedInAs).toBe(ANNA.name);
    expect(reach.ssoAs[sim.urls.flows.grandid.state]).toBe(ANNA.name);
    expect(JSON.stringify(reach.localStorage)).toContain(ANNA.name);
  });

  it('Anna logs in to the school platform through the kommun IdP and logs out there: the next person is signed straight back in as Anna', async () => {
    const session = await launchChromium(sim, {});
    onTestFinished(() => session.close());
    const tab = await session.newTab();
    await logInTo(tab, sim.urls.flows.school, ANNA);
    await siteLogout(tab);
    const reach = await nextPersonAt(session, sim.urls.flows.school, [sim.urls.flows.kommunIdp.state]);
    expect(reach.ssoAs[sim.urls.flows.kommunIdp.state]).toBe(ANNA.name);
    expect(reach.loggedInAs).toBe(ANNA.name);
  });
});

describe.each([CHROMIUM, FIREFOX])('$name: protection follows the login', (b) => {
  let sim: Sim;
  const browser = simAndBrowsers(b, (s) => {
    sim = s;
  });

  it.each(['close-tab', 'site-logout', 'button'] as const)(
    'A: a service on no list that signed in through GrandID — %s leaves the next person at its login page',
    async (how) => {
      const session = await browser();
      const tab = await session.newTab();
      const service = sim.urls.flows.unlisted;
      await logInTo(tab, service, ANNA);

      const report = await leave(session, tab, how);
      expect(report).toMatchObject({ verified: true, failures: [] });
      const receipt = report as unknown as { labels: string[]; signedInThrough?: Record<string, string> };
      expect(receipt.signedInThrough).toEqual({ [sim.hosts.unlisted]: 'GrandID (Svensk e-identitet)' });

      const reach = await nextPersonAt(session, service, [sim.urls.flows.grandid.state]);
      expect(reach.loggedInAs, 'the service signs in nobody').toBeNull();
      expect(reach.askedToLogIn, 'GrandID asks the next person to identify').toBe(true);
      expect(reach.ssoAs[sim.urls.flows.grandid.state], 'GrandID’s single sign-on').toBeNull();
      expect(reach.localStorage, 'the service’s localStorage').toEqual({});
    },
  );

  it('A: the popup names the service by its host and the login service it signed in through', async () => {
    const session = await browser();
    const tab = await session.newTab();
    await logInTo(tab, sim.urls.flows.unlisted, ANNA);
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitFor('ul.sessions li');
    const text = await popup.evaluate(() => document.body.textContent ?? '', undefined);
    expect(text).toContain(`${sim.hosts.unlisted}, signed in through GrandID (Svensk e-identitet)`);
  });

  it.each(['site-logout', 'close-tab'] as const)(
    'B: the school platform’s login through the kommun IdP — %s leaves the next person at its login page, not signed in at the kommun IdP',
    async (how) => {
      const session = await browser();
      const tab = await session.newTab();
      const service = sim.urls.flows.school;
      await logInTo(tab, service, ANNA);

      const report = await leave(session, tab, how);
      expect(report).toMatchObject({ verified: true, failures: [] });

      const reach = await nextPersonAt(session, service, [sim.urls.flows.kommunIdp.state]);
      expect(reach.ssoAs[sim.urls.flows.kommunIdp.state], 'the kommun IdP’s single sign-on').toBeNull();
      expect(reach.loggedInAs, 'the platform signs in nobody').toBeNull();
      expect(reach.askedToLogIn, 'the kommun IdP asks the next person to identify').toBe(true);
    },
  );
});
