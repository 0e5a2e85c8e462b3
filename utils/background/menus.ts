/**
 * The context-menu item for the forced logout: on protected pages (the same hosts the guard runs on) and on
 * the toolbar button. Menus persist in the browser; they are rebuilt when the protected domains or the
 * language change.
 *
 * IT's excluded domains: Chrome's `contextMenus.create` has no exclude patterns, so the page item stays on
 * the protected patterns, an excluded host under a protected domain included. That is deliberate: the item
 * is the same forced logout of every group as the toolbar item (offered on every page), it purges nothing
 * of the page it was clicked on as such, and the plan never closes, clears or sweeps an excluded host
 * (`planPurge`'s `excluded`).
 */
import { t } from '../i18n';
import { matchPatternsFor } from './content-scripts';
import type { BackgroundContext } from './context';

export const MENU_PAGE = 'log-out-and-clear';
export const MENU_ACTION = 'log-out-and-clear-action';
export const MENU_IDS: readonly string[] = [MENU_PAGE, MENU_ACTION];

const PAGE_CONTEXTS = ['page', 'frame', 'selection', 'link', 'editable', 'image', 'video', 'audio'];

let chain: Promise<void> = Promise.resolve();

/** Rebuild the menu items (one rebuild at a time: two concurrent rebuilds would create duplicate ids). */
export function syncMenus(
  ctx: Pick<BackgroundContext, 'menus' | 'manifestVersion'>,
  domains: readonly string[],
): Promise<void> {
  const api = ctx.menus;
  const mv3 = ctx.manifestVersion === 3;
  const run = async () => {
    await api.removeAll();
    const title = t('logOutAndClear');
    const patterns = matchPatternsFor(domains);
    if (patterns.length)
      api.create({ id: MENU_PAGE, title, contexts: PAGE_CONTEXTS, documentUrlPatterns: patterns });
    api.create({ id: MENU_ACTION, title, contexts: [mv3 ? 'action' : 'browser_action'] });
  };
  chain = chain.then(run, run);
  return chain;
}
