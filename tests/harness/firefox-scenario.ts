/**
 * Firefox scenarios against the simulated municipality (the twin of scenario.ts): the sim on a free
 * port with the port in its URLs (Firefox maps hostnames to loopback with `network.dns.forceResolve`,
 * which knows no ports), Firefox ESR with the extension installed in the profile (it survives a
 * restart as a real installation does), a privileged extension page to read what the extension and
 * the browser hold, and the triggers by which the first person leaves.
 */
import type { BrowserContext, Page } from 'puppeteer-core';
import type { Sim } from '../sim/server';
import { type FirefoxSession, launchFirefox } from './firefox';
import type { FirefoxCookie } from './firefox-next-person';
import { clickLogout } from './firefox-person';

export type FirefoxTrigger = 'logout-link' | 'logout-form' | 'close-tab' | 'restart' | 'button';

/** The purge trigger the extension records for each way of leaving. */
export const PURGE_TRIGGER: Record<FirefoxTrigger, string> = {
  'logout-link': 'site-logout',
  'logout-form': 'site-logout',
  'close-tab': 'tab-closed',
  restart: 'startup',
  button: 'button',
};

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every sim hostname to loopback. */
export const hostMapFor = (sim: Pick<Sim, 'hosts'>) =>
  Object.fromEntries(Object.values(sim.hosts).map((h) => [h, '127.0.0.1']));

/**
 * A Firefox with the extension, plus one extension page kept open as a privileged reader (reopened after
 * a restart): every cookie in every store, the extension's storage.
 */
export interface FirefoxLab {
  firefox: FirefoxSession;
  allCookies(): Promise<FirefoxCookie[]>;
  /** The extension's `storage.local` / `storage.session` item, e.g. `last-report`. */
  stored<T>(area: 'local' | 'session', key: string): Promise<T | undefined>;
  /** Resolves once the background has done its start-up work (it marks the browser session). */
  backgroundReady(timeoutMs?: number): Promise<void>;
  /**
   * Remembers the cookie store of every open tab (containers the tests opened) for `allCookies`, and
   * gives each container a colour and an icon, as containers made in Firefox's UI have: WebDriver BiDi
   * makes them without, and then `contextualIdentities.query` fails for every extension ("Invalid icon").
   */
  noteStores(): Promise<string[]>;
  /** Polls until a purge by `trigger` finished at or after `since`; returns its receipt. */
  purgeDone(trigger: string, since: number, timeoutMs?: number): Promise<ReportView>;
  close(): Promise<void>;
}

export async function launchLab(
  sim: Pick<Sim, 'hosts'>,
  prefs: Record<string, unknown> = {},
): Promise<FirefoxLab> {
  const firefox = await launchFirefox({
    withExtension: true,
    install: 'profile',
    hostMap: hostMapFor(sim),
    prefs,
  });
  let probe: { page: Page; of: FirefoxSession['browser'] } | undefined;
  /** Cookie stores the tests opened tabs in: read even when the extension may not list containers. */
  const knownStores = new Set<string>();
  const page = async (): Promise<Page> => {
    if (!probe || probe.of !== firefox.browser || probe.page.isClosed())
      probe = { page: await firefox.openExtensionPage('popup.html', 30_000), of: firefox.browser };
    return probe.page;
  };

  const lab: FirefoxLab = {
    firefox,
    async allCookies() {
      return (await page()).evaluate(
        async (known: string[]) => {
          type Api = {
            cookies: {
              getAllCookieStores(): Promise<{ id: string }[]>;
              getAll(d: object): Promise<FirefoxCookie[]>;
            };
            contextualIdentities?: { query(d: object): Promise<{ cookieStoreId: string }[]> };
          };
          const b = (globalThis as unknown as { browser: Api }).browser;
          const stores = new Set([...known, ...(await b.cookies.getAllCookieStores()).map((s) => s.id)]);
          // Containers without an open tab are listed only here (when the extension may see containers).
          for (const c of (await b.contextualIdentities?.query({}).catch(() => [])) ?? [])
            stores.add(c.cookieStoreId);
          const found = await Promise.all(
            [...stores].map((storeId) =>
              b.cookies.getAll({ storeId, partitionKey: {}, firstPartyDomain: null }),
            ),
          );
          return found.flat().map((c) => ({
            name: c.name,
            value: c.value,
            domain: c.domain,
            path: c.path,
            storeId: c.storeId,
            partitionKey: c.partitionKey ?? null,
            firstPartyDomain: c.firstPartyDomain ?? '',
          }));
        },
        [...knownStores],
      );
    },
    async stored<T>(area: 'local' | 'session', key: string) {
      return (await page()).evaluate(
        async (a, k) => {
          const b = (
            globalThis as unknown as {
              browser: { storage: Record<string, { get(k: string): Promise<Record<string, unknown>> }> };
            }
          ).browser;
          return (await b.storage[a]!.get(k))[k];
        },
        area,
        key,
      ) as Promise<T | undefined>;
    },
    async backgroundReady(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await lab.stored('session', 'browser-session').catch(() => undefined))) {
        if (Date.now() > deadline) throw new Error('the extension’s background did not start');
        await sleep(100);
      }
    },
    async noteStores() {
      const ids = await (await page()).evaluate(async () => {
        type Api = {
          tabs: { query(q: object): Promise<{ cookieStoreId?: string }[]> };
          contextualIdentities?: { update(id: string, d: object): Promise<unknown> };
        };
        const b = (globalThis as unknown as { browser: Api }).browser;
        const stores = new Set(
          (await b.tabs.query({})).flatMap((t) => (t.cookieStoreId ? [t.cookieStoreId] : [])),
        );
        for (const id of stores)
          if (id.startsWith('firefox-container-'))
            await b.contextualIdentities
              ?.update(id, { color: 'blue', icon: 'briefcase' })
              .catch(() => undefined);
        return [...stores];
      });
      for (const id of ids) knownStores.add(id);
      return [...knownStores];
    },
    async purgeDone(trigger, since, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const report = await lab.stored<ReportView>('local', 'last-report').catch(() => undefined);
        if (report && report.trigger === trigger && report.finishedAt >= since) return report;
        if (Date.now() > deadline) {
          const [groups, pending, journal, tabs] = await Promise.all([
            lab.stored('session', 'groups').catch(String),
            lab.stored('session', 'pending-purges').catch(String),
            lab.stored('session', 'purge-journal').catch(String),
            (await page())
              .evaluate(async () => {
                type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
                const tabs = await (globalThis as unknown as { browser: Tabs }).browser.tabs.query({});
                return tabs.map((t) => `${t.id} ${t.url}`);
              })
              .catch(String),
          ]);
          throw new Error(
            `no ${trigger} purge within ${timeoutMs} ms; last report ${JSON.stringify(report)}; ` +
              `session ${JSON.stringify(groups)}; pending ${JSON.stringify(pending)}; ` +
              `journal ${JSON.stringify(journal)}; tabs ${JSON.stringify(tabs)}`,
          );
        }
        await sleep(100);
      }
    },
    close: () => firefox.close(),
  };
  await lab.backgroundReady();
  return lab;
}

/**
 * The first person leaves by `trigger` from `page` (on "Mina sidor"). Returns the time the trigger
 * started, for `purgeDone`.
 */
export async function performTrigger(
  lab: FirefoxLab,
  page: Page,
  sim: Pick<Sim, 'urls'>,
  trigger: FirefoxTrigger,
): Promise<number> {
  const since = Date.now();
  switch (trigger) {
    case 'logout-link':
    case 'logout-form': {
      const shown = await clickLogout(page, sim.urls.kommun, trigger === 'logout-link' ? 'link' : 'form');
      if (shown !== 'logged-out') throw new Error(`the site's logout page did not come (got ${shown})`);
      break;
    }
    case 'close-tab':
      await page.close();
      break;
    case 'restart':
      await lab.firefox.restart();
      break;
    case 'button': {
      const popup = await lab.firefox.openExtensionPage('popup.html');
      await popup.locator('::-p-text(Log out and clear)').click();
      break;
    }
  }
  return since;
}

/** A new container (a WebDriver BiDi user context is a Firefox container) and a tab in it. */
export async function containerTab(lab: FirefoxLab): Promise<{ context: BrowserContext; page: Page }> {
  const context = await lab.firefox.browser.createBrowserContext();
  const page = await context.newPage();
  await lab.noteStores();
  return { context, page };
}
