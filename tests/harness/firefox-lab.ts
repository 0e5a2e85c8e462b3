/**
 * Firefox as a `BrowserSession` (browser-session.ts) against the simulated municipality: the sim on a free
 * port with the port in its URLs (Firefox maps hostnames to loopback with `network.dns.forceResolve`, which
 * knows no ports), Firefox ESR with the extension installed in the profile (it survives a restart as a real
 * installation does), and a privileged extension page kept open to read what the extension and the browser
 * hold. Every wait polls the document, so a navigation in between never breaks it.
 */
import type { BrowserContext, Page } from 'puppeteer-core';
import type { Sim } from '../sim/server';
import {
  type BrowserCookie,
  type BrowserSession,
  pollUntil,
  type Tab,
  type WaitKind,
} from './browser-session';
import { type FirefoxSession, launchFirefox } from './firefox';

/** How long a Firefox tab waits (browser-session.ts `WaitKind`): first loads over BiDi take a while here. */
const WAIT_MS: Record<WaitKind, number> = { step: 15_000, redirects: 15_000, login: 30_000 };

/** A puppeteer page as a `Tab`. */
export function firefoxTab(page: Page): Tab<Page> {
  const tab: Tab<Page> = {
    page,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    },
    waitFor: (selector, kind = 'step') =>
      pollUntil(
        () =>
          page.evaluate(
            (s) => document.readyState !== 'loading' && document.querySelector(s) !== null,
            selector,
          ),
        WAIT_MS[kind],
        async () =>
          `"${selector}" did not appear (page: ${await page.evaluate(() => location.href).catch(() => page.url())})`,
      ),
    bodyData: (key) => page.evaluate((k) => document.body?.dataset[k] ?? null, key),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      // biome-ignore lint/suspicious/noExplicitAny: the driver's own PageFunction type, bridged once here
      page.evaluate(fn as any, arg) as Promise<R>,
    fill: (selector, text) => page.type(selector, text),
    click: (selector) => page.click(selector),
    clickButton: (name) => page.locator(`::-p-text(${name})`).click(),
    url: () => page.url(),
    isClosed: () => page.isClosed(),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
  return tab;
}

/** Every sim hostname to loopback. */
export const hostMapFor = (sim: Pick<Sim, 'hosts'>) =>
  Object.fromEntries(Object.values(sim.hosts).map((h) => [h, '127.0.0.1']));

/** A Firefox with the extension, as a `BrowserSession`, plus what only Firefox has. */
export interface FirefoxLab extends BrowserSession<Page> {
  firefox: FirefoxSession;
  /** Resolves once the background has done its start-up work (it marks the browser session). */
  backgroundReady(timeoutMs?: number): Promise<void>;
  /**
   * Remembers the cookie store of every open tab (containers the tests opened) for `allCookies`, and
   * gives each container a colour and an icon, as containers made in Firefox's UI have: WebDriver BiDi
   * makes them without, and then `contextualIdentities.query` fails for every extension ("Invalid icon").
   */
  noteStores(): Promise<string[]>;
  /** A new container (a WebDriver BiDi user context is a Firefox container) and a tab in it. */
  containerTab(): Promise<{ context: BrowserContext; tab: Tab<Page> }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchLab(
  sim: Pick<Sim, 'hosts'>,
  prefs: Record<string, unknown> = {},
  /** A profile prepared beforehand (kept after `close()`: its maker removes it). */
  options: { profileDir?: string } = {},
): Promise<FirefoxLab> {
  const firefox = await launchFirefox({
    withExtension: true,
    install: 'profile',
    hostMap: hostMapFor(sim),
    prefs,
    ...(options.profileDir ? { profileDir: options.profileDir } : {}),
  });
  let probe: { page: Page; of: FirefoxSession['browser'] } | undefined;
  /** Cookie stores the tests opened tabs in: read even when the extension may not list containers. */
  const knownStores = new Set<string>();
  /** The privileged reader, reopened after a restart. */
  const page = async (): Promise<Page> => {
    if (!probe || probe.of !== firefox.browser || probe.page.isClosed())
      probe = { page: await firefox.openExtensionPage('popup.html', 30_000), of: firefox.browser };
    return probe.page;
  };

  const lab: FirefoxLab = {
    firefox,
    browserName: 'firefox',
    newTab: async () => firefoxTab(await firefox.browser.newPage()),
    tabUrls: async () => (await firefox.browser.pages()).map((p) => p.url()),
    openExtensionPage: async (path) => firefoxTab(await firefox.openExtensionPage(path)),
    async allCookies() {
      return (await page()).evaluate(
        async (known: string[]) => {
          type Cookie = BrowserCookie & { partitionKey?: { topLevelSite?: string } | null };
          type Api = {
            cookies: {
              getAllCookieStores(): Promise<{ id: string }[]>;
              getAll(d: object): Promise<Cookie[]>;
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
    async restart(o = {}) {
      if (o.crash)
        throw new Error('the Firefox harness has no crash (Firefox restores the session after one)');
      await firefox.restart();
    },
    async stopWorker() {
      throw new Error('Firefox (MV2) runs the extension in a background page: there is no worker to stop');
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
    async containerTab() {
      const context = await firefox.browser.createBrowserContext();
      const tab = firefoxTab(await context.newPage());
      await lab.noteStores();
      return { context, tab };
    },
    close: () => firefox.close(),
  };
  await lab.backgroundReady();
  return lab;
}
