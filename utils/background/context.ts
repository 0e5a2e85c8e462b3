/**
 * Everything the background needs from the browser, built once (`createWebExtContext`) and handed to every
 * handler: the data port, the clock, settings and the recogniser, and small wrappers over tabs, windows,
 * menus, badge, alarms, idle and content scripts. Tests build the same context over WXT's fake browser and
 * the in-memory data port; no module reaches for `browser` behind the context's back.
 */
import type { browser } from 'wxt/browser';
import type { EnginePorts } from '../browser-data/browser-port';
import type { BrowserDataPort, TabInfo } from '../browser-data/port';
import type { Classify } from '../session-groups/types';
import type { EffectiveSettings } from '../settings';
import { registerLogoutWatch } from './content-scripts';
import { applyPasswordPolicy, privacySettings } from './privacy';
import { loadEffectiveSettings, protectedDomains, recogniser } from './protection-in-force';

export type IdleState = 'active' | 'idle' | 'locked';

export interface BackgroundContext {
  /** cookies, site data, history, downloads, form data, closed tabs, listing and closing tabs. */
  port: BrowserDataPort;
  /** A tab the data port opened for its own work (Firefox Cache Storage): not the person's browsing. */
  isOwnTab(tabId: number): boolean;
  now(): number;
  /** The fast path while the worker is awake; `alarms` is the durable one. */
  later(ms: number, fn: () => void): void;
  settings(): Promise<EffectiveSettings>;
  classify(): Promise<Classify>;
  protectedDomains(): Promise<string[]>;
  /** Wake the worker at `when` even if it sleeps until then. */
  alarms: { set(name: string, when: number): Promise<void> };
  /** Extension pages by path (`/receipt.html?…`). */
  pageUrl(path: string): string;
  tabs: {
    query(): Promise<{ id?: number; windowId?: number; url?: string }[]>;
    create(p: { url?: string; active: boolean; windowId?: number; index?: number }): Promise<unknown>;
    update(id: number, p: { url?: string; active: boolean }): Promise<unknown>;
  };
  windows: {
    normalIds(): Promise<number[]>;
    /** A small extension window (the idle countdown); its id, or null. */
    openPopup(url: string, size: { width: number; height: number }): Promise<number | null>;
    close(windowId: number): Promise<void>;
  };
  menus: {
    removeAll(): Promise<void>;
    create(p: { id: string; title: string; contexts: string[]; documentUrlPatterns?: string[] }): unknown;
  };
  badge: { show(text: string, title: string, colour: string): Promise<void> };
  idle: {
    setDetectionInterval(seconds: number): Promise<void>;
    queryState(seconds: number): Promise<IdleState>;
  };
  /** The logout watcher and guard on exactly these domains. */
  contentScripts: { register(domains: readonly string[]): Promise<void> };
  /** Password saving off while IT says so. */
  passwords: { apply(disable: boolean): Promise<unknown> };
  manifestVersion: 2 | 3;
}

export type { TabInfo };

interface ActionApi {
  setBadgeText(d: { text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { color: string }): Promise<void>;
  setTitle(d: { title: string }): Promise<void>;
  setBadgeTextColor?(d: { color: string }): Promise<void>;
}

/** The context over `api` (the browser) and the engine's data port (`createBrowserPorts`). */
export function createWebExtContext(api: typeof browser, { port, isOwnTab }: EnginePorts): BackgroundContext {
  // `action` in MV3, `browserAction` in Firefox MV2.
  const action = () => ((api as unknown as { action?: ActionApi }).action ?? api.browserAction) as ActionApi;
  return {
    port,
    isOwnTab,
    now: Date.now,
    later: (ms, fn) => void setTimeout(fn, ms),
    settings: loadEffectiveSettings,
    classify: async () => (await recogniser()).classify,
    protectedDomains,
    alarms: {
      async set(name, when) {
        await api.alarms.create(name, { when });
      },
    },
    pageUrl: (path) => api.runtime.getURL(path as '/'),
    tabs: {
      query: () => api.tabs.query({}),
      create: (p) => api.tabs.create(p),
      update: (id, p) => api.tabs.update(id, p),
    },
    windows: {
      async normalIds() {
        const windows = await api.windows.getAll({ windowTypes: ['normal'] });
        return windows.flatMap((w) => (typeof w.id === 'number' ? [w.id] : []));
      },
      async openPopup(url, size) {
        const w = await api.windows.create({ url, type: 'popup', focused: true, ...size });
        return w?.id ?? null;
      },
      async close(windowId) {
        await api.windows.remove(windowId);
      },
    },
    menus: {
      removeAll: () => api.contextMenus.removeAll(),
      create: (p) => api.contextMenus.create(p as Parameters<typeof api.contextMenus.create>[0]),
    },
    badge: {
      async show(text, title, colour) {
        const badge = action();
        await Promise.all([
          badge.setBadgeText({ text }),
          badge.setBadgeBackgroundColor({ color: colour }),
          badge.setBadgeTextColor?.({ color: '#ffffff' }),
          badge.setTitle({ title }),
        ]);
      },
    },
    idle: {
      async setDetectionInterval(seconds) {
        await api.idle.setDetectionInterval(seconds);
      },
      queryState: (seconds) => api.idle.queryState(seconds) as Promise<IdleState>,
    },
    contentScripts: { register: registerLogoutWatch },
    passwords: { apply: (disable) => applyPasswordPolicy(disable, privacySettings(api)) },
    manifestVersion: import.meta.env.MANIFEST_VERSION === 2 ? 2 : 3,
  };
}
