/**
 * Real Firefox for end-to-end tests: Debian firefox-esr driven by puppeteer-core over WebDriver BiDi
 * (docs/architecture.md, real browsers). The extension is installed as a temporary add-on with a fixed internal
 * UUID, so its pages live at a known `moz-extension://UUID/` origin.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { writeXpi } from './firefox-xpi';

/** Internal UUID given to the extension under test (pref `extensions.webextensions.uuids`). */
export const EXTENSION_UUID = '5afe1060-0a7e-4c1e-9d2b-3f7e0c8a4b11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/**
 * The build under test: where `npx wxt build -b firefox` puts the MV2 build, or the directory in
 * `$SAFE_LOGOUT_FIREFOX_BUILD` (e.g. `.output/firefox-mv3` after `npx wxt build -b firefox --mv3`).
 */
export const FIREFOX_BUILD_DIR = process.env.SAFE_LOGOUT_FIREFOX_BUILD
  ? resolve(process.env.SAFE_LOGOUT_FIREFOX_BUILD)
  : fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));

export interface LaunchFirefoxOptions {
  /** Install an extension: `true` = the Firefox MV2 build, a string = another unpacked build directory. */
  withExtension?: boolean | string;
  /**
   * How the extension is installed. `temporary` (default): a temporary add-on over WebDriver BiDi, gone
   * when the browser closes. `profile`: as `<gecko-id>.xpi` in the profile's `extensions/` folder (an
   * unsigned build is allowed in ESR), so it is installed for real and starts with the browser again
   * after `restart()` — as a person's Firefox does.
   */
  install?: 'temporary' | 'profile';
  /** Keep the profile in this directory (it survives `close()`, e.g. to test a restart); default: a temp dir. */
  profileDir?: string;
  /**
   * Hostnames to send to loopback, e.g. `{ 'www.jarfalla.se': '127.0.0.1' }`. Firefox can only force
   * *every* lookup to one address (pref `network.dns.forceResolve`), so all values must be the same
   * address, and while it is set no hostname reaches the real network.
   */
  hostMap?: Record<string, string>;
  headless?: boolean;
  /** More `about:config` prefs. */
  prefs?: Record<string, unknown>;
  /** Accept self-signed certificates (default true: test servers make their own). */
  acceptInsecureCerts?: boolean;
  /** Milliseconds for start-up and for installing the extension (default 60 000). */
  timeoutMs?: number;
  /** Pipe Firefox's stdout/stderr into this process (debugging; with `devtools.console.stdout.*` prefs). */
  dumpio?: boolean;
  /**
   * Keep the welcome page an install opens (default false: a start that installs the extension returns once
   * that page has been closed, so a test starts with the tabs it opens itself).
   */
  keepWelcome?: boolean;
}

/** How long an install may take to open its welcome page (utils/background/welcome.ts). */
const WELCOME_WAIT_MS = 15_000;

/**
 * Waits for the welcome page an install opens and closes it. WebDriver BiDi reports extension pages as
 * about:blank: each page is asked where it is.
 */
async function closeWelcomePage(browser: Browser): Promise<void> {
  const deadline = Date.now() + WELCOME_WAIT_MS;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const where = await Promise.race([
        page.evaluate(() => location.href).catch(() => ''),
        new Promise<string>((r) => setTimeout(() => r(''), 1000)),
      ]);
      if (where.startsWith(`${EXTENSION_ORIGIN}/welcome.html`)) {
        await page.close();
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('installing the extension opened no welcome page');
}

export interface FirefoxSession {
  /** The running browser; replaced by `restart()`. */
  browser: Browser;
  /** Gecko id of the installed extension, if any. */
  extensionId?: string;
  extensionOrigin: string;
  profileDir: string;
  /** Open `moz-extension://UUID/<path>` in a new tab and wait until its document is complete. */
  openExtensionPage(path: string, timeoutMs?: number): Promise<Page>;
  /**
   * Close the browser cleanly and start it again on the same profile (with `install: 'profile'` the
   * extension starts with it; a temporary add-on is installed again).
   */
  restart(): Promise<void>;
  /** Close the browser (killing it if it hangs) and delete a temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** `$FIREFOX_PATH` when it exists, else Debian's /usr/bin/firefox-esr. */
export function firefoxPath(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  return fromEnv && existsSync(fromEnv) ? fromEnv : '/usr/bin/firefox-esr';
}

function readGeckoId(dir: string): string {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No extension build at ${dir}: run \`npx wxt build -b firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
    applications?: { gecko?: { id?: string } };
  };
  const id = (manifest.browser_specific_settings ?? manifest.applications)?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

function dnsPrefs(hostMap: Record<string, string> | undefined): Record<string, unknown> {
  const targets = new Set(Object.values(hostMap ?? {}));
  if (targets.size === 0) return {};
  if (targets.size > 1) {
    throw new Error(
      `hostMap: Firefox can force all lookups to one address only, got ${[...targets].join(', ')}`,
    );
  }
  return { 'network.dns.forceResolve': [...targets][0], 'network.proxy.type': 0 };
}

async function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the browser; SIGKILLs it when it does not close in time. */
async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  try {
    await withTimeout('closing Firefox', 15_000, browser.close());
  } catch {
    child?.kill('SIGKILL');
  }
}

export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxSession> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const extensionDir =
    options.withExtension === true
      ? FIREFOX_BUILD_DIR
      : typeof options.withExtension === 'string'
        ? resolve(options.withExtension)
        : undefined;
  const extensionId = extensionDir ? readGeckoId(extensionDir) : undefined;
  const inProfile = extensionDir !== undefined && options.install === 'profile';
  const tempProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'safe-logout-firefox-'));

  const prefs: Record<string, unknown> = {
    ...dnsPrefs(options.hostMap),
    ...(extensionId
      ? { 'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: EXTENSION_UUID }) }
      : {}),
    // An unsigned add-on in the profile folder: allowed (ESR) and enabled without asking.
    ...(inProfile ? { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0 } : {}),
    ...options.prefs,
  };
  if (inProfile && extensionDir && extensionId) {
    mkdirSync(join(profileDir, 'extensions'), { recursive: true });
    writeXpi(extensionDir, join(profileDir, 'extensions', `${extensionId}.xpi`));
  }

  // A temporary add-on is installed at every start; one in the profile only at the first start of a new profile.
  let installs = extensionDir !== undefined && (!inProfile || !existsSync(join(profileDir, 'prefs.js')));
  const start = async (): Promise<Browser> => {
    const started = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: options.headless ?? true,
      userDataDir: profileDir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefs,
      acceptInsecureCerts: options.acceptInsecureCerts ?? true,
      timeout: timeoutMs,
      dumpio: options.dumpio ?? false,
    });
    try {
      if (extensionDir && !inProfile)
        await withTimeout('installing the extension', timeoutMs, started.installExtension(extensionDir));
      if (installs && !options.keepWelcome) await closeWelcomePage(started);
      installs = extensionDir !== undefined && !inProfile;
    } catch (error) {
      await closeBrowser(started);
      throw error;
    }
    return started;
  };

  let closed = false;
  const removeProfile = () => {
    if (tempProfile) rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  };
  let browser: Browser;
  try {
    browser = await start();
  } catch (error) {
    removeProfile();
    throw error;
  }

  const session: FirefoxSession = {
    browser,
    extensionId,
    extensionOrigin: EXTENSION_ORIGIN,
    profileDir,
    async openExtensionPage(path: string, pageTimeoutMs = 20_000): Promise<Page> {
      const url = `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`;
      const page = await session.browser.newPage();
      const deadline = Date.now() + pageTimeoutMs;
      // goto() of a moz-extension: URL never resolves over BiDi (docs/architecture.md): fire it and poll the document.
      // Right after start-up the extension may not be running yet: its URL fails to load; go again.
      let lastGo = 0;
      for (;;) {
        const state = await page
          .evaluate(() => ({ href: location.href, ready: document.readyState }))
          .catch(() => undefined);
        if (state?.href.startsWith(url) && state.ready === 'complete') return page;
        if (Date.now() > deadline) {
          await page.close().catch(() => {});
          throw new Error(`${url} did not load within ${pageTimeoutMs} ms (last: ${JSON.stringify(state)})`);
        }
        if (!state?.href.startsWith(url) && Date.now() - lastGo > 2000) {
          lastGo = Date.now();
          page.goto(url).catch(() => {});
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async restart() {
      await closeBrowser(session.browser);
      session.browser = await start();
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeBrowser(session.browser);
      removeProfile();
    },
  };
  return session;
}
