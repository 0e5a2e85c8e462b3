/**
 * The scenario, written once for both browsers (browser-session.ts): the first person's visit, the ways they
 * leave, and the receipt the extension keeps of the purge that follows.
 */
import type { Sim } from '../sim/server';
import type { Person } from '../sim/services';
import type { BrowserSession, Tab } from './browser-session';
import { waitForCookiesOnDisk } from './cookies-on-disk';
import { clickLogout, loginAs, openReceipt, readNewspaper } from './person';

/** How the first person "leaves": the triggers the product must handle. */
export type Trigger =
  | 'logout-link'
  | 'logout-form'
  | 'logout-script'
  | 'close-tab'
  | 'restart'
  | 'crash'
  | 'button';

const LOGOUT_STYLE = { 'logout-link': 'link', 'logout-form': 'form', 'logout-script': 'script' } as const;

export const TRIGGER_LABELS: Record<Trigger, string> = {
  'logout-link': 'clicks the site’s “Logga ut” link',
  'logout-form': 'clicks the site’s “Logga ut” button',
  'logout-script':
    'clicks the icon-only “Logga ut” button of the site’s account menu (a script logout: no page loads)',
  'close-tab': 'closes the tab',
  restart: 'closes the browser; it is started again',
  crash: 'the browser crashes; it is started again',
  button: 'presses “Log out and clear” in the extension’s popup',
};

/** The purge trigger the extension records for each way of leaving (utils/purge/types.ts `PurgeTrigger`). */
export const PURGE_TRIGGER: Record<Trigger, string> = {
  'logout-link': 'site-logout',
  'logout-form': 'site-logout',
  'logout-script': 'site-logout',
  'close-tab': 'last-tab-closed',
  restart: 'browser-start',
  crash: 'browser-start',
  button: 'button',
};

export const ANNA: Person = { name: 'Anna Andersson', personnummer: '19850312-2384' };
export const BERIT: Person = { name: 'Berit Öberg', personnummer: '19620401-5582' };

type SimView = Pick<Sim, 'urls' | 'services' | 'idpCookies' | 'newspaper'>;

export type VisitStep = 'newspaper' | 'logged-in' | 'receipt' | 'overview';

/**
 * The first person's visit: reads the local newspaper, logs in to the kommun e-service, opens the
 * receipt (HTTP cache) and returns to "Mina sidor" (storage written again, the platform API's profile fetched).
 * Returns the tab they used: `tab` (a container tab, say) or a tab of its own, so that closing it leaves the
 * browser running. `step` is called after each step (the walkthrough narrates and takes screenshots there).
 */
export async function firstPersonVisit<P>(
  session: BrowserSession<P>,
  sim: SimView,
  person: Person = ANNA,
  o: { tab?: Tab<P>; step?: (done: VisitStep, tab: Tab<P>) => Promise<void> } = {},
): Promise<Tab<P>> {
  const tab = o.tab ?? (await session.newTab());
  const step = o.step ?? (async () => {});
  await readNewspaper(tab, sim);
  await step('newspaper', tab);
  await loginAs(tab, sim.urls.kommun, person);
  await step('logged-in', tab);
  await openReceipt(tab, sim.urls.kommun);
  await step('receipt', tab);
  await tab.goto(sim.urls.kommun.overview);
  await tab.waitFor('body[data-page="overview"][data-storage-ready]');
  // The profile from the platform API (cross-site) is in the HTTP cache under the kommun's pages.
  await tab.waitFor(`body[data-api-as="${person.name}"]`);
  await step('overview', tab);
  return tab;
}

/**
 * Performs the trigger from `tab` (on "Mina sidor"). For `crash` (Chromium), first waits until the persistent
 * cookies reached the profile's cookie file (Chromium commits about every 30 s) so the crash shows what a
 * crash really leaves. Returns when the trigger started (for `purgeDone`) and the milliseconds spent waiting
 * for the cookie file (0 for other triggers).
 */
export async function performTrigger<P>(
  session: BrowserSession<P>,
  tab: Tab<P>,
  sim: SimView,
  trigger: Trigger,
): Promise<{ since: number; cookieWaitMs: number }> {
  const since = Date.now();
  switch (trigger) {
    case 'logout-link':
    case 'logout-form':
    case 'logout-script': {
      const shown = await clickLogout(tab, sim.urls.kommun, LOGOUT_STYLE[trigger]);
      if (shown !== 'logged-out') throw new Error(`the site's logout page did not come (got ${shown})`);
      return { since, cookieWaitMs: 0 };
    }
    case 'close-tab':
      await tab.close();
      return { since, cookieWaitMs: 0 };
    case 'restart':
      await session.restart();
      return { since, cookieWaitMs: 0 };
    case 'crash': {
      if (!('profileDir' in session) || session.browserName !== 'chromium')
        throw new Error('crash: Chromium only');
      const cookieWaitMs = await waitForCookiesOnDisk(String(session.profileDir), [
        sim.idpCookies.sso,
        sim.services.kommun.prefsCookie,
        sim.newspaper.cookie,
      ]);
      await session.restart({ crash: true });
      return { since, cookieWaitMs };
    }
    case 'button': {
      const popup = await session.openExtensionPage('popup.html');
      await popup.clickButton('Log out and clear');
      return { since, cookieWaitMs: 0 };
    }
  }
}

/** The parts of the extension's receipt the tests read (utils/purge/types.ts `PurgeReport`). */
export interface ReportView {
  trigger: string;
  startedAt: number;
  finishedAt: number;
  verified: boolean;
  failures: { step: string; message: string }[];
  leftovers: unknown[];
  tabsClosed: number;
  cookieSitesCleared: number;
}

/** Polls until a purge by `trigger` finished at or after `since`; returns its receipt. */
export async function purgeDone(
  session: BrowserSession,
  trigger: string,
  since: number,
  timeoutMs = 30_000,
): Promise<ReportView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Where the product keeps the last receipt: in memory in shared-computer mode, else on disk.
    const report =
      (await session.stored<ReportView>('session', 'last-report').catch(() => undefined)) ??
      (await session.stored<ReportView>('local', 'last-report').catch(() => undefined));
    if (report && report.trigger === trigger && report.finishedAt >= since) return report;
    if (Date.now() > deadline) {
      const [groups, pending, journal] = await Promise.all(
        ['groups', 'pending-purges', 'purge-journal'].map((k) => session.stored('session', k).catch(String)),
      );
      throw new Error(
        `no ${trigger} purge within ${timeoutMs} ms; last report ${JSON.stringify(report)}; ` +
          `session ${JSON.stringify(groups)}; pending ${JSON.stringify(pending)}; ` +
          `journal ${JSON.stringify(journal)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Visits of one URL in the browser's history (a URL reached only as a redirect hop is kept, though no search lists it), read from an extension page. */
export async function visitsOf(session: BrowserSession, url: string): Promise<number> {
  const page = await session.openExtensionPage('popup.html');
  try {
    return await page.evaluate(async (u) => {
      type Api = { history: { getVisits: (d: object) => Promise<unknown[]> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (g.browser ?? g.chrome).history.getVisits({ url: u })).length;
    }, url);
  } finally {
    await page.close();
  }
}
