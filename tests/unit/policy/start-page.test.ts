import { describe, expect, it } from 'vitest';
import { keepWindowsOpen, type WindowApi, windowsLeftEmpty } from '@/utils/background/start-page';
import type { TabInfo } from '@/utils/browser-data/port';

const tab = (id: number, windowId: number, incognito = false): TabInfo => ({
  id,
  windowId,
  incognito,
  url: `https://x.se/${id}`,
});

/** Windows and tabs that behave: opening a tab adds it to its window. */
function fakeWindows(tabs: TabInfo[], normal: number[]): WindowApi & { opened: [number, string | null][] } {
  const opened: [number, string | null][] = [];
  let next = 1000;
  return {
    opened,
    normalWindowIds: async () => normal,
    async openTab(windowId, url) {
      if (!normal.includes(windowId)) throw new Error(`no window ${windowId}`);
      opened.push([windowId, url]);
      tabs.push({ id: next++, windowId, incognito: false, url: url ?? 'chrome://newtab/' });
    },
  };
}

describe('windowsLeftEmpty', () => {
  const tabs = [tab(1, 10), tab(2, 10), tab(3, 20), tab(4, 30), tab(5, 40, true), tab(6, 50)];
  it('names the normal windows whose every tab closes', () => {
    expect(windowsLeftEmpty(tabs, [1, 2, 3, 4, 5, 6], [10, 20, 40, 50])).toEqual([10, 20, 50]);
  });
  it('a window that keeps one tab is fine', () => {
    expect(windowsLeftEmpty(tabs, [1, 3], [10, 20, 30])).toEqual([20]);
  });
  it('popup windows (a BankID pop-up) and incognito windows may close', () => {
    expect(windowsLeftEmpty(tabs, [4, 5], [10, 20, 40])).toEqual([]);
  });
});

describe('keepWindowsOpen', () => {
  it('opens the start page in each window that would close, before anything closes', async () => {
    const tabs = [tab(1, 10), tab(2, 20), tab(3, 20)];
    const api = fakeWindows(tabs, [10, 20]);
    expect(await keepWindowsOpen([...tabs], [1, 2], 'https://bibliotek.exempelstad.se/', api)).toBe(1);
    expect(api.opened).toEqual([[10, 'https://bibliotek.exempelstad.se/']]);
  });

  it('no start page: the browser’s new-tab page', async () => {
    const tabs = [tab(1, 10)];
    const api = fakeWindows(tabs, [10]);
    await keepWindowsOpen([...tabs], [1], null, api);
    expect(api.opened).toEqual([[10, null]]);
  });

  it('nothing to close: nothing opened, no browser call', async () => {
    const api = fakeWindows([], []);
    api.normalWindowIds = async () => {
      throw new Error('not called');
    };
    expect(await keepWindowsOpen([tab(1, 10)], [], null, api)).toBe(0);
  });

  it('a window that cannot take a tab does not stop the others (nor the purge)', async () => {
    const tabs = [tab(1, 10), tab(2, 20)];
    const api = fakeWindows(tabs, [10, 20]);
    const open = api.openTab;
    api.openTab = (w, u) => (w === 10 ? Promise.reject(new Error('gone')) : open(w, u));
    expect(await keepWindowsOpen([...tabs], [1, 2], null, api)).toBe(1);
    expect(api.opened).toEqual([[20, null]]);
  });
});
