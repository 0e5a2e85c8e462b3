/**
 * The background side of the faces, against the real background over the fake browser: the guard may only
 * ask (and only for its own tab's group), settings changes are checked and policy-locked keys refused, the
 * receipt tab opens before the purge empties a window and is never doubled, menus and badge show what they
 * should. Every assertion reads the browser's state afterwards.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { badgeView, showSessionCount } from '@/utils/background/badge';
import { MENU_ACTION, MENU_PAGE, syncMenus } from '@/utils/background/menus';
import { openReceiptTab } from '@/utils/background/receipt-tab';
import { addDomain, removeDomain, sanitisePatch, saveSettings } from '@/utils/background/settings-commands';
import { setLanguage } from '@/utils/i18n';
import type { SenderLike } from '@/utils/messages';
import type { SessionState } from '@/utils/session-groups/types';
import { sessionState, userSettings } from '@/utils/storage';
import {
  createWorld,
  freshBrowserEachTest,
  navigate,
  startWorker,
  type Worker,
  type World,
} from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const RECEIPT = 'chrome-extension://test-extension-id/receipt.html';

let w: World;
let bg: Worker;

freshBrowserEachTest();

beforeEach(async () => {
  setLanguage('en');
  w = createWorld();
  bg = await startWorker(w);
});

const KOMMUN = 'e-tjanster.jarfalla.se';
const state: SessionState = {
  v: 2,
  groups: {
    g1: {
      id: 'g1',
      sites: [
        { ruleId: 'se-kommun-0123', label: 'Järfälla kommun', scopeDomain: 'jarfalla.se', kind: 'kommun' },
      ],
      hosts: [KOMMUN, 'login.eidbrygga.net'],
      origins: [`https://${KOMMUN}`, 'https://login.eidbrygga.net'],
      tabIds: [5],
      startedAt: 1,
      lastSeenAt: 1,
    },
    g2: {
      id: 'g2',
      sites: [{ ruleId: 'se-vendor-vklass', label: 'Vklass', scopeDomain: 'vklass.se', kind: 'vendor' }],
      hosts: ['www.vklass.se'],
      origins: ['https://www.vklass.se'],
      tabIds: [6],
      startedAt: 2,
      lastSeenAt: 2,
    },
  },
  tabs: {
    '5': { tabId: 5, host: KOMMUN, groupId: 'g1' },
    '6': { tabId: 6, host: 'www.vklass.se', groupId: 'g2' },
    '7': { tabId: 7, host: 'www.lokaltidningen.se' },
  },
};
/** Our content script in the top frame of tab `tabId`, the frame at `url`, the tab at `tabUrl`. */
const guardFrom = (tabId: number, url: string, tabUrl = url): SenderLike => ({
  id: 'test-extension-id',
  url,
  frameId: 0,
  tab: { id: tabId, url: tabUrl, windowId: 1, index: 3 },
});
const groupIds = async () => Object.keys((await sessionState.getValue()).groups).sort();

describe('the guard may only ask, and only for its own group', () => {
  it('is honoured for the tab’s own group on a protected host of that group: that group goes, the receipt opens next to the tab', async () => {
    await sessionState.setValue(state);
    const res = await bg.send('guardLogOut', {}, guardFrom(5, `https://${KOMMUN}/mina-sidor`));
    expect(res).toEqual({ accepted: true });
    await bg.settled();
    expect(await groupIds()).toEqual(['g2']);
    const report = await bg.storage.lastReport.getValue();
    expect(report).toMatchObject({ trigger: 'guard', labels: ['Järfälla kommun'], verified: true });
    const receipt = w.port.snapshot().tabs.filter((t) => t.url?.startsWith(RECEIPT));
    expect(receipt.map((t) => t.windowId)).toEqual([1]);
  });

  it.each([
    [
      'the frame and the tab are on different hosts',
      guardFrom(5, `https://${KOMMUN}/`, 'https://evil.example/'),
    ],
    ['the page is not protected', guardFrom(7, 'https://www.lokaltidningen.se/')],
    ['the host is not in the tab’s group', guardFrom(6, `https://${KOMMUN}/`)],
    ['the tab is in no group', guardFrom(99, `https://${KOMMUN}/`)],
    ['there is no tab', { id: 'test-extension-id', url: `https://${KOMMUN}/`, frameId: 0 }],
  ])('is refused when %s', async (_, sender) => {
    await sessionState.setValue(state);
    const res = await bg.send('guardLogOut', {}, sender);
    expect(res).toMatchObject(
      'tab' in sender ? { accepted: false } : { refused: expect.stringContaining('refused') },
    );
    await bg.settled();
    expect(await groupIds()).toEqual(['g1', 'g2']);
    expect(await bg.storage.lastReport.getValue()).toBeNull();
  });
});

describe('settings from the options page', () => {
  it('keeps only known keys with valid values', () => {
    expect(
      sanitisePatch({
        graceSeconds: 500,
        disabledPacks: ['no', 'nope', 'no'],
        language: 'fi',
        sharedComputer: true,
      }),
    ).toEqual({ graceSeconds: 60, disabledPacks: ['no'], language: 'fi', sharedComputer: true });
    expect(() => sanitisePatch({ customDomains: ['x.se'] })).toThrow(/refused/);
    expect(() => sanitisePatch({ language: 'de' })).toThrow(/refused/);
    expect(() => sanitisePatch({ clearHistory: 'yes' })).toThrow(/refused/);
    expect(() => sanitisePatch(null)).toThrow(/refused/);
  });

  it('saves, and refuses to change what IT policy has set', async () => {
    const saved = await saveSettings({ sharedComputer: true, language: 'sv' });
    expect(saved).toMatchObject({ sharedComputer: true, language: 'sv', graceSeconds: 1 });
    expect(await userSettings.getValue()).toMatchObject({ sharedComputer: true, language: 'sv' });

    await fakeBrowser.storage.managed.set({ sharedComputer: false, clearHistory: true });
    await expect(saveSettings({ sharedComputer: true })).rejects.toThrow(/managed by policy: sharedComputer/);
    await expect(saveSettings({ clearHistory: false, language: 'en' })).rejects.toThrow(/clearHistory/);
    expect((await userSettings.getValue()).language).toBe('sv');
    const after = await saveSettings({ graceSeconds: 5, clearDownloads: true });
    expect(after).toMatchObject({
      sharedComputer: false,
      graceSeconds: 5,
      clearDownloads: true,
      locked: ['clearHistory', 'sharedComputer'],
    });
  });

  it('IT’s lockSettings locks everything but the language, the user’s own domains included', async () => {
    await addDomain('minkommun.se');
    await fakeBrowser.storage.managed.set({ lockSettings: true });
    await expect(addDomain('annan.se')).rejects.toThrow(/managed by policy: customDomains/);
    await expect(removeDomain('minkommun.se')).rejects.toThrow(/managed by policy: customDomains/);
    await expect(saveSettings({ disabledPacks: ['no'] })).rejects.toThrow(/disabledPacks/);
    expect(await saveSettings({ language: 'da' })).toMatchObject({ language: 'da', lockSettings: true });
    expect((await userSettings.getValue()).customDomains).toEqual(['minkommun.se']);
  });
});

describe('the receipt tab', () => {
  it('opens once the report is there; a window the purge would empty gets it before its last tab closes', async () => {
    const create = w.ctx.tabs.create;
    w.ctx.tabs.create = async (p) => {
      // The group's tab is still open: the receipt comes first, so the window never empties.
      expect(w.port.snapshot().tabs.map((t) => t.url)).toContain(`${ESERVICE}/mina-sidor`);
      return create(p);
    };
    const kommun = w.port.openTab({ url: `${ESERVICE}/mina-sidor`, windowId: 7 });
    await navigate(bg, kommun, { url: `${ESERVICE}/mina-sidor`, transitionType: 'typed' });
    const report = await bg.logOutAll();
    expect(report).toMatchObject({ trigger: 'button', verified: true, tabsClosed: 1 });
    // One receipt tab: the one that kept the window open shows this logout (it is not opened twice).
    expect(w.port.snapshot().tabs.map((t) => [t.windowId, t.url])).toEqual([
      [7, `${RECEIPT}?since=${w.clock.now()}`],
    ]);
    expect(await bg.storage.lastReport.getValue()).toEqual(report);
  });

  it('is reused when one is open, else created next to the person’s tab', async () => {
    /** Tabs that behave: created at an index, updated in place. */
    const browserTabs = (
      open: { id: number; windowId: number; url: string; active?: boolean; index?: number }[],
    ) => {
      let next = 100;
      return {
        open,
        query: async () => open,
        create: async (p: { url?: string; active: boolean; windowId?: number; index?: number }) =>
          open.push({
            id: next++,
            windowId: p.windowId ?? 1,
            url: p.url ?? '',
            active: p.active,
            index: p.index,
          }),
        update: async (id: number, p: { url?: string; active: boolean }) =>
          Object.assign(open.find((t) => t.id === id)!, p),
      };
    };
    const ctx = (tabs: ReturnType<typeof browserTabs>) => ({ pageUrl: w.ctx.pageUrl, tabs });

    const none = browserTabs([]);
    await openReceiptTab(ctx(none), { active: true, windowId: 1, index: 4 }, 10);
    expect(none.open).toEqual([{ id: 100, windowId: 1, url: `${RECEIPT}?since=10`, active: true, index: 4 }]);

    const behind = browserTabs([{ id: 9, windowId: 2, url: `${RECEIPT}?since=1` }]);
    await openReceiptTab(ctx(behind), { active: false }, 11);
    expect(behind.open).toEqual([{ id: 9, windowId: 2, url: `${RECEIPT}?since=11`, active: false }]);

    const otherWindow = browserTabs([{ id: 9, windowId: 2, url: `${RECEIPT}?since=1` }]);
    await openReceiptTab(ctx(otherWindow), { active: true, windowId: 1 }, 12);
    expect(otherWindow.open.map((t) => [t.id, t.windowId, t.url])).toEqual([
      [9, 2, `${RECEIPT}?since=1`],
      [100, 1, `${RECEIPT}?since=12`],
    ]);

    // The tab that kept an emptied window open already shows this logout: brought forward, not reloaded.
    const same = browserTabs([{ id: 5, windowId: 3, url: `${RECEIPT}?since=13`, active: false }]);
    await openReceiptTab(ctx(same), { active: true }, 13);
    expect(same.open).toEqual([{ id: 5, windowId: 3, url: `${RECEIPT}?since=13`, active: true }]);
    const sameBehind = browserTabs([{ id: 5, windowId: 3, url: `${RECEIPT}?since=14`, active: false }]);
    await openReceiptTab(ctx(sameBehind), { active: false }, 14);
    expect(sameBehind.open).toEqual([{ id: 5, windowId: 3, url: `${RECEIPT}?since=14`, active: false }]);
  });
});

describe('context menu and badge', () => {
  it('builds the page item for protected hosts and the toolbar item, one rebuild at a time', async () => {
    const menus = () => new Map(w.browserState.menus.map((m) => [m.id, m]));
    await Promise.all([syncMenus(w.ctx, ['jarfalla.se', 'vklass.se']), syncMenus(w.ctx, ['jarfalla.se'])]);
    expect(menus().get(MENU_PAGE)).toMatchObject({
      title: 'Log out and clear',
      documentUrlPatterns: ['*://*.jarfalla.se/*'],
    });
    expect(menus().get(MENU_ACTION)).toMatchObject({ contexts: ['action'] });
    await syncMenus({ ...w.ctx, manifestVersion: 2 }, []);
    expect([...menus().keys()]).toEqual([MENU_ACTION]);
    expect(menus().get(MENU_ACTION)).toMatchObject({ contexts: ['browser_action'] });
  });

  it('sets the badge text, colour and title', async () => {
    await showSessionCount(w.ctx, 3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe('Safe Logout – protected sessions open: 3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xb3, 0x26, 0x1e, 255]);
    await showSessionCount(w.ctx, 0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe(badgeView(0).title);
  });

  it('follows the protected sessions open: a login shows 1, the logout clears it', async () => {
    const kommun = w.port.openTab({ url: `${ESERVICE}/mina-sidor` });
    await navigate(bg, kommun, { url: `${ESERVICE}/mina-sidor`, transitionType: 'typed' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    await bg.logOutAll();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });
});
