/** Listing and closing tabs, the same in both engines apart from what an engine does before a tab closes. */
import type { TabInfo } from './port';
import type { RawTab, WebExtApi } from './webext-api';

/** Open tabs, except those `isOwnTab` says the adapter opened for its own work. */
export async function listTabs(api: WebExtApi, isOwnTab: (tabId: number) => boolean): Promise<TabInfo[]> {
  const tabs = await api.tabs.query({});
  return tabs.flatMap((tab): TabInfo[] =>
    tab.id === undefined || isOwnTab(tab.id)
      ? []
      : [
          {
            id: tab.id,
            windowId: tab.windowId ?? -1,
            incognito: tab.incognito,
            ...(tab.url !== undefined ? { url: tab.url } : {}),
            ...(tab.cookieStoreId !== undefined ? { cookieStoreId: tab.cookieStoreId } : {}),
          },
        ],
  );
}

/** Close these tabs (ids already gone are ignored), each after `beforeClose` has run on it. */
export async function closeTabs(
  api: WebExtApi,
  ids: readonly number[],
  beforeClose?: (tabId: number, tab: RawTab) => Promise<unknown>,
): Promise<void> {
  if (ids.length === 0) return;
  const tabs = new Map((await api.tabs.query({})).map((t) => [t.id, t]));
  const toClose = ids.filter((id) => tabs.has(id));
  if (toClose.length === 0) return;
  if (beforeClose) await Promise.all(toClose.map((id) => beforeClose(id, tabs.get(id)!)));
  try {
    await api.tabs.remove(toClose);
  } catch {
    // A tab closed in between makes the whole call fail: close the rest one by one.
    await Promise.allSettled(toClose.map((id) => api.tabs.remove(id)));
  }
}
