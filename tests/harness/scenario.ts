import type { Page } from 'playwright-core';
import type { Sim } from '../sim/server';
import type { Person } from '../sim/services';
import { type ChromiumSession, restartBrowser } from './chromium';
import { waitForCookiesOnDisk } from './cookies-on-disk';
import { clickLogout, loginAs, openReceipt, readNewspaper } from './person';

/** How the first person "leaves": the triggers the product must handle. */
export type Trigger = 'logout-link' | 'logout-form' | 'logout-script' | 'close-tab' | 'restart' | 'crash';

const LOGOUT_STYLE = { 'logout-link': 'link', 'logout-form': 'form', 'logout-script': 'script' } as const;

export const TRIGGER_LABELS: Record<Trigger, string> = {
  'logout-link': 'clicks the site’s “Logga ut” link',
  'logout-form': 'clicks the site’s “Logga ut” button',
  'logout-script':
    'clicks the icon-only “Logga ut” button of the site’s account menu (a script logout: no page loads)',
  'close-tab': 'closes the tab',
  restart: 'closes the browser; it is started again',
  crash: 'the browser crashes; it is started again',
};

export const ANNA: Person = { name: 'Anna Andersson', personnummer: '19850312-2384' };
export const BERIT: Person = { name: 'Berit Öberg', personnummer: '19620401-5582' };

type SimView = Pick<Sim, 'urls' | 'services' | 'idpCookies' | 'newspaper'>;

/**
 * The first person's visit: reads the local newspaper, logs in to the kommun e-service, opens the
 * receipt (HTTP cache) and returns to "Mina sidor". Returns the tab they used (a tab of its own, so that
 * closing it leaves the browser running). `step` is called after each step (the walkthrough narrates
 * and takes screenshots there).
 */
export async function firstPersonVisit(
  session: ChromiumSession,
  sim: SimView,
  person: Person = ANNA,
  step: (
    done: 'newspaper' | 'logged-in' | 'receipt' | 'overview',
    page: Page,
  ) => Promise<void> = async () => {},
): Promise<Page> {
  const page = await session.context.newPage();
  await readNewspaper(page, sim);
  await step('newspaper', page);
  await loginAs(page, sim.urls.kommun, person);
  await step('logged-in', page);
  await openReceipt(page, sim.urls.kommun);
  await step('receipt', page);
  await page.goto(sim.urls.kommun.overview);
  await page.locator('body[data-storage-ready]').waitFor({ timeout: 10_000 });
  // The profile from the platform API (cross-site) is in the HTTP cache under the kommun's pages.
  await page.locator(`body[data-api-as="${person.name}"]`).waitFor({ timeout: 10_000 });
  await step('overview', page);
  return page;
}

/**
 * Performs the trigger. For `crash`, first waits until the persistent cookies reached the profile's
 * cookie file (Chromium commits about every 30 s) so the crash shows what a crash really leaves.
 * Returns milliseconds spent waiting for the cookie file (0 for other triggers).
 */
export async function performTrigger(
  session: ChromiumSession,
  page: Page,
  sim: SimView,
  trigger: Trigger,
): Promise<{ cookieWaitMs: number }> {
  switch (trigger) {
    case 'logout-link':
    case 'logout-form':
    case 'logout-script':
      await clickLogout(page, sim.urls.kommun, LOGOUT_STYLE[trigger]);
      return { cookieWaitMs: 0 };
    case 'close-tab':
      await page.close();
      return { cookieWaitMs: 0 };
    case 'restart':
      await restartBrowser(session, { crash: false });
      return { cookieWaitMs: 0 };
    case 'crash': {
      const cookieWaitMs = await waitForCookiesOnDisk(session.profileDir, [
        sim.idpCookies.sso,
        sim.services.kommun.prefsCookie,
        sim.newspaper.cookie,
      ]);
      await restartBrowser(session, { crash: true });
      return { cookieWaitMs };
    }
  }
}
