import type { Download, Page } from 'playwright-core';
import type { ServiceUrls, Sim } from '../sim/server';
import type { Person } from '../sim/services';

/** What a person at the computer does. `service` is one of `sim.urls.kommun` / `sim.urls.vklass`. */

const FINAL_LOGIN_STATE = 'body[data-page="overview"], body[data-page="idp-login"]';

/**
 * Logs in the way a person does: the service sends them to the IdP, they type name and personnummer
 * and press "Logga in med BankID". Resolves on "Mina sidor" once its scripts have stored the data.
 * Throws if the browser was already logged in as someone (the leak this project is about).
 */
export async function loginAs(page: Page, service: ServiceUrls, person: Person): Promise<void> {
  await page.goto(service.login);
  await page.locator(FINAL_LOGIN_STATE).waitFor({ timeout: 15_000 });
  const already = await page.getAttribute('body', 'data-logged-in-as');
  if (already) throw new Error(`${service.origin} logged in as "${already}" without anyone typing`);
  await page.getByLabel('Namn').fill(person.name);
  await page.getByLabel(/Personnummer/).fill(person.personnummer);
  await page.getByRole('button', { name: 'Logga in med BankID' }).click();
  await page.locator('body[data-page="overview"][data-storage-ready]').waitFor({ timeout: 15_000 });
  const shown = await page.getAttribute('body', 'data-logged-in-as');
  if (shown !== person.name)
    throw new Error(`expected to be logged in as ${person.name}, page says ${shown}`);
}

/** Opens the receipt sent with `Cache-Control: private, max-age=3600` (puts it in the HTTP cache). */
export async function openReceipt(page: Page, service: ServiceUrls): Promise<void> {
  await page.goto(service.receipt);
  await page.locator('body[data-page="receipt"]').waitFor({ timeout: 10_000 });
}

/** Downloads the decision PDF from "Mina sidor" (page must be on the overview). */
export async function downloadPdf(page: Page): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.getByRole('link', { name: /Ladda ner beslut/ }).click(),
  ]);
  return download;
}

/** Reads the local newspaper: it sets its own cookie and localStorage, which must survive everything. */
export async function readNewspaper(page: Page, sim: Pick<Sim, 'urls'>): Promise<void> {
  await page.goto(sim.urls.newspaper.start);
  await page.locator('body[data-storage-ready]').waitFor({ timeout: 10_000 });
}

/**
 * Presses the site's own "Logga ut" — as a link (GET) or as the form button (POST) — from "Mina sidor",
 * and waits for the site's answer ("Du är utloggad"). Returns the `data-page` shown, or null when the
 * site's page never came (something else took over the tab).
 */
export async function clickLogout(
  page: Page,
  service: ServiceUrls,
  how: 'link' | 'form' | 'script',
): Promise<string | null> {
  if (!page.url().startsWith(service.origin)) await page.goto(service.overview);
  if (how === 'script') {
    // The account menu's icon-only button (in a shadow root): the page redraws itself, no URL changes.
    await page.getByRole('button', { name: 'Logga ut från Mina sidor' }).click();
    try {
      await page.locator('body[data-page="logged-out"]').waitFor({ timeout: 10_000 });
      return await page.getAttribute('body', 'data-page');
    } catch {
      return null;
    }
  }
  const target = how === 'link' ? service.logoutLink : service.logoutForm;
  const control =
    how === 'link'
      ? page.getByRole('link', { name: 'Logga ut', exact: true })
      : page.getByRole('button', { name: 'Logga ut', exact: true });
  await control.click();
  try {
    await page.waitForURL(target, { timeout: 10_000 });
    await page.locator('body[data-page]').waitFor({ timeout: 10_000 });
    return await page.getAttribute('body', 'data-page');
  } catch {
    return null;
  }
}
