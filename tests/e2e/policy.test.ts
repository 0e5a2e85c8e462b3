/**
 * IT policy in real Chromium, deployed as on a Linux computer: a JSON file in /etc/chromium/policies/managed/
 * (tests/harness/policy.ts), read by the browser at start and handed to Safe Logout as managed storage.
 *
 * - a domain only the policy names is protected and purged; a built-in one the policy excludes is not;
 * - a policy rolled out while the browser runs counts from then on;
 * - with lockSettings the options page changes nothing, not even through its own messages;
 * - a malformed policy — a broken file, or values of every wrong kind — leaves protection on.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffectiveSettings } from '../../utils/settings';
import { allCookies, type ChromiumSession, launchChromium, openExtensionPage } from '../harness/chromium';
import { nextPersonReach } from '../harness/next-person';
import { loginAs } from '../harness/person';
import {
  type ChromiumPolicy,
  chromiumPolicy,
  extensionPolicy,
  inExtensionPage,
  launchWithPolicy,
  waitForSettings,
} from '../harness/policy';
import { ANNA, BERIT } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

/** An e-service no built-in rule knows: only the policy makes it protected. */
const CITY_ESERVICE = 'e-tjanster.exempelstad.se';

let city: Sim;
let jarfalla: Sim;
let policy: ChromiumPolicy;
const sessions: ChromiumSession[] = [];

beforeAll(async () => {
  [city, jarfalla] = await Promise.all([startSim({ hosts: { kommun: CITY_ESERVICE } }), startSim()]);
  policy = await chromiumPolicy();
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await policy?.dispose(); // the policy file goes even when a test failed
  await Promise.all([city?.close(), jarfalla?.close()]);
});

/** One browser at a time (the machine is shared): the previous test's closes first. */
async function browserWith(
  sim: Sim,
  policyFile: object | string,
  ready?: (s: EffectiveSettings) => boolean,
): Promise<ChromiumSession> {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await policy.write(policyFile);
  const session = ready
    ? (await launchWithPolicy(sim, ready)).session
    : await launchChromium(sim, { withExtension: true });
  sessions.push(session);
  return session;
}

/** Polls the browser's cookies until `gone` holds (the purge runs in the background). */
async function waitForCookies(
  session: ChromiumSession,
  gone: (names: string[]) => boolean,
  timeoutMs = 20_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let names: string[] = [];
  while (Date.now() < deadline) {
    names = (await allCookies(session.context)).map((c) => `${c.domain.replace(/^\./, '')} ${c.name}`);
    if (gone(names)) return names;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cookies still there: ${names.join(', ')}`);
}

const hasCookieOf = (names: string[], host: string) => names.some((n) => n.startsWith(`${host} `));

/** The browser's password-saving setting and who controls it (chrome.privacy, from an extension page). */
const passwordSaving = (session: ChromiumSession) =>
  inExtensionPage(session.context, async () =>
    (
      globalThis as unknown as {
        chrome: { privacy: { services: { passwordSavingEnabled: { get(d: object): Promise<unknown> } } } };
      }
    ).chrome.privacy.services.passwordSavingEnabled.get({}),
  );

describe('IT policy from /etc/chromium/policies/managed', () => {
  it('a domain only the policy names is protected and purged; a built-in domain it excludes is not', async () => {
    const session = await browserWith(
      city,
      extensionPolicy({ protectedDomains: ['exempelstad.se'], excludedDomains: ['vklass.se'] }),
      (s) => s.policyDomains.length > 0,
    );
    const settings = await waitForSettings(session.context, (s) => s.policyDomains.length > 0);
    expect(settings.policyDomains).toEqual(['exempelstad.se']);
    expect(settings.excludedDomains).toEqual(['vklass.se']);
    expect(settings.policyNotices).toEqual([]);

    // Vklass (a built-in e-service, excluded by IT) first; then the city's e-service through the IdP's SSO.
    const vklass = await session.context.newPage();
    await loginAs(vklass, city.urls.vklass, ANNA);
    const kommun = await session.context.newPage();
    await kommun.goto(city.urls.kommun.login);
    await kommun.locator('body[data-page="overview"][data-storage-ready]').waitFor({ timeout: 15_000 });
    expect(await kommun.getAttribute('body', 'data-logged-in-as')).toBe(ANNA.name);
    const before = await waitForCookies(session, (n) => hasCookieOf(n, CITY_ESERVICE));
    expect(hasCookieOf(before, city.hosts.idp)).toBe(true);

    await kommun.close();
    const after = await waitForCookies(
      session,
      (n) => !hasCookieOf(n, CITY_ESERVICE) && !hasCookieOf(n, city.hosts.idp),
    );
    expect(after, 'the excluded e-service keeps its session').toContain(
      `${city.hosts.vklass} ${city.services.vklass.sessionCookie}`,
    );
    expect(vklass.isClosed(), 'the excluded e-service’s tab stays open').toBe(false);

    // Its last tab closes too: still nothing is purged (well past the 1 s grace).
    await vklass.close();
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await allCookies(session.context)).map((c) => c.name)).toContain(
      city.services.vklass.sessionCookie,
    );

    const reach = await nextPersonReach(session, city, { loginOrder: ['kommun', 'vklass'] });
    expect(reach.login.kommun.loggedInAs, 'the next person at the policy’s e-service').toBeNull();
    expect(reach.login.kommun.askedToLogIn).toBe(true);
    expect(reach.login.vklass.loggedInAs, 'the excluded e-service was left alone, as IT asked').toBe(
      ANNA.name,
    );
  });

  it('a policy that arrives while the browser runs counts from then on (domains, password saving)', async () => {
    const session = await browserWith(city, extensionPolicy({}));
    await waitForSettings(session.context, () => true);
    const early = await session.context.newPage();
    await loginAs(early, city.urls.kommun, ANNA);
    await early.close();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(
      hasCookieOf(await waitForCookies(session, () => true), CITY_ESERVICE),
      'not protected yet: nothing purged',
    ).toBe(true);

    // IT rolls the policy out; Chromium rereads the directory and Safe Logout follows managed storage.
    await policy.write(
      extensionPolicy({ protectedDomains: ['exempelstad.se'], disablePasswordSaving: true }),
    );
    await waitForSettings(session.context, (s) => s.policyDomains.includes('exempelstad.se'), 60_000);
    await expect
      .poll(() => passwordSaving(session), { timeout: 10_000 })
      .toEqual({ value: false, levelOfControl: 'controlled_by_this_extension' });
    const page = await session.context.newPage();
    await page.goto(city.urls.kommun.overview); // still logged in from before the policy
    await page.locator('body[data-page="overview"][data-storage-ready]').waitFor({ timeout: 15_000 });
    await page.close();
    await waitForCookies(session, (n) => !hasCookieOf(n, CITY_ESERVICE));
  });

  it('locked settings cannot be changed from the options page', async () => {
    const session = await browserWith(
      jarfalla,
      extensionPolicy({ lockSettings: true, purgeOnTabCloseSeconds: 5, disablePasswordSaving: true }),
      (s) => s.lockSettings,
    );
    const before = await waitForSettings(session.context, (s) => s.lockSettings);
    expect(before.graceSeconds).toBe(5);
    expect(before.locked).toEqual(expect.arrayContaining(['graceSeconds', 'clearHistory', 'disabledPacks']));

    const options = await openExtensionPage(session.context, 'options.html');
    await options.locator('main h1').waitFor();
    const enabled = await options
      .locator('main :is(input, select, textarea, button):not([disabled])')
      .evaluateAll((els) => els.map((e) => e.id || e.getAttribute('name') || e.tagName));
    // The coverage search ("Is my service covered?") looks up and changes nothing: it stays usable.
    expect(enabled, 'the only controls left are the coverage search and the page language').toEqual([
      'coverage-input',
      'language',
    ]);
    // Each setting says why it cannot change (in the browser's language).
    expect(await options.locator('[data-setting="clear-history"] .locked').textContent()).toMatch(
      /Managed by your organisation|Hanteras av din organisation/,
    );

    // Not even the page's own messages (what a visitor with DevTools would try) change anything.
    const attempts = await options.evaluate(async () => {
      const send = (type: string, data: unknown) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type, data });
      return [
        await send('saveSettings', { patch: { clearHistory: false } }),
        await send('saveSettings', { patch: { disabledPacks: ['se-kommuner'] } }),
        await send('saveSettings', { patch: { graceSeconds: 60 } }),
        await send('addCustomDomain', { input: 'example.se' }),
      ];
    });
    for (const a of attempts)
      expect(a).toMatchObject({ refused: expect.stringMatching(/managed by policy/) });
    const after = await waitForSettings(session.context, () => true);
    expect({ ...after, language: before.language }).toEqual(before);

    // The browser no longer offers to save passwords while the mode is on.
    expect(await passwordSaving(session)).toEqual({
      value: false,
      levelOfControl: 'controlled_by_this_extension',
    });
  });
});

describe('a malformed policy leaves protection on', () => {
  async function protectedAfterTabClose(session: ChromiumSession): Promise<void> {
    const page: Page = await session.context.newPage();
    await loginAs(page, jarfalla.urls.kommun, ANNA);
    await page.close();
    await waitForCookies(
      session,
      (n) => !hasCookieOf(n, jarfalla.hosts.kommun) && !hasCookieOf(n, jarfalla.hosts.idp),
    );
    const next = await session.context.newPage();
    await loginAs(next, jarfalla.urls.kommun, BERIT); // throws if Anna were still logged in
    await next.close();
  }

  it('a policy file that is not JSON: the browser ignores it, the built-in protection works', async () => {
    const session = await browserWith(jarfalla, '{ "3rdparty": { "extensions": { "ooifmdmm');
    const settings = await waitForSettings(session.context, () => true);
    expect(settings.policyNotices).toEqual([]);
    expect(settings.locked).toEqual([]);
    await protectedAfterTabClose(session);
  });

  it('values of every wrong kind: ignored with notices on the options page; protection stays on', async () => {
    const session = await browserWith(
      jarfalla,
      extensionPolicy({
        // What a schema-checking browser drops itself (wrong types) and what only Safe Logout can refuse.
        sharedComputer: 'yes',
        lockSettings: 1,
        protectedDomains: 'jarfalla.se',
        excludedDomains: ['*', 'se', '*.se', 'https://'],
        idleTimeoutSeconds: -5,
        purgeOnTabCloseSeconds: 600,
        startPage: 'javascript:alert(1)',
        clearHistory: true,
      }),
      (s) => s.policyNotices.length > 0,
    );
    const settings = await waitForSettings(session.context, (s) => s.policyNotices.length > 0);
    expect(settings.excludedDomains, 'nothing is excluded').toEqual([]);
    expect(settings.lockSettings).toBe(false);
    expect(settings.idleTimeoutSeconds).toBe(0);
    expect(settings.startPage).toBeNull();
    expect(settings.graceSeconds).toBe(60);
    expect(new Set(settings.policyNotices.map((n) => n.key))).toEqual(
      new Set(['excludedDomains', 'idleTimeoutSeconds', 'purgeOnTabCloseSeconds', 'startPage']),
    );

    const options = await openExtensionPage(session.context, 'options.html');
    const text = (await options.locator('main').textContent()) ?? '';
    for (const key of ['excludedDomains', 'idleTimeoutSeconds', 'startPage']) expect(text).toContain(key);
    await options.close();

    // Grace is 60 s now (clamped): the button purges at once and proves protection is on.
    const page = await session.context.newPage();
    await loginAs(page, jarfalla.urls.kommun, ANNA);
    const popup = await openExtensionPage(session.context, 'popup.html');
    await popup.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'logOutAll', data: {} }),
    );
    await waitForCookies(
      session,
      (n) => !hasCookieOf(n, jarfalla.hosts.kommun) && !hasCookieOf(n, jarfalla.hosts.idp),
    );
    expect(page.isClosed(), 'the group’s tab was closed').toBe(true);
  });
});
