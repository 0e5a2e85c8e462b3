/**
 * The logout watcher runs only on protected hosts: registered at run time for exactly the recognised
 * domains (built-in packs, user and policy domains), so nothing is injected into any other site.
 */
import { browser } from 'wxt/browser';

export const LOGOUT_WATCH_ID = 'logout-watch';
export const LOGOUT_WATCH_FILE = 'content-scripts/logout-watch.js';

export const matchPatternsFor = (domains: readonly string[]): string[] =>
  [...new Set(domains)].sort().map((d) => `*://*.${d}/*`);

export async function registerLogoutWatch(domains: readonly string[]): Promise<void> {
  const matches = matchPatternsFor(domains);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [LOGOUT_WATCH_ID] });
  const current = existing[0];
  if (!matches.length) {
    if (current) await browser.scripting.unregisterContentScripts({ ids: [LOGOUT_WATCH_ID] });
    return;
  }
  const script = {
    id: LOGOUT_WATCH_ID,
    js: [LOGOUT_WATCH_FILE],
    matches,
    runAt: 'document_idle' as const,
    allFrames: false,
  };
  if (!current) await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  else if (JSON.stringify([...(current.matches ?? [])].sort()) !== JSON.stringify(matches)) {
    await browser.scripting.updateContentScripts([script]);
  }
}
