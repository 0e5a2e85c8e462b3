import { describe, expect, it } from 'vitest';
import type { BackgroundContext } from '@/utils/background/context';
import { keepWindowsOpen, windowsLeftEmpty } from '@/utils/background/start-page';
import type { TabInfo } from '@/utils/browser-data/port';

const tab = (id: number, windowId: number, incognito = false): TabInfo => ({
  id,
  windowId,
  incognito,
  url: `https://x.se/${id}`,
});

type Ctx = Pick<BackgroundContext, 'windows' | 'tabs'>;

/** Windows and tabs that behave: opening a tab adds it to its window; `opened` is what was opened where. */
function fakeWindows(tabs: TabInfo[], normal: number[]) {
  const opened: [number, string | null][] = [];
  let next = 1000;
  const unused = async () => {
    throw new Error('not used');
  };
  const ctx: Ctx = {
    windows: { normalIds: async () => normal, openPopup: unused, close: unused },
    tabs: {
      query: async () => tabs,
      update: unused,
      async create({ windowId, url }) {
        if (windowId === undefined || !normal.includes(windowId)) throw new Error(`no window ${windowId}`);
        opened.push([windowId, url ?? null]);
        tabs.push({ id: next++, windowId, incognito: false, url: url ?? 'chrome://newtab/' });
        return {};
      },
    },
  };
  return { ctx, opened };
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
    expect(await keepWindowsOpen(api.ctx, [...tabs], [1, 2], 'https://bibliotek.exempelstad.se/')).toBe(1);
    expect(api.opened).toEqual([[10, 'https://bibliotek.exempelstad.se/']]);
  });

  it('no start page: the browser’s new-tab page', async () => {
    const tabs = [tab(1, 10)];
    const api = fakeWindows(tabs, [10]);
    await keepWindowsOpen(api.ctx, [...tabs], [1], null);
    expect(api.opened).toEqual([[10, null]]);
  });

  it('nothing to close: nothing opened, no browser call', async () => {
    const api = fakeWindows([], []);
    api.ctx.windows.normalIds = async () => {
      throw new Error('not called');
    };
    expect(await keepWindowsOpen(api.ctx, [tab(1, 10)], [], null)).toBe(0);
  });

  it('a window that cannot take a tab does not stop the others (nor the purge)', async () => {
    const tabs = [tab(1, 10), tab(2, 20)];
    const api = fakeWindows(tabs, [10, 20]);
    const open = api.ctx.tabs.create;
    api.ctx.tabs.create = (p) => (p.windowId === 10 ? Promise.reject(new Error('gone')) : open(p));
    expect(await keepWindowsOpen(api.ctx, [...tabs], [1, 2], null)).toBe(1);
    expect(api.opened).toEqual([[20, null]]);
  });
});
