/**
 * Every login style (#14), in real browsers: a full login works with Safe Logout on — it ends signed in and no
 * purge happened during the round trip — and afterwards (the site's own logout, or its last tab closing) the next
 * person reaches nothing: the service signs in nobody, no IdP or broker keeps a single sign-on, the service's
 * storage is empty.
 *
 * - OpenID Connect authorization code through a broker on no list: service → broker → GrandID → broker → service,
 *   each hop checking its `state` and `nonce` cookies on return;
 * - SAML HTTP-POST (the municipality's IdP): an auto-submitting form back to the service, with a `RelayState`
 *   that brings the person to the deep link they asked for;
 * - BankID QR code in a frame: the service's page embeds GrandID, the frame polls its status endpoint until the
 *   app has signed, then the page navigates on;
 * - a pop-up: `window.open` to GrandID, which sends the pop-up back to the service; the pop-up closes and the page
 *   that opened it goes on signed in;
 * - a login that finishes in a new tab the IdP's form opens.
 *
 * The pop-up and new-tab styles need a handle on a tab the page opened: Chromium only.
 * Needs `npm run build` first (`npm test` builds).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type BrowserSession, pollUntil, type Tab } from '../harness/browser-session';
import { BROWSERS, type BrowserUnderTest, simAndBrowsers } from '../harness/browsers';
import { type ChromiumSession, chromiumTab, launchChromium } from '../harness/chromium';
import { identify, nextPersonAt, signedIn, siteLogout } from '../harness/flows';
import { nextPersonReach } from '../harness/next-person';
import { clickLogout } from '../harness/person';
import { ANNA, purgeDone } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

type Leave = 'site-logout' | 'close-tab';
const LEAVES: readonly Leave[] = ['site-logout', 'close-tab'];
const TRIGGER: Record<Leave, string> = { 'site-logout': 'site-logout', 'close-tab': 'last-tab-closed' };

/** The last receipt the extension kept, wherever it keeps it; undefined when nothing was ever purged. */
async function lastReport(session: BrowserSession) {
  return (
    (await session.stored<{ trigger: string }>('session', 'last-report').catch(() => undefined)) ??
    (await session.stored<{ trigger: string }>('local', 'last-report').catch(() => undefined)) ??
    undefined
  );
}

/** A login style: from the service's start page in `tab` to "Mina sidor"; returns every tab it left open. */
type Style = (session: BrowserSession, tab: Tab, sim: Sim) => Promise<Tab[]>;

/** A tab the page in `session` opens while `action` runs (Chromium). */
async function opened(session: BrowserSession, action: () => Promise<void>): Promise<Tab> {
  const context = (session as ChromiumSession).context;
  const [page] = await Promise.all([context.waitForEvent('page') as Promise<Page>, action()]);
  return chromiumTab(page);
}

const STYLES: Record<string, { chromiumOnly?: true; run: Style }> = {
  'OIDC through a broker (service → broker → GrandID → broker → service, state and nonce checked)': {
    async run(_session, tab) {
      await tab.click('#login-broker');
      await identify(tab, ANNA);
      await signedIn(tab, ANNA);
      return [tab];
    },
  },
  'BankID QR code in a frame that polls, then the page navigates on': {
    async run(_session, tab, sim) {
      await tab.click('#login-qr');
      await tab.waitFor('body[data-page="qr"]');
      // The frame has asked for its order; the person scans the code with the BankID app on their phone.
      const qr = `${sim.urls.flows.grandid.origin}/qr`;
      await pollUntil(
        async () => sim.stats.count(qr) > 0,
        10_000,
        async () => 'the QR frame never loaded',
      );
      sim.scanQr(ANNA);
      await signedIn(tab, ANNA);
      return [tab];
    },
  },
  'a pop-up: window.open to GrandID, back to the service, the pop-up closes, the page goes on signed in': {
    chromiumOnly: true,
    async run(session, tab) {
      const popup = await opened(session, () => tab.click('#login-popup'));
      await identify(popup, ANNA);
      await signedIn(tab, ANNA);
      await pollUntil(
        async () => popup.isClosed(),
        10_000,
        async () => 'the pop-up did not close',
      );
      return [tab];
    },
  },
  'a login that finishes in a new tab the IdP’s form opens': {
    chromiumOnly: true,
    async run(session, tab) {
      await tab.click('#login-newtab');
      await tab.waitFor('body[data-page="idp-login"]', 'redirects');
      await tab.fill('#name', ANNA.name);
      await tab.fill('#personnummer', ANNA.personnummer);
      const next = await opened(session, () => tab.click('button.bankid'));
      await signedIn(next, ANNA);
      // The IdP's tab stays where it was; the person goes on in the new one.
      return [tab, next];
    },
  },
};

describe('control: without the extension the broker’s and GrandID’s single sign-on outlive the site’s logout', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('OIDC through the broker, then the site’s logout: the next person is signed in as Anna', async () => {
    const session = await launchChromium(sim, {});
    onTestFinished(() => session.close());
    const tab = await session.newTab();
    await tab.goto(sim.urls.flows.styles.start);
    await tab.waitFor('body[data-page="start"]');
    await STYLES[
      'OIDC through a broker (service → broker → GrandID → broker → service, state and nonce checked)'
    ]!.run(session, tab, sim);
    await siteLogout(tab);
    const reach = await nextPersonAt(session, sim.urls.flows.styles, [
      sim.urls.flows.grandid.state,
      sim.urls.flows.broker.state,
    ]);
    expect(reach.ssoAs).toEqual({
      [sim.urls.flows.grandid.state]: ANNA.name,
      [sim.urls.flows.broker.state]: ANNA.name,
    });
    expect(reach.loggedInAs).toBe(ANNA.name);
  });
});

describe.each(BROWSERS)('$name: every login style', (b: BrowserUnderTest) => {
  let sim: Sim;
  const browser = simAndBrowsers(b, (s) => {
    sim = s;
  });

  const cases = Object.entries(STYLES)
    .filter(([, s]) => b.name === 'Chromium' || !s.chromiumOnly)
    .flatMap(([name, style]) => LEAVES.map((leave) => [name, leave, style] as const));

  it.each(cases)(
    '%s — signs in with no purge on the way; after %s the next person reaches nothing',
    async (_name, leave, style) => {
      const session = await browser();
      const tab = await session.newTab();
      const service = sim.urls.flows.styles;
      await tab.goto(service.start);
      await tab.waitFor('body[data-page="start"]');
      const tabs = await style.run(session, tab, sim);
      expect(await lastReport(session), 'no purge during the login round trip').toBeUndefined();

      const since = Date.now();
      const last = tabs.at(-1)!;
      if (leave === 'site-logout') await siteLogout(last);
      else for (const t of tabs) await t.close();
      expect(await purgeDone(session, TRIGGER[leave], since)).toMatchObject({ verified: true, failures: [] });

      const reach = await nextPersonAt(session, service, [
        sim.urls.flows.grandid.state,
        sim.urls.flows.broker.state,
      ]);
      expect(reach.loggedInAs, 'the service signs in nobody').toBeNull();
      expect(reach.askedToLogIn, 'GrandID asks the next person to identify').toBe(true);
      expect(reach.ssoAs, 'no single sign-on left at GrandID or the broker').toEqual({
        [sim.urls.flows.grandid.state]: null,
        [sim.urls.flows.broker.state]: null,
      });
      expect(reach.localStorage, 'the service’s localStorage').toEqual({});
    },
  );

  it.each(LEAVES)(
    'SAML HTTP-POST with an auto-submitted form and a RelayState deep link — signs in with no purge on the way; after %s the next person reaches nothing',
    async (leave) => {
      const session = await browser();
      const tab = await session.newTab();
      const kommun = sim.urls.kommun;
      // A deep link while signed out: the service sends it along as RelayState and lands there after the POST.
      await tab.goto(`${kommun.login}?next=${encodeURIComponent(new URL(kommun.receipt).pathname)}`);
      await identify(tab, ANNA);
      await tab.waitFor('body[data-page="receipt"]', 'login');
      expect(await tab.bodyData('loggedInAs')).toBe(ANNA.name);
      expect(await lastReport(session), 'no purge during the login round trip').toBeUndefined();

      const since = Date.now();
      if (leave === 'site-logout') expect(await clickLogout(tab, kommun, 'link')).toBe('logged-out');
      else await tab.close();
      expect(await purgeDone(session, TRIGGER[leave], since)).toMatchObject({ verified: true, failures: [] });

      const reach = await nextPersonReach(session, sim, { loginOrder: ['kommun'] });
      expect(reach.idpSsoAs).toBeNull();
      expect(reach.login.kommun?.loggedInAs).toBeNull();
      expect(reach.login.kommun?.askedToLogIn).toBe(true);
      expect(reach.cookies.group).toEqual([]);
    },
  );
});
