import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Sim } from '../sim/server';
import { browserPid, waitForProfileProcessesGone } from './browser-process';
import type { BrowserSession, Tab, WaitKind } from './browser-session';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The built extension (`npx wxt build`); absolute, so the extension id stays stable. */
export const EXTENSION_DIR = resolve(REPO_ROOT, '.output/chrome-mv3');

/** `$CHROMIUM_PATH` when it exists, else Debian's /usr/bin/chromium (as scripts/ensure-browsers.mjs checks). */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  return fromEnv && existsSync(fromEnv) ? fromEnv : '/usr/bin/chromium';
}

export interface LaunchOptions {
  /** Load `.output/chrome-mv3` (or `extensionDir`). */
  withExtension?: boolean;
  extensionDir?: string;
  /** Default true. Headed needs a display (`display`, or `DISPLAY`, e.g. under `xvfb-run -a`). */
  headless?: boolean;
  /** The X display for a headed browser (`:N`, e.g. xvfb.ts's `startXvfb().name`); default `$DISPLAY`. */
  display?: string;
  /** Reuse this profile; default a fresh temp dir (removed by `close()`). */
  profileDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** Further unpacked extensions to load (test probes), with or without Safe Logout. */
  extraExtensions?: string[];
  /**
   * Return as soon as the browser runs, without `waitForExtensionReady` (default false): for a test of what
   * the person does in the first moments, before the extension's listeners exist.
   */
  skipExtensionReady?: boolean;
  /**
   * Keep the welcome page a fresh install opens (default false: it is closed as it appears, and a launch on a
   * fresh profile returns only once it has been, so a test starts with the tabs it opens itself).
   */
  keepWelcome?: boolean;
  /**
   * The extension comes from enterprise policy (`ExtensionInstallForcelist`, tests/harness/force-install.ts),
   * not from the command line: nothing is loaded with flags, the defaults that would keep Chromium from
   * fetching and running a policy-installed extension go, and the launch waits for its worker as with
   * `withExtension`. The policy must set `DeveloperToolsAvailability: 1` or the worker is out of the test's reach.
   */
  policyInstalled?: boolean;
}

/** The welcome page (utils/background/welcome.ts): a person's install opens it once, `--load-extension` too. */
export const isWelcomePage = (url: string) =>
  /^chrome-extension:\/\/[a-p]{32}\/welcome\.html(?:[?#]|$)/.test(url);

/**
 * Closes every welcome page of `context` the moment it shows; resolves when the first one was closed. A
 * person sees the page once after installing; the tests are about what comes after, and several count tabs or
 * empty a window (a purge then opens the start page), which one more tab would change.
 */
function closeWelcomePages(context: BrowserContext): Promise<void> {
  let closed: () => void = () => {};
  const done = new Promise<void>((r) => {
    closed = r;
  });
  const watch = (page: Page) => {
    const closeIfWelcome = (url: string) => {
      if (isWelcomePage(url)) void page.close().then(closed, () => {});
    };
    closeIfWelcome(page.url());
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) closeIfWelcome(frame.url());
    });
  };
  for (const p of context.pages()) watch(p);
  context.on('page', watch);
  return done;
}

/** How long a fresh install may take to open its welcome page once the worker is ready. */
const WELCOME_WAIT_MS = 15_000;

/** How long a Chromium tab waits (browser-session.ts `WaitKind`). */
const WAIT_MS: Record<WaitKind, number> = { step: 10_000, redirects: 15_000, login: 15_000 };

/** A playwright page as a `Tab`. */
export function chromiumTab(page: Page): Tab<Page> {
  return {
    page,
    goto: async (url) => {
      await page.goto(url);
    },
    waitFor: (selector, kind = 'step') => page.locator(selector).first().waitFor({ timeout: WAIT_MS[kind] }),
    bodyData: (key) => page.evaluate((k) => document.body?.dataset[k] ?? null, key),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      // biome-ignore lint/suspicious/noExplicitAny: the driver's own PageFunction type, bridged once here
      page.evaluate(fn as any, arg) as Promise<R>,
    fill: (selector, text) => page.locator(selector).fill(text),
    click: (selector) => page.locator(selector).click(),
    clickButton: (name) => page.getByRole('button', { name }).click(),
    url: () => page.url(),
    isClosed: () => page.isClosed(),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

/**
 * One running Chromium on one profile (a `BrowserSession` over playwright pages). `restart` swaps `context` and
 * `pid` in place.
 */
export interface ChromiumSession extends BrowserSession<Page> {
  context: BrowserContext;
  profileDir: string;
  /** Pid of the browser (main) process. */
  pid: number;
  sim: Pick<Sim, 'hostResolverRules' | 'certSpki' | 'urls'>;
  options: LaunchOptions;
  /**
   * What the extension's service workers printed (console and errors), newest last, across restarts of the
   * worker and of the browser: a failing test prints it (`workerLogTail`).
   */
  workerLog: string[];
  /** Closes the browser and removes the profile dir (if the harness made it). Safe to call twice. */
  close(): Promise<void>;
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
];

async function launchContext(
  sim: ChromiumSession['sim'],
  profileDir: string,
  o: LaunchOptions,
): Promise<BrowserContext> {
  const args = [
    // A policy-installed extension is fetched from its update URL: background networking must be allowed.
    ...BASE_ARGS.filter((a) => !(o.policyInstalled && a === '--disable-background-networking')),
    `--host-resolver-rules=${sim.hostResolverRules}`,
    // Without this the sim's certificate is an "error" that is ignored, and Chromium then keeps
    // nothing in its HTTP cache; with it the certificate is valid and caching behaves as in production.
    `--ignore-certificate-errors-spki-list=${sim.certSpki}`,
    ...(o.args ?? []),
  ];
  const extensions = (o.extraExtensions ?? []).map((d) => resolve(d));
  if (o.withExtension) {
    const dir = resolve(o.extensionDir ?? EXTENSION_DIR);
    if (!existsSync(join(dir, 'manifest.json')))
      throw new Error(`no built extension in ${dir}: run npx wxt build`);
    extensions.unshift(dir);
  }
  if (extensions.length)
    args.push(
      `--disable-extensions-except=${extensions.join(',')}`,
      `--load-extension=${extensions.join(',')}`,
    );
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: o.headless ?? true,
    args,
    // Playwright's default would disable extensions; keep Chromium's own behaviour otherwise.
    ignoreDefaultArgs: o.policyInstalled
      ? [
          '--disable-extensions',
          '--disable-component-extensions-with-background-pages',
          '--disable-background-networking',
        ]
      : extensions.length
        ? ['--disable-extensions']
        : [],
    acceptDownloads: true,
    // The caller owns shutdown (scripts/start.mjs closes sessions and removes profiles on Ctrl-C).
    handleSIGINT: false,
    handleSIGTERM: false,
    viewport: { width: 1100, height: 800 },
    locale: 'sv-SE',
    timeout: 30_000,
    ...(o.display ? { env: { ...process.env, DISPLAY: o.display } } : {}),
  });
}

const openSessions = new Set<ChromiumSession>();

const WORKER_LOG_MAX = 300;

/** Records every service worker's console of `context` (each start of the worker is a new Worker). */
function captureWorkerLog(context: BrowserContext, log: string[]): void {
  const push = (line: string) => {
    log.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (log.length > WORKER_LOG_MAX) log.splice(0, log.length - WORKER_LOG_MAX);
  };
  const watch = (w: import('playwright-core').Worker) => {
    push(`worker started ${w.url()}`);
    w.on('console', (m) => push(`${m.type()}: ${m.text()}`));
    w.on('close', () => push('worker closed'));
  };
  for (const w of context.serviceWorkers()) watch(w);
  context.on('serviceworker', watch);
}

/** The last lines of the worker log, for an error message. */
export function workerLogTail(session: ChromiumSession, lines = 40): string {
  return session.workerLog.slice(-lines).join('\n');
}

/** Closes every session this process launched and has not closed yet (for Ctrl-C and crashed runs). */
export async function closeAllSessions(): Promise<void> {
  await Promise.all([...openSessions].map((s) => s.close()));
}

/** Launches Chromium (persistent profile, host names mapped to the sim, certificate errors ignored). */
export async function launchChromium(
  sim: ChromiumSession['sim'],
  options: LaunchOptions = {},
): Promise<ChromiumSession> {
  const ownProfile = !options.profileDir;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'safe-logout-chromium-')));
  const freshProfile = !existsSync(join(profileDir, 'Default'));
  let context: BrowserContext;
  try {
    context = await launchContext(sim, profileDir, options);
  } catch (e) {
    if (ownProfile) await rm(profileDir, { recursive: true, force: true });
    throw e;
  }
  const workerLog: string[] = [];
  captureWorkerLog(context, workerLog);
  // A force-installed extension (installType 'admin') opens no welcome page: only a person's install does.
  const welcomeClosed = options.withExtension && !options.keepWelcome ? closeWelcomePages(context) : null;
  const hasExtension = options.withExtension || options.policyInstalled;
  if (hasExtension && !options.skipExtensionReady) {
    try {
      await waitForExtensionReady(context);
      // A fresh profile is a fresh install, which opens the welcome page: start once it is gone.
      if (welcomeClosed && freshProfile)
        await Promise.race([
          welcomeClosed,
          new Promise((_, reject) =>
            setTimeout(
              () => reject(new Error('a fresh install opened no welcome page')),
              WELCOME_WAIT_MS,
            ).unref(),
          ),
        ]);
    } catch (e) {
      await context.close().catch(() => {});
      if (ownProfile) await rm(profileDir, { recursive: true, force: true });
      throw e;
    }
  }
  const session: ChromiumSession = {
    context,
    profileDir,
    pid: await browserPid(profileDir),
    sim,
    options,
    workerLog,
    browserName: 'chromium',
    newTab: async () => chromiumTab(await session.context.newPage()),
    tabUrls: async () => session.context.pages().map((p) => p.url()),
    openExtensionPage: async (path) => chromiumTab(await openExtensionPage(session.context, path)),
    allCookies: () => allCookies(session.context),
    stored: (area, key) => storedInExtension(session.context, area, key),
    async restart(o = {}) {
      await restartBrowser(session, { crash: o.crash ?? false });
    },
    stopWorker: async () => stopServiceWorker(session.context, await extensionId(session.context)),
    async close() {
      openSessions.delete(session);
      await session.context.close().catch(() => {});
      await waitForProfileProcessesGone(profileDir, 5_000);
      if (ownProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
  openSessions.add(session);
  return session;
}

/**
 * Ends the browser and starts it again on the same profile. `crash: true` SIGKILLs the browser process
 * (as a power cut or a killed process would); otherwise it closes cleanly. Afterwards one request is made
 * (to the sim's neutral page) so the lazily loaded cookie store is up before anyone reads it.
 */
export async function restartBrowser(
  session: ChromiumSession,
  { crash }: { crash: boolean },
): Promise<ChromiumSession> {
  if (crash) {
    const closed = new Promise<void>((r) => session.context.once('close', () => r()));
    process.kill(await browserPid(session.profileDir), 'SIGKILL');
    await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
  } else {
    await session.context.close();
  }
  await waitForProfileProcessesGone(session.profileDir);
  session.context = await launchContext(session.sim, session.profileDir, session.options);
  if (session.options.withExtension && !session.options.keepWelcome) void closeWelcomePages(session.context);
  session.workerLog.push('--- browser restarted ---');
  captureWorkerLog(session.context, session.workerLog);
  if (
    (session.options.withExtension || session.options.policyInstalled) &&
    !session.options.skipExtensionReady
  )
    await waitForExtensionReady(session.context);
  session.pid = await browserPid(session.profileDir);
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(session.sim.urls.neutral.start);
  return session;
}

/** The extension's id, from its service worker URL (waits for the worker if it has not started yet). */
export async function extensionId(context: BrowserContext, timeoutMs = 15_000): Promise<string> {
  const fromUrl = (u: string) => /^chrome-extension:\/\/([a-p]{32})\//.exec(u)?.[1];
  for (const w of context.serviceWorkers()) {
    const id = fromUrl(w.url());
    if (id) return id;
  }
  const worker = await context.waitForEvent('serviceworker', {
    predicate: (w) => Boolean(fromUrl(w.url())),
    timeout: timeoutMs,
  });
  return fromUrl(worker.url())!;
}

/**
 * Waits until the extension's service worker has run its top-level code (its listeners exist). Until then
 * Chromium drops the events of a fresh install (no listener is registered yet), so a test that browses at
 * once could start a login the extension never saw — a person who installs mid-login, not the case a test means.
 * The background registers every listener synchronously in one top-level call, so one listener there
 * (`runtime.onMessage`, asked through the browser's own `Event.hasListeners()`) means all of them are.
 */
export async function waitForExtensionReady(context: BrowserContext, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await extensionId(context, timeoutMs);
  while (Date.now() < deadline) {
    for (const w of context.serviceWorkers()) {
      if (!w.url().startsWith('chrome-extension://')) continue;
      const ready = await w
        .evaluate(() =>
          (
            globalThis as unknown as { chrome: { runtime: { onMessage: { hasListeners(): boolean } } } }
          ).chrome.runtime.onMessage.hasListeners(),
        )
        .catch(() => false);
      if (ready) return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the extension’s service worker did not register its listeners in time');
}

/** Opens an extension page (`popup.html`, `options.html`…) as a normal tab. */
export async function openExtensionPage(context: BrowserContext, path: string): Promise<Page> {
  const id = await extensionId(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/${path.replace(/^\//, '')}`);
  return page;
}

/**
 * The extension's storage item, read in its service worker (or, when the worker is stopped, in an extension
 * page: opening one starts the worker again, as a person opening the popup would).
 */
async function storedInExtension<T>(
  context: BrowserContext,
  area: 'local' | 'session',
  key: string,
): Promise<T | undefined> {
  const id = await extensionId(context);
  // Self-contained: sent to the worker or page as text.
  const read = async ({ a, k }: { a: 'local' | 'session'; k: string }) => {
    const storage = (
      globalThis as unknown as {
        chrome: { storage: Record<string, { get(k: string): Promise<Record<string, unknown>> }> };
      }
    ).chrome.storage;
    return (await storage[a]!.get(k))[k];
  };
  for (const w of context.serviceWorkers()) {
    if (!w.url().startsWith(`chrome-extension://${id}/`)) continue;
    try {
      return (await w.evaluate(read, { a: area, k: key })) as T | undefined;
    } catch {
      // a stopped worker: read from a page instead
    }
  }
  const page = await openExtensionPage(context, 'popup.html');
  try {
    return (await page.evaluate(read, { a: area, k: key })) as T | undefined;
  } finally {
    await page.close();
  }
}

/** A cookie as CDP `Storage.getCookies` reports it (the fields the harness uses). */
export interface CdpCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
  session: boolean;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
  /** Present for partitioned (CHIPS) cookies. */
  partitionKey?: { topLevelSite: string; hasCrossSiteAncestor: boolean };
}

/** Every cookie in the browser, partitioned (CHIPS) ones included, with `partitionKey` as CDP reports it. */
export async function allCookies(context: BrowserContext): Promise<CdpCookie[]> {
  const browser = context.browser();
  if (!browser) throw new Error('allCookies needs a Chromium context with a browser');
  const cdp = await browser.newBrowserCDPSession();
  try {
    return (await cdp.send('Storage.getCookies', {})).cookies as CdpCookie[];
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle: the Stop button on
 * chrome://serviceworker-internals/. Resolves once that page reports it STOPPED and Playwright saw it close.
 */
export async function stopServiceWorker(
  context: BrowserContext,
  extId: string,
  timeoutMs = 10_000,
): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://serviceworker-internals/');
    const row = page
      .locator('.serviceworker-registration', { hasText: `chrome-extension://${extId}/` })
      .first();
    const status = row.locator('.serviceworker-running-status .value').first();
    await status.waitFor({ timeout: timeoutMs });
    await row.locator('cr-button[data-command=stop]').first().click();
    await page.waitForFunction((el) => el?.textContent?.trim() === 'STOPPED', await status.elementHandle(), {
      timeout: timeoutMs,
    });
  } finally {
    await page.close();
  }
}
