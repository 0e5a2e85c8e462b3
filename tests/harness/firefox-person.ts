/**
 * What a person at the computer does, in real Firefox through puppeteer-core (the Firefox twin of
 * person.ts + scenario.ts, which drive Chromium through playwright-core). Every wait polls the
 * document, so a navigation in between (redirects, the IdP's auto-POST) never breaks it.
 */
import type { Page } from 'puppeteer-core';
import type { ServiceUrls, Sim } from '../sim/server';
import type { Person } from '../sim/services';

export { ANNA, BERIT } from './scenario';

type SimView = Pick<Sim, 'urls'>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the top document matches `selector` (an attribute selector on `<body>`, say). Survives
 * navigations: a context destroyed mid-evaluation only means "not yet".
 */
export async function waitForSelectorAcrossNavigations(
  page: Page,
  selector: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await page
      .evaluate((s) => document.readyState !== 'loading' && document.querySelector(s) !== null, selector)
      .catch(() => false);
    if (found) return;
    if (Date.now() > deadline) {
      const where = await page.evaluate(() => location.href).catch(() => page.url());
      throw new Error(`"${selector}" did not appear within ${timeoutMs} ms (page: ${where})`);
    }
    await sleep(100);
  }
}

/** `data-*` attribute of `<body>` (camelCase key, e.g. `loggedInAs`), or null. */
export async function bodyData(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => document.body?.dataset[k] ?? null, key);
}

/** Navigates and waits for the load event; on a loaded machine the first load can take a while. */
export async function open(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
}

/**
 * Logs in the way a person does (IdP login page, name and personnummer, "Logga in med BankID").
 * Resolves on "Mina sidor" once its scripts have stored the data. Throws if the browser was already
 * logged in as someone.
 */
export async function loginAs(page: Page, service: ServiceUrls, person: Person): Promise<void> {
  await open(page, service.login);
  await waitForSelectorAcrossNavigations(page, 'body[data-page="overview"], body[data-page="idp-login"]');
  const already = await bodyData(page, 'loggedInAs');
  if (already) throw new Error(`${service.origin} logged in as "${already}" without anyone typing`);
  await page.type('#name', person.name);
  await page.type('#personnummer', person.personnummer);
  await page.click('button.bankid');
  await waitForSelectorAcrossNavigations(page, 'body[data-page="overview"][data-storage-ready]', 30_000);
  const shown = await bodyData(page, 'loggedInAs');
  if (shown !== person.name)
    throw new Error(`expected to be logged in as ${person.name}, page says ${shown}`);
}

/** Opens the receipt sent with `Cache-Control: private, max-age=3600` (puts it in the HTTP cache). */
export async function openReceipt(page: Page, service: ServiceUrls): Promise<void> {
  await open(page, service.receipt);
  await waitForSelectorAcrossNavigations(page, 'body[data-page="receipt"]');
}

/** Reads the local newspaper: it sets its own cookie and localStorage, which must survive everything. */
export async function readNewspaper(page: Page, sim: SimView): Promise<void> {
  await open(page, sim.urls.newspaper.start);
  await waitForSelectorAcrossNavigations(page, 'body[data-storage-ready]');
}

/**
 * Presses the site's own "Logga ut" on "Mina sidor" — the link (GET) or the form button (POST) — and
 * waits for the site's answer. Returns the `data-page` shown, or null when it never came.
 */
export async function clickLogout(
  page: Page,
  service: ServiceUrls,
  how: 'link' | 'form',
): Promise<string | null> {
  if (!page.url().startsWith(service.origin)) await open(page, service.overview);
  const target = how === 'link' ? service.logoutLink : service.logoutForm;
  await page.click(how === 'link' ? 'header a[href$="/logout"]' : 'header form button[type="submit"]');
  try {
    await waitForSelectorAcrossNavigations(page, 'body[data-page="logged-out"]', 15_000);
    if (!page.url().startsWith(target)) return null;
    return await bodyData(page, 'page');
  } catch {
    return null;
  }
}

/**
 * The first person's visit: reads the local newspaper, logs in to the kommun e-service, opens the
 * receipt (HTTP cache) and returns to "Mina sidor" (storage written again). Returns the tab used.
 */
export async function firstPersonVisit(page: Page, sim: SimView, person: Person): Promise<Page> {
  await readNewspaper(page, sim);
  await loginAs(page, sim.urls.kommun, person);
  await openReceipt(page, sim.urls.kommun);
  await open(page, sim.urls.kommun.overview);
  await waitForSelectorAcrossNavigations(page, 'body[data-page="overview"][data-storage-ready]');
  return page;
}
