/**
 * Trust boundaries in real Chromium: destructive commands are accepted only from the extension's own pages
 * (a web page and our own content script's world are refused), the content script runs only on protected
 * hosts, the extension itself makes no network request, and a web page cannot start a purge: not by sending a
 * tab to the group's logout URL, nor by clicking a "Logga ut" of its own making.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGOUT_CLICK_SETTLE_MS } from '../../utils/session-groups/logout-watch';
import {
  allCookies,
  type ChromiumSession,
  extensionId,
  launchChromium,
  openExtensionPage,
} from '../harness/chromium';
import { clickLogout } from '../harness/person';
import { ANNA, firstPersonVisit, purgeDone } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

let sim: Sim;
let session: ChromiumSession;
let extId: string;

beforeAll(async () => {
  sim = await startSim();
  session = await launchChromium(sim, { withExtension: true });
  extId = await extensionId(session.context);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

const ssoCookiePresent = async () =>
  (await allCookies(session.context)).some((c) => c.name === sim.idpCookies.sso);

/** Execution contexts of a page, by the CDP `Runtime.executionContextCreated` events, reloading to see them all. */
async function isolatedWorlds(
  page: Page,
): Promise<{ cdp: CDPSession; worlds: { id: number; name: string; origin: string }[] }> {
  const cdp = await session.context.newCDPSession(page);
  const worlds: { id: number; name: string; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.auxData?.type === 'isolated')
      worlds.push({ id: e.context.id, name: e.context.name, origin: e.context.origin });
  });
  await cdp.send('Runtime.enable');
  return { cdp, worlds };
}

describe('trust boundaries', () => {
  it('refuses “log out everything” from a web page and from the content script’s world; accepts it from the popup', async () => {
    const { page } = await firstPersonVisit(session, sim, ANNA);
    expect(await ssoCookiePresent()).toBe(true);

    // 1. A web page: no extension messaging is exposed to it (no externally_connectable).
    const fromPage = await page.evaluate(async (id) => {
      const runtime = (
        globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }
      ).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no-runtime';
      try {
        return JSON.stringify(await runtime.sendMessage(id, { type: 'logOutAll', data: {} }));
      } catch (e) {
        return `error: ${String(e)}`;
      }
    }, extId);
    expect(fromPage).toMatch(/no-runtime|error/);

    // 2. Our own content script's isolated world on the protected page: the background refuses the command.
    const { cdp, worlds } = await isolatedWorlds(page);
    await page.reload();
    await expect
      .poll(() => worlds.filter((w) => w.origin.includes(extId)).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const world = worlds.filter((w) => w.origin.includes(extId)).at(-1)!;
    const answer = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `chrome.runtime.sendMessage({ type: 'logOutAll', data: {} }).then((r) => JSON.stringify(r), (e) => 'error: ' + e)`,
    });
    expect(String(answer.result.value)).toMatch(/refused/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await ssoCookiePresent(), 'nothing was purged').toBe(true);
    expect(page.isClosed()).toBe(false);

    // 3. The extension's own page: accepted.
    const popup = await openExtensionPage(session.context, 'popup.html');
    const report = await popup.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ verified: boolean }> } };
        }
      ).chrome.runtime.sendMessage({ type: 'logOutAll', data: {} }),
    );
    expect(report.verified).toBe(true);
    expect(await ssoCookiePresent()).toBe(false);
    await popup.close();
  });

  it('injects nothing into sites that are not protected', async () => {
    const page = await session.context.newPage();
    const { worlds } = await isolatedWorlds(page);
    await page.goto(sim.urls.newspaper.start);
    await page.locator('body[data-storage-ready]').waitFor();
    await page.goto(sim.urls.kommun.start);
    await expect
      .poll(() => worlds.filter((w) => w.origin.includes(extId)).length, { timeout: 10_000 })
      .toBe(1);
    await page.close();
  });

  it('makes no network request of its own', () => {
    const fromExtension = sim.stats.requests.filter(
      (r) => r.origin?.startsWith('chrome-extension:') || r.referer?.startsWith('chrome-extension:'),
    );
    expect(sim.stats.requests.length).toBeGreaterThan(10); // the scenario above did run through the sim
    expect(fromExtension).toEqual([]);
  });
});

describe('a page can ask, never command', () => {
  /** Long enough for any armed logout watch to settle and purge (the settle delay after a click, and more). */
  const pastSettle = () => new Promise((r) => setTimeout(r, LOGOUT_CLICK_SETTLE_MS + 1500));
  const lastTrigger = async () =>
    (await session.stored<{ trigger: string; finishedAt: number }>('local', 'last-report'))?.finishedAt ?? 0;

  it('a news page sending its own tab, and a tab it opens, to the group’s IdP logout URL logs nobody out; the real logout still purges', async () => {
    const tab = await firstPersonVisit(session, sim, ANNA);
    const before = await lastTrigger();
    const logoutUrl = `${sim.urls.idp.origin}/x/logout`; // a 404: the URL alone looks like a logout

    const news = await session.context.newPage();
    await news.goto(sim.urls.newspaper.start);
    await news.locator('body[data-storage-ready]').waitFor();
    // A tab of its own opening: window.open, as an article's script would.
    const [opened] = await Promise.all([
      session.context.waitForEvent('page'),
      news.evaluate((url) => void window.open(url), logoutUrl),
    ]);
    await opened.waitForLoadState('load');
    // Its own tab.
    await Promise.all([news.waitForURL(logoutUrl), news.evaluate((url) => location.assign(url), logoutUrl)]);
    await pastSettle();

    expect(await ssoCookiePresent(), 'the IdP session is still there').toBe(true);
    expect(await lastTrigger(), 'no purge ran').toBe(before);
    await tab.goto(sim.urls.kommun.overview);
    expect(await tab.bodyData('loggedInAs')).toBe(ANNA.name);

    // The person's own logout, in the group's tab, still purges the group.
    const since = Date.now();
    expect(await clickLogout(tab, sim.urls.kommun, 'link')).toBe('logged-out');
    expect((await purgeDone(session, 'site-logout', since)).verified).toBe(true);
    expect(await ssoCookiePresent()).toBe(false);
  });

  it('a “Logga ut” button that the page makes and clicks by script purges nothing', async () => {
    const tab = await firstPersonVisit(session, sim, ANNA);
    const before = await lastTrigger();
    await tab.evaluate(() => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Logga ut';
      document.body.append(button);
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    }, undefined);
    await pastSettle();
    expect(await ssoCookiePresent(), 'the IdP session is still there').toBe(true);
    expect(await lastTrigger(), 'no purge ran').toBe(before);
    expect(tab.isClosed()).toBe(false);
    expect(await tab.bodyData('loggedInAs')).toBe(ANNA.name);
  });
});
