/**
 * Helpers for the faces suite (faces.test.ts) and `npm run screenshots`: axe-core in a page, the guard's
 * closed shadow root made readable to the test, the service worker, keyboard-only walks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { type ChromiumSession, extensionId, launchChromium } from '../harness/chromium';
import type { Display } from '../harness/xvfb';
import type { Sim } from '../sim';

/** UI language of the browser, as Chromium's --lang sets it (and so what `i18n.getMessage` speaks). */
export type UiLang = 'sv' | 'en';
export const LANG_ARG: Record<UiLang, string> = { sv: '--lang=sv', en: '--lang=en-US' };

/** `display`: headed on that X display (xvfb.ts), where x-input.ts can press keys as a person does. */
export async function launchInLanguage(
  sim: Pick<Sim, 'hostResolverRules' | 'certSpki' | 'urls'>,
  lang: UiLang,
  display?: Display,
): Promise<ChromiumSession> {
  // $SAFE_LOGOUT_CHROME_BUILD: a build of your own (the id is fixed by the manifest key, not the path), so a
  // rebuild of .output by someone else on a shared checkout cannot change the extension under test.
  const extensionDir = process.env.SAFE_LOGOUT_CHROME_BUILD || undefined;
  const session = await launchChromium(sim, {
    withExtension: true,
    extensionDir,
    args: [LANG_ARG[lang]],
    ...(display ? { headless: false, display: display.name } : {}),
  });
  // Ready when the guard is registered for the protected hosts: on a fresh install that waits for the first
  // read of managed storage (IT policy), which Chromium answers only once its policies have loaded (~2–3 s).
  const worker = await serviceWorker(session.context);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const registered = await worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts: () => Promise<{ id: string }[]> } };
        }
      ).chrome;
      return (await chrome.scripting.getRegisteredContentScripts()).some((s) => s.id === 'logout-watch');
    });
    if (registered) return session;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the extension never registered its content script');
}

/** The extension's service worker (waits for it). */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const id = await extensionId(context);
  const found = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
  return found ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0–2.2 A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (or on one element, with its shadow tree) and returns the violations. */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ include, tags }) => {
      const axe = (globalThis as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
      const context = include ? { include: [[include]] } : document;
      const result = (await axe.run(context, { runOnly: { type: 'tag', values: tags } })) as {
        violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
      };
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
    },
    { include, tags: AXE_TAGS },
  );
}

export const GUARD = 'safe-logout-guard';

/**
 * The guard lives in a *closed* shadow root: nothing in the page can reach it, and neither can the test.
 * Through DevTools (which sees closed roots) this makes `host.shadowRoot` readable in the page's main
 * world, for axe and the test's own queries. Only the test page is changed; the guard is not.
 */
export async function openGuardForInspection(page: Page): Promise<void> {
  await page.waitForSelector(`${GUARD}[data-place]:not([data-place="measure"])`, {
    state: 'attached',
    timeout: 20_000,
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type N = { nodeName: string; backendNodeId: number; children?: N[]; shadowRoots?: N[] };
    const find = (n: N): N | undefined =>
      n.nodeName === GUARD.toUpperCase() ? n : [...(n.children ?? [])].map(find).find(Boolean);
    const host = find(root as N);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error('guard host or its shadow root not found');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () {
        const root = this;
        Object.defineProperty(root.host, 'shadowRoot', { get: () => root, configurable: true });
      }`,
    });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** What the guard shows (after openGuardForInspection). */
export function guardState(page: Page) {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag) as HTMLElement | null;
    const root = host?.shadowRoot;
    if (!host || !root) return null;
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const logOut = root.querySelector('.log-out');
    return {
      place: host.dataset.place ?? null,
      minimised: host.dataset.minimised === 'true',
      text: (root.querySelector('.guard, .restore')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      logOut: logOut ? { text: logOut.textContent?.trim() ?? '', box: box(logOut) } : null,
      shared: root.querySelector('[data-part="shared-banner"]')?.textContent ?? null,
      restore: box(root.querySelector('.restore')),
      minimise: box(root.querySelector('.minimise')),
      panel: box(root.querySelector('.guard, .restore')),
      focused: root.activeElement ? (root.activeElement as HTMLElement).className : null,
    };
  }, GUARD);
}

/** Rectangles of the page's own controls that the guard's panel overlaps (should always be none). */
export function controlsUnderGuard(page: Page) {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag) as HTMLElement;
    const panel = host.shadowRoot?.querySelector('.guard, .restore');
    if (!panel) return ['no panel'];
    const g = panel.getBoundingClientRect();
    const hits: string[] = [];
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, label, summary')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < g.right && g.left < r.right && r.top < g.bottom && g.top < r.bottom)
        hits.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
    }
    return hits;
  }, GUARD);
}

/**
 * Presses Tab until `done` says the focus is where it should be; returns every focus stop on the way with
 * whether it showed a visible focus indicator (outline or box-shadow). Keyboard only: no clicks.
 */
export async function tabUntil(
  page: Page,
  done: (focus: FocusStop) => boolean,
  max = 60,
): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop.tag === 'body') continue; // focus left the page's controls (start or end of the cycle)
    stops.push(stop);
    if (done(stop)) return stops;
  }
  throw new Error(`focus never got there; stops: ${JSON.stringify(stops.map((s) => s.name))}`);
}

export interface FocusStop {
  tag: string;
  name: string;
  inGuard: boolean;
  visibleIndicator: boolean;
}

export function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    let inGuard = false;
    while (el?.shadowRoot?.activeElement) {
      inGuard = inGuard || el.tagName.toLowerCase() === 'safe-logout-guard';
      el = el.shadowRoot.activeElement as HTMLElement;
    }
    if (!el) return { tag: '', name: '', inGuard, visibleIndicator: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      name: (
        el.getAttribute('aria-label') ||
        (el as HTMLInputElement).labels?.[0]?.textContent ||
        el.textContent ||
        el.id ||
        ''
      )
        .replace(/\s+/g, ' ')
        .trim(),
      inGuard,
      visibleIndicator: outline || shadow,
    };
  });
}

/** True when the page lays out without a horizontal scrollbar (WCAG 1.4.10 reflow). */
export const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
