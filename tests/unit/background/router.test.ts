import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '@/utils/background/router';
import { DEFAULT_SETTINGS, effectiveSettings } from '@/utils/settings';

const self = {
  id: 'ooifmdmmgociepcdfdnbjkpjenpbeigg',
  baseUrl: 'chrome-extension://ooifmdmmgociepcdfdnbjkpjenpbeigg/',
};

function setup() {
  const purged: string[] = [];
  const handlers: Handlers = {
    getStatus: async () => ({ groups: [], lastReport: null }),
    logOutAll: async () => {
      purged.push('all');
      return null;
    },
    logOutGroup: async ({ groupId }) => {
      purged.push(groupId);
      return null;
    },
    logoutClicked: async (_, sender) => ({ accepted: sender.tab?.id === 5 }),
    fetchedOrigins: async (_, sender) => ({ accepted: sender.tab?.id === 5 }),
    getSettings: async () => ({ ...effectiveSettings(DEFAULT_SETTINGS), strengthenOnly: [] }),
    saveSettings: async () => {
      purged.push('settings');
      return effectiveSettings(DEFAULT_SETTINGS);
    },
    addCustomDomain: async () => {
      purged.push('add-domain');
      return { ok: false, error: 'empty' };
    },
    removeCustomDomain: async () => {
      purged.push('remove-domain');
      return effectiveSettings(DEFAULT_SETTINGS);
    },
    siteStatus: async () => ({ kind: 'not-web' }),
    protectSite: async () => {
      purged.push('protect-site');
      return { ok: false, status: { kind: 'not-web' } };
    },
    unprotectSite: async () => {
      purged.push('unprotect-site');
      return { ok: true };
    },
    guardInfo: async () => ({ sharedComputer: false, language: 'auto' }),
    guardLogOut: async (_, sender) => ({ accepted: sender.tab?.id === 5 }),
    getHealthReport: async () => ({ enabled: true, report: { services: {} } }),
    clearHealthReport: async () => {
      purged.push('health-report');
      return { cleared: true };
    },
  };
  return { route: createRouter(handlers, self), purged };
}

const popup = { id: self.id, url: `${self.baseUrl}popup.html` };
const contentScript = { id: self.id, url: 'https://e-tjanster.jarfalla.se/', tab: { id: 5 }, frameId: 0 };

describe('message router', () => {
  it('accepts destructive commands from the extension’s own pages', async () => {
    const { route, purged } = setup();
    await route({ type: 'logOutAll', data: {} }, popup);
    await route({ type: 'logOutGroup', data: { groupId: 'g-1' } }, { ...popup, tab: { id: 9 } });
    await route({ type: 'protectSite', data: { tabId: 5 } }, popup);
    await route({ type: 'unprotectSite', data: { domain: 'x.se' } }, popup);
    expect(purged).toEqual(['all', 'g-1', 'protect-site', 'unprotect-site']);
  });

  it.each([
    ['a content script', contentScript],
    ['a content script in a frame', { ...contentScript, frameId: 3 }],
    [
      'another extension',
      {
        id: 'abcdefghijklmnopabcdefghijklmnop',
        url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html',
      },
    ],
    ['a web page pretending to be us', { url: `${self.baseUrl}popup.html` }],
    ['no sender at all', {}],
  ])('refuses a destructive command from %s', async (_, sender) => {
    const { route, purged } = setup();
    await expect(route({ type: 'logOutAll', data: {} }, sender)).rejects.toThrow(/refused/);
    await expect(route({ type: 'logOutGroup', data: { groupId: 'g' } }, sender)).rejects.toThrow(/refused/);
    await expect(route({ type: 'protectSite', data: { tabId: 5 } }, sender)).rejects.toThrow(/refused/);
    await expect(route({ type: 'unprotectSite', data: { domain: 'x.se' } }, sender)).rejects.toThrow(
      /refused/,
    );
    expect(purged).toEqual([]);
  });

  it('lets our content script in a top frame report a logout click, and nobody else', async () => {
    const { route } = setup();
    await expect(route({ type: 'logoutClicked', data: {} }, contentScript)).resolves.toEqual({
      accepted: true,
    });
    await expect(
      route({ type: 'logoutClicked', data: {} }, { ...contentScript, frameId: 2 }),
    ).rejects.toThrow(/refused/);
    await expect(
      route({ type: 'logoutClicked', data: {} }, { ...contentScript, id: 'other' }),
    ).rejects.toThrow(/refused/);
    const origins = { origins: ['https://api.example.net'] };
    await expect(route({ type: 'fetchedOrigins', data: origins }, contentScript)).resolves.toEqual({
      accepted: true,
    });
    await expect(
      route({ type: 'fetchedOrigins', data: origins }, { ...contentScript, id: 'other' }),
    ).rejects.toThrow(/refused/);
  });

  it('lets the guard ask (guardInfo, guardLogOut) from a top frame only, and never change settings', async () => {
    const { route, purged } = setup();
    await expect(route({ type: 'guardLogOut', data: {} }, contentScript)).resolves.toEqual({
      accepted: true,
    });
    await expect(route({ type: 'guardInfo', data: {} }, contentScript)).resolves.toMatchObject({
      sharedComputer: false,
    });
    await expect(route({ type: 'guardLogOut', data: {} }, { ...contentScript, frameId: 1 })).rejects.toThrow(
      /refused/,
    );
    for (const type of ['saveSettings', 'addCustomDomain', 'removeCustomDomain', 'getSettings'])
      await expect(route({ type, data: {} }, contentScript)).rejects.toThrow(/refused/);
    expect(purged).toEqual([]);
  });

  it('clears the health report for the extension’s own pages only', async () => {
    const { route, purged } = setup();
    for (const sender of [contentScript, { url: `${self.baseUrl}health.html` }, {}])
      await expect(route({ type: 'clearHealthReport', data: {} }, sender)).rejects.toThrow(/refused/);
    await expect(route({ type: 'getHealthReport', data: {} }, contentScript)).rejects.toThrow(/refused/);
    expect(purged).toEqual([]);
    const page = { id: self.id, url: `${self.baseUrl}health.html` };
    await expect(route({ type: 'clearHealthReport', data: {} }, page)).resolves.toEqual({ cleared: true });
    expect(purged).toEqual(['health-report']);
  });

  it('refuses unknown and malformed messages', async () => {
    const { route } = setup();
    await expect(route({ type: 'wipeEverything', data: {} }, popup)).rejects.toThrow();
    await expect(route('logOutAll', popup)).rejects.toThrow();
    await expect(route(null, popup)).rejects.toThrow();
  });
});
