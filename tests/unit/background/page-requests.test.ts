/**
 * A web page can ask, never command: what a page can make the background do through the browser (navigate a
 * tab, open one) and through our content script's reports (a logout click, fetched origins). The real
 * background over the fake browser, as in integration.test.ts; every assertion reads the browser's data or
 * the extension's storage afterwards.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CookieRecord } from '@/utils/browser-data/port';
import {
  MAX_FETCHED_ORIGINS,
  MAX_ORIGIN_LENGTH,
  MAX_REPORTED_ORIGINS,
} from '@/utils/session-groups/fetched-origins';
import { LOGOUT_CLICK_SETTLE_MS } from '@/utils/session-groups/logout-watch';
import {
  createWorld,
  freshBrowserEachTest,
  logInRoundTrip,
  navigate,
  startWorker,
  type Worker,
  type World,
} from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.eidbrygga.net'; // on no list: only the login round trip makes it Järfälla's
const NEWS = 'https://www.lokaltidningen.se';

let bg: Worker;
let w: World;
/** The browser's `tabs.Tab.openerTabId` of tabs a page opened (the fake port's tabs have none). */
const openers = new Map<number, number>();

freshBrowserEachTest();

beforeEach(async () => {
  openers.clear();
  w = createWorld();
  const query = w.ctx.tabs.query;
  w.ctx.tabs.query = async () =>
    (await query()).map((t) =>
      t.id !== undefined && openers.has(t.id) ? { ...t, openerTabId: openers.get(t.id) } : t,
    );
  bg = await startWorker(w);
});

const cookieNames = (world: World) =>
  world.port
    .snapshot()
    .cookies.map((c: CookieRecord) => `${c.domain} ${c.name}`)
    .sort();
const JARFALLA = ['e-tjanster.jarfalla.se JSESSIONID', 'login.eidbrygga.net idp_sso'];

async function groups() {
  return Object.values((await bg.storage.sessionState.getValue()).groups);
}

/** The person logs in to Järfälla in a tab of their own: the e-service, the IdP by redirect, back by POST. */
async function logIn(): Promise<number> {
  const tab = w.port.openTab({ url: `${ESERVICE}/` });
  await logInRoundTrip(bg, tab, {
    service: ESERVICE,
    idp: IDP,
    onService: () =>
      w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se', httpOnly: true }),
    atIdp: () => {
      w.port.setCookie({ name: 'idp_sso', domain: 'login.eidbrygga.net', secure: true });
      w.clock.advance(30_000);
    },
  });
  w.clock.advance(5_000);
  expect((await groups())[0]?.hosts).toEqual(
    expect.arrayContaining(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']),
  );
  return tab;
}

/** The newspaper in another tab. */
async function readNews(): Promise<number> {
  const tab = w.port.openTab({ url: `${NEWS}/` });
  await navigate(bg, tab, { url: `${NEWS}/`, transitionType: 'typed' });
  w.port.setCookie({ name: 'reader', domain: '.lokaltidningen.se' });
  return tab;
}

/** Time for any settle timer to run out: a watch armed by mistake would purge by then. */
async function waitPastSettle() {
  w.clock.advance(LOGOUT_CLICK_SETTLE_MS + 1000);
  await vi.advanceTimersByTimeAsync(LOGOUT_CLICK_SETTLE_MS + 1000);
  await bg.settled();
}

async function expectStillLoggedIn() {
  expect(cookieNames(w)).toEqual(expect.arrayContaining(JARFALLA));
  expect(await groups()).toHaveLength(1);
  expect(await bg.storage.lastReport.getValue()).toBeNull();
}

describe('a logout URL counts only for the tab’s own group', () => {
  it('the newspaper sending its own tab to the group’s IdP logout URL (a 404) purges nothing', async () => {
    await logIn();
    await navigate(bg, await readNews(), { url: `${IDP}/x/logout` });
    await waitPastSettle();
    await expectStillLoggedIn();
  });

  it('the newspaper sending its own tab to the e-service’s logout URL purges nothing; the person’s logout link still does', async () => {
    const tab = await logIn();
    await navigate(bg, await readNews(), { url: `${ESERVICE}/logout` });
    await waitPastSettle();
    await expectStillLoggedIn();

    await navigate(bg, tab, { url: `${ESERVICE}/logout`, redirects: [`${ESERVICE}/utloggad`] });
    expect(cookieNames(w)).toEqual(['.lokaltidningen.se reader']);
    expect(await bg.storage.lastReport.getValue()).toMatchObject({ trigger: 'site-logout', verified: true });
  });

  it('a tab the newspaper opens at the logout URL, or opens on the IdP and then sends there, purges nothing', async () => {
    await logIn();
    const news = await readNews();
    // window.open(`${IDP}/x/logout`): the browser names the opener.
    const opened = w.port.openTab({ url: `${IDP}/x/logout` });
    openers.set(opened, news);
    await fakeBrowser.webNavigation.onCreatedNavigationTarget.trigger({
      tabId: opened,
      sourceTabId: news,
      sourceFrameId: 0,
      url: `${IDP}/x/logout`,
      timeStamp: w.clock.now(),
      windowId: 1,
    } as never);
    await navigate(bg, opened, { url: `${IDP}/x/logout` });
    // w = window.open(`${IDP}/`); later w.location = `${IDP}/x/logout`: the tab shows a page of the group
    // when the logout URL starts, but the newspaper started it.
    const popup = w.port.openTab({ url: `${IDP}/` });
    openers.set(popup, news);
    await fakeBrowser.webNavigation.onCreatedNavigationTarget.trigger({
      tabId: popup,
      sourceTabId: news,
      sourceFrameId: 0,
      url: `${IDP}/`,
      timeStamp: w.clock.now(),
      windowId: 1,
    } as never);
    await navigate(bg, popup, { url: `${IDP}/` });
    await navigate(bg, popup, { url: `${IDP}/x/logout` });
    await waitPastSettle();
    await expectStillLoggedIn();
  });

  it('a logout the group’s page opens in a new tab (through the IdP’s logout URL) purges the group', async () => {
    const tab = await logIn();
    await readNews();
    const opened = w.port.openTab({ url: `${IDP}/saml/slo?SAMLRequest=y` });
    openers.set(opened, tab);
    await fakeBrowser.webNavigation.onCreatedNavigationTarget.trigger({
      tabId: opened,
      sourceTabId: tab,
      sourceFrameId: 0,
      url: `${IDP}/saml/slo?SAMLRequest=y`,
      timeStamp: w.clock.now(),
      windowId: 1,
    } as never);
    await navigate(bg, opened, { url: `${IDP}/saml/slo?SAMLRequest=y`, redirects: [`${ESERVICE}/utloggad`] });
    expect(cookieNames(w)).toEqual(['.lokaltidningen.se reader']);
    expect(await bg.storage.lastReport.getValue()).toMatchObject({ trigger: 'site-logout', verified: true });
  });
});

describe('a logout click counts only from a page of the tab’s group', () => {
  const report = (tabId: number, url: string) =>
    bg.send('logoutClicked', {}, { id: fakeBrowser.runtime.id, frameId: 0, url, tab: { id: tabId, url } });

  it('a report whose sender frame is not on a host of the tab’s group is refused and purges nothing', async () => {
    const tab = await logIn();
    // The tab is in the group in our state, but the browser says the reporting page is elsewhere.
    expect(await report(tab, `${NEWS}/artikel`)).toEqual({ accepted: false });
    expect(await report(tab, 'https://chat.supportwidget.io/frame')).toEqual({ accepted: false });
    await waitPastSettle();
    await expectStillLoggedIn();
    // From the group's page it is accepted, and purges after the settle delay.
    expect(await report(tab, `${ESERVICE}/mina-sidor`)).toEqual({ accepted: true });
    await waitPastSettle();
    expect(cookieNames(w)).toEqual([]);
  });
});

describe('origins named by a page are bounded', () => {
  const report = (tabId: number, origins: unknown[]) =>
    bg.send(
      'fetchedOrigins',
      { origins: origins as string[] },
      {
        id: fakeBrowser.runtime.id,
        frameId: 0,
        url: `${ESERVICE}/mina-sidor`,
        tab: { id: tabId, url: `${ESERVICE}/mina-sidor` },
      },
    );

  it('only plain http(s) origins are kept, at most so many per report and per group, and never in the ledger', async () => {
    const tab = await logIn();
    expect(
      await report(tab, [
        'https://api.etjanstplattform.net',
        'https://api.etjanstplattform.net/v1/profil',
        'https://user:secret@cdn.example.net',
        'https://cdn.example.net/',
        'http://old.example.net:8080',
        'ftp://files.example.net',
        'javascript:alert(1)',
        'null',
        `https://${'a'.repeat(MAX_ORIGIN_LENGTH)}.example.net`,
        42,
        { toString: () => 'https://x.example.net' },
      ]),
    ).toEqual({ accepted: true });
    const [g] = await groups();
    expect(g?.fetchedOrigins).toEqual(['https://api.etjanstplattform.net', 'http://old.example.net:8080']);

    const flood = (from: number) =>
      Array.from({ length: MAX_REPORTED_ORIGINS * 2 }, (_, i) => `https://h${from + i}.example.net`);
    await report(tab, flood(0));
    expect((await groups())[0]?.fetchedOrigins).toHaveLength(2 + MAX_REPORTED_ORIGINS);
    for (let n = 1; n < 5; n++) await report(tab, flood(n * 1000));
    expect((await groups())[0]?.fetchedOrigins).toHaveLength(MAX_FETCHED_ORIGINS);

    // On disk, the ledger knows the group but none of the origins the page named: only that there were some
    // (a browser start after a crash clears the HTTP cache by time then).
    const ledger = await bg.storage.ledger.getValue();
    expect(Object.keys(ledger)).toEqual([g?.id]);
    expect(JSON.stringify(ledger)).not.toContain('example.net');
    expect(JSON.stringify(ledger)).not.toContain('etjanstplattform');
    expect(ledger[g!.id]?.fetchedElsewhere).toBe(true);
  });
});
