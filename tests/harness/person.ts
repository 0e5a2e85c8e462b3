/**
 * What a person at the computer does, in either browser: each step takes a `Tab` (browser-session.ts) or the
 * driver's own page (a playwright-core page in Chromium, a puppeteer-core page in Firefox). `service` is one
 * of `sim.urls.kommun` / `sim.urls.vklass`.
 */
import type { Page as ChromiumPage, Download } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import type { ServiceUrls, Sim } from '../sim/server';
import type { Person } from '../sim/services';
import { isTab, type Tab } from './browser-session';
import { chromiumTab } from './chromium';
import { firefoxTab } from './firefox-lab';

export type PageLike = Tab | ChromiumPage | FirefoxPage;

/** The page as a `Tab` (playwright pages have `getByRole`; puppeteer pages do not). */
export function asTab(page: PageLike): Tab {
  if (isTab(page)) return page;
  return 'getByRole' in page ? chromiumTab(page) : firefoxTab(page);
}

/**
 * Logs in the way a person does: the service sends them to the IdP, they type name and personnummer
 * and press "Logga in med BankID". Resolves on "Mina sidor" once its scripts have stored the data.
 * Throws if the browser was already logged in as someone (the leak this project is about).
 */
export async function loginAs(page: PageLike, service: ServiceUrls, person: Person): Promise<void> {
  const tab = asTab(page);
  await tab.goto(service.login);
  await tab.waitFor('body[data-page="overview"], body[data-page="idp-login"]', 'redirects');
  const already = await tab.bodyData('loggedInAs');
  if (already) throw new Error(`${service.origin} logged in as "${already}" without anyone typing`);
  await tab.fill('#name', person.name);
  await tab.fill('#personnummer', person.personnummer);
  await tab.click('button.bankid');
  await tab.waitFor('body[data-page="overview"][data-storage-ready]', 'login');
  const shown = await tab.bodyData('loggedInAs');
  if (shown !== person.name)
    throw new Error(`expected to be logged in as ${person.name}, page says ${shown}`);
}

/** Opens the receipt sent with `Cache-Control: private, max-age=3600` (puts it in the HTTP cache). */
export async function openReceipt(page: PageLike, service: ServiceUrls): Promise<void> {
  const tab = asTab(page);
  await tab.goto(service.receipt);
  await tab.waitFor('body[data-page="receipt"]');
}

/** Reads the local newspaper: it sets its own cookie and localStorage, which must survive everything. */
export async function readNewspaper(page: PageLike, sim: Pick<Sim, 'urls'>): Promise<void> {
  const tab = asTab(page);
  await tab.goto(sim.urls.newspaper.start);
  await tab.waitFor('body[data-storage-ready]');
}

/** The site's own ways to log out, on "Mina sidor". */
const LOGOUT_CONTROL = {
  link: 'header a[href$="/logout"]',
  form: 'header form button[type="submit"]',
  // The design system's account menu: an icon-only button in a shadow root.
  script: 'button[aria-label="Logga ut från Mina sidor"]',
} as const;

/**
 * Presses the site's own "Logga ut" from "Mina sidor" — the link (GET), the form button (POST) or the account
 * menu's icon-only button (a script: the page redraws itself, no URL changes) — and waits for the site's answer
 * ("Du är utloggad"). Returns the `data-page` shown, or null when the site's page never came (something else
 * took over the tab).
 */
export async function clickLogout(
  page: PageLike,
  service: ServiceUrls,
  how: keyof typeof LOGOUT_CONTROL,
): Promise<string | null> {
  const tab = asTab(page);
  if (!tab.url().startsWith(service.origin)) await tab.goto(service.overview);
  await tab.click(LOGOUT_CONTROL[how]);
  try {
    await tab.waitFor('body[data-page="logged-out"]');
    if (how !== 'script' && !tab.url().startsWith(how === 'link' ? service.logoutLink : service.logoutForm))
      return null;
    return await tab.bodyData('page');
  } catch {
    return null;
  }
}

/** Downloads the decision PDF from "Mina sidor" (page must be on the overview; Chromium's download events). */
export async function downloadPdf(page: ChromiumPage): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.getByRole('link', { name: /Ladda ner beslut/ }).click(),
  ]);
  return download;
}
