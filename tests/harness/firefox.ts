/**
 * Real Firefox for end-to-end tests: Debian firefox-esr driven by puppeteer-core over WebDriver BiDi
 * (NOTES.md "Real Firefox"). The extension is installed as a temporary add-on with a fixed internal
 * UUID, so its pages live at a known `moz-extension://UUID/` origin.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Internal UUID given to the extension under test (pref `extensions.webextensions.uuids`). */
export const EXTENSION_UUID = '5afe1060-0a7e-4c1e-9d2b-3f7e0c8a4b11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** Where `npx wxt build -b firefox` puts the MV2 build. */
export const FIREFOX_BUILD_DIR = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));

export interface LaunchFirefoxOptions {
  /** Install an extension: `true` = the Firefox MV2 build, a string = another unpacked build directory. */
  withExtension?: boolean | string;
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
}

export interface FirefoxSession {
  browser: Browser;
  /** Gecko id of the installed extension, if any. */
  extensionId?: string;
  extensionOrigin: string;
  profileDir: string;
  /** Open `moz-extension://UUID/<path>` in a new tab and wait until its document is complete. */
  openExtensionPage(path: string, timeoutMs?: number): Promise<Page>;
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

export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxSession> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const extensionDir =
    options.withExtension === true
      ? FIREFOX_BUILD_DIR
      : typeof options.withExtension === 'string'
        ? resolve(options.withExtension)
        : undefined;
  const extensionId = extensionDir ? readGeckoId(extensionDir) : undefined;
  const tempProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'safe-logout-firefox-'));

  const prefs: Record<string, unknown> = {
    ...dnsPrefs(options.hostMap),
    ...(extensionId
      ? { 'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: EXTENSION_UUID }) }
      : {}),
    ...options.prefs,
  };

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: options.headless ?? true,
      userDataDir: profileDir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefs,
      acceptInsecureCerts: options.acceptInsecureCerts ?? true,
      timeout: timeoutMs,
    });
  } catch (error) {
    if (tempProfile) rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    const process = browser.process();
    try {
      await withTimeout('closing Firefox', 15_000, browser.close());
    } catch {
      process?.kill('SIGKILL');
    }
    if (tempProfile) rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  };

  try {
    if (extensionDir)
      await withTimeout('installing the extension', timeoutMs, browser.installExtension(extensionDir));
  } catch (error) {
    await close();
    throw error;
  }

  const openExtensionPage = async (path: string, pageTimeoutMs = 20_000): Promise<Page> => {
    const page = await browser.newPage();
    const url = `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`;
    // goto() of a moz-extension: URL never resolves over BiDi (NOTES.md): fire it and poll the document.
    page.goto(url).catch(() => {});
    const deadline = Date.now() + pageTimeoutMs;
    for (;;) {
      const state = await page
        .evaluate(() => ({ href: location.href, ready: document.readyState }))
        .catch(() => undefined);
      if (state?.href.startsWith(url) && state.ready === 'complete') return page;
      if (Date.now() > deadline) {
        throw new Error(`${url} did not load within ${pageTimeoutMs} ms (last: ${JSON.stringify(state)})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  return { browser, extensionId, extensionOrigin: EXTENSION_ORIGIN, profileDir, openExtensionPage, close };
}
