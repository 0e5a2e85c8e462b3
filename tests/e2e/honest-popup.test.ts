/**
 * #12 in real Chromium (English UI): the popup says what is true of the person's tab, and the options page
 * answers "Is my service covered?".
 *
 * - An e-service on no list (its municipality is in no pack) that logs in through an IdP on no list: the popup
 *   says "This site is not protected" — never only the all-clear — and offers Protect this site. Pressing it
 *   protects the domain and takes on the open tab with its login: the next Log out and clear removes the
 *   e-service's cookies and the IdP's SSO cookie, and leaves the newspaper its own. Undo reverts it.
 * - On a listed site the popup names the rule.
 * - The options search answers for a listed host, a name and an unlisted host.
 * Every face is checked by axe-core with zero violations.
 *
 * The popup is opened as a page in a tab (DevTools cannot click the toolbar button): it then speaks of the tab
 * the person was on before it (entrypoints/popup/current-tab.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { type Catalogue, type CatalogueEntry, formatMessage, type MessageKey } from '../../utils/i18n';
import { allCookies, type ChromiumSession, openExtensionPage } from '../harness/chromium';
import { loginAs, readNewspaper } from '../harness/person';
import { ANNA } from '../harness/scenario';
import { type Sim, startSim } from '../sim';
import { axeViolations, launchInLanguage } from './faces-support';

const L = (key: MessageKey, ...subs: (string | number)[]) =>
  formatMessage((en as unknown as Catalogue)[key] as CatalogueEntry, subs.map(String));
const POLL = { timeout: 30_000, interval: 200 };

/** An e-service no built-in rule knows; its IdP (the sim's) is on no list either. */
const CITY_ESERVICE = 'e-tjanster.exempelstad.se';
const CITY_DOMAIN = 'exempelstad.se';

let city: Sim;
let session: ChromiumSession;

beforeAll(async () => {
  city = await startSim({ hosts: { kommun: CITY_ESERVICE } });
  session = await launchInLanguage(city, 'en');
});
afterAll(async () => {
  await session?.close();
  await city?.close();
});

type Named = { host: string; name: string };
const cookies = async (): Promise<Named[]> =>
  (await allCookies(session.context)).map((c) => ({ host: c.domain.replace(/^\./, ''), name: c.name }));
const has = (c: Named[], host: string, name: string) => c.some((x) => x.host === host && x.name === name);
const customDomains = async () =>
  ((await session.stored<{ customDomains: string[] }>('local', 'settings'))?.customDomains ?? []) as string[];

/** The popup, opened from `page` (the tab the person is looking at). */
async function popupFor(page: Page): Promise<Page> {
  await page.bringToFront();
  const popup = await openExtensionPage(session.context, 'popup.html');
  await popup.locator('.site-title').waitFor({ timeout: 30_000 });
  return popup;
}

describe('the popup on the current tab', () => {
  it('an unknown site: not protected; Protect this site, Undo; protected again, the next Log out and clear removes the site and the IdP its login went through; axe clean', async () => {
    const paper = await session.context.newPage();
    await readNewspaper(paper, city);
    const page = await session.context.newPage();
    await loginAs(page, city.urls.kommun, ANNA);
    let popup = await popupFor(page);

    const site = popup.locator('section.site');
    expect(await site.getAttribute('data-protected')).toBe('false');
    expect(await popup.locator('.site-title').textContent()).toContain(L('siteNotProtected'));
    expect(await popup.locator('.site-host').textContent()).toBe(CITY_ESERVICE);
    // Not an all-clear alone: the calm "nothing open" line, if shown, comes with "not protected".
    expect(await popup.getByText(L('siteProtectHelp', CITY_DOMAIN)).isVisible()).toBe(true);
    const protect = popup.getByRole('button', { name: L('siteProtect') });
    expect(await protect.isVisible()).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);

    await protect.click();
    const live = popup.locator('.site-live');
    await expect.poll(() => live.textContent(), POLL).toContain(L('siteProtectedNow', CITY_DOMAIN));
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await popup.locator('.site-title').textContent()).toContain(L('siteProtected', CITY_DOMAIN));
    expect(await customDomains()).toEqual([CITY_DOMAIN]);
    // The focus moves to Undo, in the live region.
    const undo = popup.getByRole('button', { name: L('siteUndo') });
    await expect.poll(() => undo.evaluate((b) => b === document.activeElement), POLL).toBe(true);
    // The open tab was taken on: the popup lists its session.
    await expect.poll(() => popup.locator('.sessions li').count(), POLL).toBe(1);
    expect(await axeViolations(popup)).toEqual([]);

    await undo.click();
    await expect.poll(() => live.textContent(), POLL).toContain(L('siteUndone', CITY_DOMAIN));
    await expect.poll(() => site.getAttribute('data-protected'), POLL).toBe('false');
    expect(await customDomains()).toEqual([]);
    await expect.poll(() => popup.locator('.sessions li').count(), POLL).toBe(0);
    const again = popup.getByRole('button', { name: L('siteProtect') });
    await expect.poll(() => again.evaluate((b) => b === document.activeElement), POLL).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();

    // Undone means untouched: well past the grace, the login is still there.
    await new Promise((r) => setTimeout(r, 2_500));
    const still = await cookies();
    expect(has(still, CITY_ESERVICE, city.services.kommun.sessionCookie)).toBe(true);
    expect(has(still, city.hosts.idp, city.idpCookies.sso)).toBe(true);

    // Protected again, from a fresh popup: the next purge takes the site and the IdP its login went through.
    popup = await popupFor(page);
    await popup.getByRole('button', { name: L('siteProtect') }).click();
    await expect.poll(() => popup.locator('.sessions li').count(), POLL).toBe(1);
    await popup.getByRole('button', { name: L('logOutAndClear') }).click();
    await expect.poll(() => popup.getByRole('status').getAttribute('data-verified'), POLL).toBe('true');

    const after = await cookies();
    expect(after.filter((c) => c.host === CITY_DOMAIN || c.host.endsWith(`.${CITY_DOMAIN}`))).toEqual([]);
    expect(has(after, city.hosts.idp, city.idpCookies.sso), 'the IdP’s SSO cookie is gone').toBe(false);
    expect(has(after, city.hosts.newspaper, city.newspaper.cookie), 'a stranger’s cookie stays').toBe(true);
    await expect.poll(() => page.isClosed(), POLL).toBe(true);
    await popup.close();
    await paper.close();
  });

  it('a listed site: the popup names its rule and offers nothing', async () => {
    const page = await session.context.newPage();
    await page.goto(`${city.urls.vklass.origin}/`);
    const popup = await popupFor(page);
    expect(await popup.locator('.site-title').textContent()).toContain(L('siteProtected', 'Vklass'));
    expect(await popup.locator('section.site').getAttribute('data-protected')).toBe('true');
    expect(await popup.getByRole('button', { name: L('siteProtect') }).count()).toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Is my service covered?', () => {
  it('answers for a listed host, a name and an unlisted host; axe clean', async () => {
    const options = await openExtensionPage(session.context, 'options.html');
    const field = options.getByLabel(L('coverLabel'));
    const answers = options.locator('.coverage-answers');
    expect(await answers.getAttribute('aria-live')).toBe('polite');

    await field.fill('e-tjanster.jarfalla.se');
    await expect
      .poll(() => answers.textContent(), POLL)
      .toContain(L('coverYesPack', 'Järfälla kommun', L('packSeKommuner')));
    await field.fill('jarfalla');
    await expect.poll(() => answers.textContent(), POLL).toContain('Järfälla kommun');
    await field.fill(`https://minasidor.okandkommun.se/start?x=1`);
    await expect
      .poll(() => answers.textContent(), POLL)
      .toContain(L('coverUnlisted', 'minasidor.okandkommun.se'));
    expect(await answers.textContent()).toContain(L('coverUnlistedHelp'));
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });
});
