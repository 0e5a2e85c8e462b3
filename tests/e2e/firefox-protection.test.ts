/**
 * The protection, proven in real Firefox ESR (puppeteer-core over WebDriver BiDi) against the simulated
 * municipality — the same scenarios as protection.test.ts in Chromium, plus one in a container tab.
 * After each way of leaving, the next person reaches nothing of Anna: no login at the kommun or at
 * Vklass through the IdP's single sign-on, no IdP SSO cookie, nothing in cookies (any store, partitioned
 * or not), localStorage, sessionStorage, IndexedDB, Cache Storage or the HTTP cache; the unrelated
 * newspaper keeps its data, and logging in still works.
 *
 * Needs `npx wxt build -b firefox` first (`npm test` builds). The extension is installed in the profile
 * (as a person's Firefox has it), so it starts again with the browser after a restart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { FIREFOX_BUILD_DIR } from '../harness/firefox';
import { channelsShowing, type FirefoxReach, nextPersonReach } from '../harness/firefox-next-person';
import { ANNA, BERIT, bodyData, firstPersonVisit, loginAs, readNewspaper } from '../harness/firefox-person';
import {
  containerTab,
  type FirefoxLab,
  type FirefoxTrigger,
  launchLab,
  PURGE_TRIGGER,
  performTrigger,
} from '../harness/firefox-scenario';
import { type Sim, startSim } from '../sim';

let sim: Sim;
const closing: Promise<void>[] = [];

beforeAll(async () => {
  sim = await startSim({ portInUrls: true });
});

afterAll(async () => {
  await Promise.all(closing);
  await sim?.close();
});

/** A fresh Firefox with the extension; it closes (in the background, awaited at the end) when the test ends. */
async function firefoxWithExtension(prefs: Record<string, unknown> = {}): Promise<FirefoxLab> {
  const lab = await launchLab(sim, prefs);
  onTestFinished(() => {
    closing.push(lab.close());
  });
  return lab;
}

/** The next person's tab: they look around (`nextPersonReach`), then log in there. */
const nextPersonTab = (lab: FirefoxLab, context?: BrowserContext): Promise<Page> =>
  (context ?? lab.firefox.browser.defaultBrowserContext()).newPage();

/** What Anna's visit must have left before she leaves: otherwise the checks below would prove nothing. */
function expectAnnaEverywhere(reach: FirefoxReach) {
  expect(channelsShowing(reach, ANNA.name)).toEqual(
    expect.arrayContaining([
      'kommun:localStorage',
      'kommun:indexedDB',
      'kommun:cacheStorage',
      'kommun:httpCache',
    ]),
  );
  expect(reach.cookies.idpSso?.name).toBe(sim.idpCookies.sso);
  expect(reach.cookies.partitioned.map((c) => c.name)).toContain(sim.idpCookies.widget);
}

function expectNothingLeft(reach: FirefoxReach) {
  expect(channelsShowing(reach, ANNA.name), 'channels through which the next person reaches Anna').toEqual(
    [],
  );
  expect(reach.idpSsoAs).toBeNull();
  expect(reach.cookies.idpSso).toBeNull();
  expect(reach.cookies.group, 'cookies of the group, any store, partitioned or not').toEqual([]);
  for (const key of ['kommun', 'vklass'] as const) {
    expect(reach.login[key]?.loggedInAs, `${key} logs the next person in`).toBeNull();
    expect(reach.login[key]?.askedToLogIn, `${key} asks the next person to identify`).toBe(true);
    expect(reach.httpCache[key].servedFromCache && reach.httpCache[key].shownName).toBeFalsy();
  }
  for (const storage of [reach.storage.kommun, reach.storage.vklass, reach.idpStorage]) {
    expect(storage.localStorage).toEqual({});
    expect(storage.sessionStorage).toEqual({});
    expect(storage.indexedDB).toEqual({});
    expect(storage.cacheStorage).toEqual({});
  }
  expect(reach.unrelated, 'the unrelated newspaper keeps its data').toEqual({
    cookie: true,
    localStorage: true,
  });
}

async function loginStillWorks(page: Page) {
  await loginAs(page, sim.urls.kommun, BERIT);
  expect(await bodyData(page, 'loggedInAs')).toBe(BERIT.name);
}

/** Anna visits in a tab of her own and leaves by `trigger`; the purge finishes; what does Berit reach? */
async function annaLeaves(trigger: FirefoxTrigger, prefs?: Record<string, unknown>) {
  const lab = await firefoxWithExtension(prefs);
  const page = await firstPersonVisit(await lab.firefox.browser.newPage(), sim, ANNA);
  const since = await performTrigger(lab, page, sim, trigger);
  const report = await lab.purgeDone(PURGE_TRIGGER[trigger], since);
  const next = await nextPersonTab(lab);
  return { lab, page, report, next, reach: await nextPersonReach(lab, sim, { page: next }) };
}

/** Hosts of the tabs on Firefox's recently-closed list (what "reopen closed tab" brings back). */
async function recentlyClosedHosts(lab: FirefoxLab): Promise<string[]> {
  const page = await lab.firefox.openExtensionPage('popup.html');
  try {
    return await page.evaluate(async () => {
      type Api = { sessions: { getRecentlyClosed(f: object): Promise<{ tab?: { url?: string } }[]> } };
      const closed = await (globalThis as unknown as { browser: Api }).browser.sessions.getRecentlyClosed({});
      return closed.flatMap((s) => (s.tab?.url?.startsWith('http') ? [new URL(s.tab.url).hostname] : []));
    });
  } finally {
    await page.close();
  }
}

describe('Firefox: with Safe Logout, nothing of Anna is left', () => {
  it.each<FirefoxTrigger>(['logout-link', 'logout-form'])(
    'after the site’s own logout (%s)',
    async (trigger) => {
      const { page, report, next, reach } = await annaLeaves(trigger);
      expect(report).toMatchObject({ verified: true, failures: [], tabsClosed: 0 });
      expect(page.isClosed(), 'the site’s logout page stays').toBe(false);
      expectNothingLeft(reach);
      await loginStillWorks(next);
    },
  );

  it('after the group’s last tab closes (Cache Storage emptied in a tab of its own)', async () => {
    const from = sim.stats.requests.length;
    const { lab, report, next, reach } = await annaLeaves('close-tab');
    expect(report).toMatchObject({ verified: true, failures: [] });
    expectNothingLeft(reach);
    // "Reopen closed tab" would bring her tab back with its sessionStorage: it is off the list.
    expect(await recentlyClosedHosts(lab), 'closed tabs that could be reopened').not.toEqual(
      expect.arrayContaining([sim.hosts.kommun]),
    );
    // The extension's only requests: each origin Anna used, once, after its cookies were gone.
    const own = sim.stats.requests.slice(from).filter((r) => new URL(r.url).pathname === '/robots.txt');
    expect(own.map((r) => new URL(r.url).origin).sort()).toEqual(
      [sim.urls.idp.origin, sim.urls.kommun.origin].sort(),
    );
    expect(own.flatMap((r) => r.cookieNames ?? [])).toEqual([]);
    const urls = (await lab.firefox.browser.pages()).map((p) => p.url());
    expect(
      urls.filter((u) => u.includes('robots.txt')),
      'no tab of the extension is left behind',
    ).toEqual([]);
    await loginStillWorks(next);
  });

  it('with first-party isolation on: after the last tab closes, cookies isolated under each site are gone too', async () => {
    const { report, next, reach } = await annaLeaves('close-tab', { 'privacy.firstparty.isolate': true });
    expect(report).toMatchObject({ verified: true, failures: [] });
    expect(report.cookieSitesCleared, 'the e-service and the IdP').toBeGreaterThanOrEqual(2);
    expectNothingLeft(reach);
    await loginStillWorks(next);
  });

  it('after the browser is closed and started again', async () => {
    const { report, next, reach } = await annaLeaves('restart');
    expect(report).toMatchObject({ verified: true, failures: [] });
    expectNothingLeft(reach);
    await loginStillWorks(next);
  });

  it('after “Log out and clear”: group tabs close, other tabs stay', async () => {
    const lab = await firefoxWithExtension();
    const annaTab = await firstPersonVisit(await lab.firefox.browser.newPage(), sim, ANNA);
    expectAnnaEverywhere(await nextPersonReach(lab, sim, { readOnly: true }));
    const paper = await lab.firefox.browser.newPage();
    await paper.goto(sim.urls.newspaper.start);
    const since = await performTrigger(lab, annaTab, sim, 'button');
    expect(await lab.purgeDone('button', since)).toMatchObject({ verified: true, failures: [] });
    expect(annaTab.isClosed()).toBe(true);
    expect(paper.isClosed()).toBe(false);
    const next = await nextPersonTab(lab);
    expectNothingLeft(await nextPersonReach(lab, sim, { page: next }));
    await loginStillWorks(next);
  });

  it('in a container tab: its last tab closes; nothing is left in the container nor outside it', async () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8'));
    expect(
      manifest.permissions,
      'Firefox lists a container without open tabs (and so its cookies) only with this permission',
    ).toContain('contextualIdentities');
    const lab = await firefoxWithExtension();
    await readNewspaper(await lab.firefox.browser.newPage(), sim); // outside the container too
    const { context, page } = await containerTab(lab);
    await firstPersonVisit(page, sim, ANNA);
    const inside = await nextPersonReach(lab, sim, { context, readOnly: true });
    expectAnnaEverywhere(inside);
    expect(inside.cookies.idpSso?.storeId).toMatch(/^firefox-container-/);
    const since = await performTrigger(lab, page, sim, 'close-tab');
    expect(await lab.purgeDone('tab-closed', since)).toMatchObject({ verified: true, failures: [] });
    const next = await nextPersonTab(lab, context);
    expectNothingLeft(await nextPersonReach(lab, sim, { page: next }));
    expectNothingLeft(await nextPersonReach(lab, sim, { page: await nextPersonTab(lab) }));
    await loginStillWorks(next);
  });
});
