/**
 * The tab the person is looking at when they open the popup: the active tab of its window. When the popup is
 * itself open as a page in a tab (a bookmarked popup.html, or a test), that is the tab they came from: its
 * opener, else the other tab of the window they used last. Null when there is none.
 */
import { browser } from 'wxt/browser';

export async function currentTabId(): Promise<number | null> {
  const own = await browser.tabs.getCurrent();
  if (!own) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id ?? null;
  }
  const others = (await browser.tabs.query({ windowId: own.windowId })).filter((t) => t.id !== own.id);
  const opener = others.find((t) => t.id === own.openerTabId);
  const last = [...others].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return (opener ?? last)?.id ?? null;
}
