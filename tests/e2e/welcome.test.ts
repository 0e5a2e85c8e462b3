/**
 * The first run in real Chromium. `--load-extension` on a fresh profile is a person's install (installType
 * `development`, not IT's `admin`): the welcome page opens by itself, in the browser's language, says what the
 * button does and how to pin it, and its "home or shared computer?" sets shared-computer mode through the
 * settings command, as the options page does. axe-core finds nothing in Swedish or in English.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import fi from '../../public/_locales/fi/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { type ChromiumSession, isWelcomePage, launchChromium } from '../harness/chromium';
import { loginAs } from '../harness/person';
import { ANNA } from '../harness/scenario';
import { type Sim, startSim } from '../sim';
import {
  axeViolations,
  controlsUnderGuard,
  GUARD,
  guardState,
  LANG_ARG,
  openGuardForInspection,
  type UiLang,
} from './faces-support';

const CATALOGUES = { sv, en } as const;

let sim: Sim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim?.close();
});

/** The welcome page the install opened (it may have opened before the test looked). */
async function welcomePage(session: ChromiumSession): Promise<Page> {
  const open = session.context.pages().find((p) => isWelcomePage(p.url()));
  const page =
    open ??
    (await session.context.waitForEvent('page', {
      predicate: (p) => isWelcomePage(p.url()),
      timeout: 15_000,
    }));
  await page.locator('h1').waitFor();
  return page;
}

describe.each<UiLang>(['sv', 'en'])('a person installs Safe Logout, browser in %s', (lang) => {
  const L = CATALOGUES[lang];
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium(sim, { withExtension: true, keepWelcome: true, args: [LANG_ARG[lang]] });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the welcome page opens by itself: what the button does, how to pin it, in the browser’s language; axe 0', async () => {
    const page = await welcomePage(session);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.title()).toBe(L.welcomeTitle.message);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(L.welcomeButtonBody.message);
    expect(text).toContain(L.welcomePinChromium.message);
    expect(text).not.toContain(L.welcomePinFirefox.message);
    await page.getByRole('group', { name: L.welcomeWhereTitle.message }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('"Shared computer" turns shared-computer mode on; "Home computer" turns it off again', async () => {
    const page = await welcomePage(session);
    const mode = async () =>
      (await session.stored<{ sharedComputer: boolean }>('local', 'settings'))?.sharedComputer ?? false;
    expect(await mode()).toBe(false);

    await page.getByRole('radio', { name: L.welcomeShared.message }).check();
    await page.getByRole('status').filter({ hasText: L.welcomeSavedShared.message }).waitFor();
    expect(await mode()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: L.welcomeHome.message }).check();
    await page.getByRole('status').filter({ hasText: L.welcomeSavedHome.message }).waitFor();
    expect(await mode()).toBe(false);
  });
});

describe('a person in Finland installs it on a shared computer, browser in Finnish', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium(sim, { withExtension: true, keepWelcome: true, args: ['--lang=fi'] });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('chooses "shared computer" on the welcome page; on the e-service the guard’s Finnish words fit', async () => {
    const page = await welcomePage(session);
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    await page.getByRole('radio', { name: fi.welcomeShared.message }).check();
    await page.getByRole('status').filter({ hasText: fi.welcomeSavedShared.message }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const kommun = await session.context.newPage();
    await loginAs(kommun, sim.urls.kommun, ANNA);
    await openGuardForInspection(kommun);
    await expect
      .poll(async () => (await guardState(kommun))?.shared, { timeout: 30_000 })
      .toBe(fi.guardShared.message);
    const g = (await guardState(kommun))!;
    expect(g.logOut!.text).toBe(fi.logOutAndClear.message);
    // In a corner, over none of the page's controls, nothing cut off, and no taller than three lines of the
    // banner and the button row need (15 px × 1.4 a line).
    expect(g.place).toMatch(/^(bottom|top)-(right|left)$/);
    expect(await controlsUnderGuard(kommun)).toEqual([]);
    const clipped = await kommun.evaluate((tag) => {
      const root = (document.querySelector(tag) as HTMLElement).shadowRoot!;
      return [...root.querySelectorAll('*')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
        .map((el) => el.className || el.tagName);
    }, GUARD);
    expect(clipped).toEqual([]);
    expect(g.panel!.height, 'guard height').toBeLessThanOrEqual(150);
    console.info(`guard in Finnish: ${Math.round(g.panel!.width)}×${Math.round(g.panel!.height)} px`);
  });
});
