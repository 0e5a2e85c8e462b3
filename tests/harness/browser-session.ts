/**
 * What a real-browser test needs from a browser, whichever it is: one interface, so that a scenario (the
 * person's visit, the ways of leaving, what the next person reaches) is written once and runs in Chromium
 * (playwright-core, chromium.ts) and in Firefox ESR (puppeteer-core over WebDriver BiDi, firefox-lab.ts).
 * `P` is the driver's own page type, for the few steps only one browser can take.
 */

export type BrowserName = 'chromium' | 'firefox';

/**
 * How long a wait may take: `step` for a page of the sim, `redirects` for a page reached through the IdP's
 * redirects (a service's `/login`), `login` for the whole login round trip (BankID, the IdP's auto-POST). Each
 * browser sets its own figures: Firefox over BiDi is the slower one here.
 */
export type WaitKind = 'step' | 'redirects' | 'login';

/** One tab. Every wait survives navigations (redirects, the IdP's auto-POST). */
export interface Tab<P = unknown> {
  /** The driver's page (playwright-core or puppeteer-core). */
  readonly page: P;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Waits until the top document matches `selector` (CSS; open shadow roots are searched too). */
  waitFor(selector: string, kind?: WaitKind): Promise<void>;
  /** `data-*` attribute of `<body>` (camelCase key, e.g. `loggedInAs`), or null. */
  bodyData(key: string): Promise<string | null>;
  /** Runs `fn` in the page (self-contained: it is sent as text). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Types into the field. */
  fill(selector: string, text: string): Promise<void>;
  /** Clicks the element (open shadow roots are searched too). */
  click(selector: string): Promise<void>;
  /** Clicks the button with this visible name. */
  clickButton(name: string): Promise<void>;
  url(): string;
  isClosed(): boolean;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** A cookie as the tests read it, in either browser (CDP `Storage.getCookies` or Firefox's `cookies.getAll`). */
export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Partitioned cookies (CHIPS, Firefox's Total Cookie Protection): the top-level site they belong to. */
  partitionKey?: { topLevelSite?: string } | null;
  /** Firefox: the cookie store (a container, private browsing). */
  storeId?: string;
  /** Firefox with first-party isolation: the site the cookie is isolated under. */
  firstPartyDomain?: string;
}

/** One running browser on one profile, with or without Safe Logout. */
export interface BrowserSession<P = unknown> {
  readonly browserName: BrowserName;
  /** A new tab in the browser's default context (no container). */
  newTab(): Promise<Tab<P>>;
  /** The address of every open tab (Firefox over BiDi shows extension pages as about:blank). */
  tabUrls(): Promise<string[]>;
  /** An extension page (`popup.html`, `options.html`…) in a tab of its own. */
  openExtensionPage(path: string): Promise<Tab<P>>;
  /** Every cookie in the browser: every store, partitioned and isolated ones included. */
  allCookies(): Promise<BrowserCookie[]>;
  /** The extension's `storage.local` / `storage.session` item (e.g. `last-report`). */
  stored<T>(area: 'local' | 'session', key: string): Promise<T | undefined>;
  /**
   * Ends the browser and starts it again on the same profile, the extension with it. `crash: true` kills it
   * as a power cut would (Chromium only).
   */
  restart(options?: { crash?: boolean }): Promise<void>;
  /** Stops the extension's service worker as the browser does when it is idle (Chromium MV3 only). */
  stopWorker(): Promise<void>;
  /** Closes the browser and removes a profile the harness made. Safe to call twice. */
  close(): Promise<void>;
}

/** A tab from a page the driver gave: adapters pass their own `Tab` maker. */
export type TabLike<P> = Tab<P> | P;

export const isTab = <P>(t: TabLike<P>): t is Tab<P> =>
  typeof t === 'object' && t !== null && 'bodyData' in t && 'page' in t;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it is true; a probe that throws (a context destroyed by a navigation) means "not yet".
 * `describe` says where the page is, for the error.
 */
export async function pollUntil(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  describe: () => Promise<string>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${await describe()} (waited ${timeoutMs} ms)`);
    await sleep(100);
  }
}
