/**
 * The background side of the faces: the guard may only ask (and only for its own tab's group), settings
 * changes are checked and policy-locked keys refused, the receipt tab opens before the purge, menus and
 * badge are built as they should be.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { showSessionCount } from '@/utils/background/badge';
import { forcedLogOut } from '@/utils/background/commands';
import { onCommitted } from '@/utils/background/events';
import { guardLogOut, guardScope } from '@/utils/background/guard';
import { MENU_ACTION, MENU_PAGE, syncMenus } from '@/utils/background/menus';
import { openReceiptTab } from '@/utils/background/receipt-tab';
import { addDomain, removeDomain, sanitisePatch, saveSettings } from '@/utils/background/settings-commands';
import { setLanguage } from '@/utils/i18n';
import type { SenderLike } from '@/utils/messages';
import type { SessionState } from '@/utils/session-groups/types';
import { lastReport, sessionState, userSettings } from '@/utils/storage';
import { createWorld } from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';

beforeEach(() => {
  fakeBrowser.reset();
  setLanguage('en');
});

const KOMMUN = 'e-tjanster.jarfalla.se';
const state: SessionState = {
  v: 1,
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
    '5': { tabId: 5, groupIds: ['g1'], host: KOMMUN, groupId: 'g1' },
    '6': { tabId: 6, groupIds: ['g2'], host: 'www.vklass.se', groupId: 'g2' },
    '7': { tabId: 7, groupIds: [], host: 'www.lokaltidningen.se' },
  },
};
const guardFrom = (tabId: number, url: string, tabUrl = url): SenderLike => ({
  id: 'ext',
  url,
  frameId: 0,
  tab: { id: tabId, url: tabUrl, windowId: 1, index: 3 },
});

describe('the guard may only ask, and only for its own group', () => {
  it('is honoured for the tab’s own group on a protected host of that group', async () => {
    const { deps } = createWorld();
    await sessionState.setValue(state);
    expect(await guardScope(deps, guardFrom(5, `https://${KOMMUN}/mina-sidor`))).toEqual({
      kind: 'group',
      groupId: 'g1',
    });
    const calls: unknown[] = [];
    const res = await guardLogOut(
      deps,
      guardFrom(5, `https://${KOMMUN}/mina-sidor`),
      async (_, scope, receipt) => {
        calls.push({ scope, receipt });
        return null;
      },
    );
    expect(res).toEqual({ accepted: true });
    expect(calls).toEqual([
      { scope: { kind: 'group', groupId: 'g1' }, receipt: { active: true, windowId: 1, index: 4 } },
    ]);
  });

  it.each([
    [
      'the frame and the tab are on different hosts',
      guardFrom(5, `https://${KOMMUN}/`, 'https://evil.example/'),
    ],
    ['the page is not protected', guardFrom(7, 'https://www.lokaltidningen.se/')],
    ['the host is not in the tab’s group', guardFrom(6, `https://${KOMMUN}/`)],
    ['the tab is in no group', guardFrom(99, `https://${KOMMUN}/`)],
    ['there is no tab', { id: 'ext', url: `https://${KOMMUN}/`, frameId: 0 }],
  ])('is refused when %s', async (_, sender) => {
    const { deps } = createWorld();
    await sessionState.setValue(state);
    const calls: unknown[] = [];
    const res = await guardLogOut(deps, sender, async (...a) => {
      calls.push(a);
      return null;
    });
    expect(res).toEqual({ accepted: false });
    expect(calls).toEqual([]);
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
    const w = createWorld();
    const windowsOpened: [number, string | null][] = [];
    w.deps.windows = {
      normalWindowIds: async () => [...new Set(w.port.snapshot().tabs.map((t) => t.windowId))],
      openTab: async (windowId, url) => {
        // The group's tab is still open: the receipt comes first, so the window never empties.
        expect(w.port.snapshot().tabs.map((t) => t.url)).toContain(`${ESERVICE}/mina-sidor`);
        windowsOpened.push([windowId, url]);
        w.port.openTab({ windowId, url: url ?? 'chrome://newtab/' });
      },
    };
    const kommun = w.port.openTab({ url: `${ESERVICE}/mina-sidor`, windowId: 7 });
    await onCommitted(w.deps, {
      tabId: kommun,
      frameId: 0,
      url: `${ESERVICE}/mina-sidor`,
      transitionType: 'typed',
    });
    const seen: string[] = [];
    const page = (since: number) => `chrome-extension://id/receipt.html?since=${since}`;
    const report = await forcedLogOut(
      w.deps,
      { kind: 'all' },
      { active: true },
      async (placement, since) => {
        seen.push(
          `receipt ${JSON.stringify(placement)} since ${since}; report: ${(await lastReport.getValue())?.trigger}`,
        );
      },
      page,
    );
    expect(report).toMatchObject({ trigger: 'button', verified: true, tabsClosed: 1 });
    expect(windowsOpened).toEqual([[7, page(w.clock.now())]]);
    expect(w.port.snapshot().tabs.map((t) => [t.windowId, t.url])).toEqual([[7, page(w.clock.now())]]);
    await vi.waitFor(() =>
      expect(seen).toEqual([`receipt {"active":true} since ${w.clock.now()}; report: button`]),
    );
    expect(await lastReport.getValue()).toEqual(report);
  });

  it('is reused when one is open, else created next to the person’s tab', async () => {
    const calls: string[] = [];
    const base = 'chrome-extension://id/receipt.html';
    const api = (tabs: { id: number; windowId: number; url: string }[]) => ({
      query: async () => tabs,
      create: async (p: object) => calls.push(`create ${JSON.stringify(p)}`),
      update: async (id: number, p: object) => calls.push(`update ${id} ${JSON.stringify(p)}`),
    });
    await openReceiptTab({ active: true, windowId: 1, index: 4 }, 10, api([]), base);
    await openReceiptTab({ active: false }, 11, api([{ id: 9, windowId: 2, url: `${base}?since=1` }]), base);
    await openReceiptTab(
      { active: true, windowId: 1 },
      12,
      api([{ id: 9, windowId: 2, url: `${base}?since=1` }]),
      base,
    );
    // The tab that kept an emptied window open already shows this logout: brought forward, not reloaded.
    await openReceiptTab({ active: true }, 13, api([{ id: 5, windowId: 3, url: `${base}?since=13` }]), base);
    await openReceiptTab({ active: false }, 14, api([{ id: 5, windowId: 3, url: `${base}?since=14` }]), base);
    expect(calls).toEqual([
      `create {"url":"${base}?since=10","active":true,"windowId":1,"index":4}`,
      `update 9 {"url":"${base}?since=11","active":false}`,
      `create {"url":"${base}?since=12","active":true,"windowId":1}`,
      `update 5 {"active":true}`,
    ]);
  });
});

describe('context menu and badge', () => {
  it('builds the page item for protected hosts and the toolbar item, one rebuild at a time', async () => {
    const items: Map<string, object> = new Map();
    const api = {
      removeAll: async () => items.clear(),
      create: (p: { id: string }) => {
        if (items.has(p.id)) throw new Error(`duplicate ${p.id}`);
        items.set(p.id, p);
      },
    };
    await Promise.all([
      syncMenus(['jarfalla.se', 'vklass.se'], api, true),
      syncMenus(['jarfalla.se'], api, true),
    ]);
    expect(items.get(MENU_PAGE)).toMatchObject({
      title: 'Log out and clear',
      documentUrlPatterns: ['*://*.jarfalla.se/*'],
    });
    expect(items.get(MENU_ACTION)).toMatchObject({ contexts: ['action'] });
    await syncMenus([], api, false);
    expect([...items.keys()]).toEqual([MENU_ACTION]);
    expect(items.get(MENU_ACTION)).toMatchObject({ contexts: ['browser_action'] });
  });

  it('sets the badge text, colour and title', async () => {
    const calls: string[] = [];
    const rec = (name: string) => async (d: object) => {
      calls.push(`${name} ${JSON.stringify(d)}`);
    };
    await showSessionCount(3, {
      setBadgeText: rec('text'),
      setBadgeBackgroundColor: rec('colour'),
      setBadgeTextColor: rec('textColour'),
      setTitle: rec('title'),
    });
    expect(calls.sort()).toEqual([
      'colour {"color":"#b3261e"}',
      'text {"text":"3"}',
      'textColour {"color":"#ffffff"}',
      'title {"title":"Safe Logout – protected sessions open: 3"}',
    ]);
  });
});
