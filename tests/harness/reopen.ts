/**
 * "Reopen closed tab" (Ctrl+Shift+T), as the next person at the computer can do it. Headless Chromium has no
 * keyboard shortcuts, so a test-only probe extension (tests/fixtures/reopen-probe, loaded beside Safe Logout
 * with `extraExtensions`) calls `chrome.sessions.restore` for it. Chromium restores a closed tab with its
 * sessionStorage.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { REPO_ROOT } from './chromium';

export const REOPEN_PROBE_DIR = resolve(REPO_ROOT, 'tests/fixtures/reopen-probe');

/** Chromium's id for an unpacked extension without a `key`: from the SHA-256 of its absolute path. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(h, 16))).join('');
}

/**
 * Reopens the most recently closed tab whose address is on `host`, then shows what the restored tab keeps for
 * that origin: it goes to `stateUrl` (a page of the same origin that reports its storage) in the same tab —
 * sessionStorage belongs to the tab and survives the navigation. Returns null when no such tab can be reopened.
 */
export async function reopenClosedTab(
  context: BrowserContext,
  host: string,
  stateUrl: string,
): Promise<{ url: string; sessionStorage: Record<string, string> } | null> {
  const probe = await context.newPage();
  try {
    await probe.goto(`chrome-extension://${unpackedExtensionId(REOPEN_PROBE_DIR)}/probe.html`);
    type Sessions = {
      getRecentlyClosed(): Promise<{ tab?: { url?: string; sessionId?: string } }[]>;
      restore(id: string): Promise<unknown>;
    };
    const sessionId = await probe.evaluate(async (h) => {
      const api = (globalThis as unknown as { chrome: { sessions: Sessions } }).chrome.sessions;
      const closed = await api.getRecentlyClosed();
      return closed.find((s) => s.tab?.url && new URL(s.tab.url).hostname === h)?.tab?.sessionId ?? null;
    }, host);
    if (!sessionId) return null;
    const opened = context.waitForEvent('page', { timeout: 10_000 });
    await probe.evaluate(async (id) => {
      await (globalThis as unknown as { chrome: { sessions: Sessions } }).chrome.sessions.restore(id);
    }, sessionId);
    const tab = await opened;
    const url = tab.url();
    await tab.goto(stateUrl);
    await tab.locator('body[data-state-ready], body[data-state-error]').waitFor({ timeout: 10_000 });
    const sessionStorage = await tab.evaluate(
      () =>
        (window as unknown as { simState: { sessionStorage: Record<string, string> } }).simState
          .sessionStorage,
    );
    await tab.close();
    return { url, sessionStorage };
  } finally {
    await probe.close();
  }
}
