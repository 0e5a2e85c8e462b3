/**
 * The logout watcher runs only on protected hosts: registered at run time for exactly the recognised
 * domains (built-in packs, user and policy domains), so nothing is injected into any other site. IT's
 * excluded domains (and everything under them) are left out by `excludeMatches`, even under a protected
 * domain: excluded means excluded.
 */
import { browser } from 'wxt/browser';
import { loadEffectiveSettings } from './protection-in-force';

export const LOGOUT_WATCH_ID = 'logout-watch';
export const LOGOUT_WATCH_FILE = 'content-scripts/logout-watch.js';

export const matchPatternsFor = (domains: readonly string[]): string[] =>
  [...new Set(domains)].sort().map((d) => `*://*.${d}/*`);

const same = (a: readonly string[] | undefined, b: readonly string[]) =>
  JSON.stringify([...(a ?? [])].sort()) === JSON.stringify(b);

/**
 * Register (or update) the watcher for `domains`, never on `excluded` (IT's `excludedDomains`; read from the
 * settings in force when not given).
 */
export async function registerLogoutWatch(
  domains: readonly string[],
  excluded?: readonly string[],
): Promise<void> {
  const matches = matchPatternsFor(domains);
  const excludeMatches = matchPatternsFor(excluded ?? (await loadEffectiveSettings()).excludedDomains);
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
    excludeMatches,
    runAt: 'document_idle' as const,
    allFrames: false,
  };
  if (!current) await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  else if (!same(current.matches, matches) || !same(current.excludeMatches, excludeMatches)) {
    await browser.scripting.updateContentScripts([script]);
  }
}
