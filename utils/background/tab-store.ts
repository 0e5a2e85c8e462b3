/**
 * Which cookie store a tab is in (utils/browser-data/stores.ts), for the events that do not say: Chromium's
 * webRequest and webNavigation events carry no `incognito` or store id. A tab never changes store, so the
 * answer is kept for the worker's life (a cache, rebuilt from the tab list after the worker restarts).
 */
import { storeOfTab } from '../browser-data/stores';
import type { BackgroundContext } from './context';

const known = new Map<number, string | undefined>();

/** The tab's store as groups keep it (undefined: the regular store, or a tab no longer open). */
export async function tabStoreId(ctx: BackgroundContext, tabId: number): Promise<string | undefined> {
  if (known.has(tabId)) return known.get(tabId);
  const tab = (await ctx.port.listTabs()).find((t) => t.id === tabId);
  if (!tab) return undefined;
  const storeId = storeOfTab(tab);
  known.set(tabId, storeId);
  return storeId;
}

/** The tab closed: its id may come back for another tab. */
export const forgetTabStore = (tabId: number): void => void known.delete(tabId);
