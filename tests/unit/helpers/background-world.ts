/**
 * The real background, started as the browser starts it: `wireBackground` over WXT's fake browser, with the
 * same context production builds (`createWebExtContext`) except the in-memory data port, a clock the test
 * moves by hand, the real recogniser over the built-in packs, and in-memory stand-ins for the few APIs the fake
 * browser lacks (idle, context menus, content-script registration, privacy). Every event reaches the
 * background through a browser event (`trigger`) or a runtime message, exactly as in a browser; every
 * assertion reads the fake browser, the data port or the extension's storage afterwards.
 *
 * A "restart" imports the background afresh (every module variable gone, as in a stopped MV3 worker) and
 * drops the old worker's listeners; storage is kept.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { createFakePort, type FakePort } from '@/tests/fakes/fake-port';
import { type BackgroundContext, createWebExtContext, type IdleState } from '@/utils/background/context';
import { CATALOGUES, formatMessage, type MessageKey } from '@/utils/i18n';
import type { Protocol } from '@/utils/messages';
import { PACKS } from '@/utils/rules/generated/packs';
import { createMatcher } from '@/utils/rules/match';
import type { Classify } from '@/utils/session-groups/types';
import { DEFAULT_SETTINGS, effectiveSettings, type Settings } from '@/utils/settings';

export const T0 = 1_764_320_000_000;

/**
 * Every test of the file starts with an empty fake browser, and its timers are the test's to move (the
 * background's fast paths use setTimeout; the durable ones alarms). Call at the top level, before the file's
 * own `beforeEach`.
 */
export function freshBrowserEachTest(): void {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
  });
}

type Listener = (...args: never[]) => unknown;
/** A browser event the fake browser lacks, with the fake browser's own `trigger`. */
function testEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: (l: Listener) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: Listener) => listeners.includes(l),
    hasListeners: () => listeners.length > 0,
    removeAllListeners: () => void listeners.splice(0),
    trigger: (...args: unknown[]) =>
      Promise.all(listeners.map((l) => (l as (...a: unknown[]) => unknown)(...args))),
  };
}
type TestEvent = ReturnType<typeof testEvent>;

/** The fake browser with the events it lacks (webRequest, idle, commands, context menus) added. */
function eventSource() {
  const extra = {
    webRequest: { onBeforeRequest: testEvent() },
    idle: { onStateChanged: testEvent() },
    commands: { onCommand: testEvent() },
    contextMenus: { onClicked: testEvent() },
  };
  Object.assign(fakeBrowser, extra);
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.0.0' }) });
  // The browser's own language is English here.
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: MessageKey, subs: string[] = []) => formatMessage(CATALOGUES.en[key], subs),
    getUILanguage: () => 'en',
  });
  return { api: fakeBrowser as unknown as typeof browser, extra };
}

/** Every listener of the stopped worker goes with it. */
function dropListeners(api: object): void {
  for (const ns of Object.values(api)) {
    if (!ns || typeof ns !== 'object') continue;
    for (const ev of Object.values(ns)) {
      const e = ev as { removeAllListeners?: () => void };
      if (e && typeof e === 'object' && typeof e.removeAllListeners === 'function') e.removeAllListeners();
    }
  }
}

export interface MenuItem {
  id: string;
  title: string;
  contexts: string[];
  documentUrlPatterns?: string[];
}

export function createWorld(settings: Partial<Settings> = {}) {
  let t = T0;
  const port = createFakePort({ now: () => t });
  const matcher = createMatcher({ packs: PACKS });
  const classify: Classify = (host) => matcher.match(host);
  const { api, extra } = eventSource();
  const ownTabs = new Set<number>();
  /** What the in-memory stand-ins hold: the browser's state for the APIs the fake browser lacks. */
  const browserState = {
    menus: [] as MenuItem[],
    watcherDomains: [] as string[],
    passwordSavingOff: false,
    idle: 'active' as IdleState,
    idleInterval: 0,
    /** Extension pop-up windows open now (the idle countdown): id → URL. */
    popups: new Map<number, string>(),
    nextWindowId: 500,
    tabUpdates: [] as { id: number; url?: string; active: boolean }[],
  };
  const ctx: BackgroundContext = {
    ...createWebExtContext(api, { port, isOwnTab: (id) => ownTabs.has(id) }),
    now: () => t,
    later: (ms, fn) => void setTimeout(fn, ms),
    settings: async () => effectiveSettings({ ...DEFAULT_SETTINGS, ...settings }),
    classify: async () => classify,
    protectedDomains: async () => PACKS.flatMap((p) => p.rules.flatMap((r) => r.domains)),
    // One tab model: the data port's (the receipt and start-page tabs open where the purge closes tabs).
    tabs: {
      query: async () => port.snapshot().tabs,
      async create(p) {
        return {
          id: port.openTab({
            url: p.url ?? 'chrome://newtab/',
            ...(p.windowId ? { windowId: p.windowId } : {}),
          }),
        };
      },
      async update(id, p) {
        browserState.tabUpdates.push({ id, ...p });
      },
    },
    windows: {
      normalIds: async () => [...new Set(port.snapshot().tabs.map((t) => t.windowId))],
      async openPopup(url) {
        const id = browserState.nextWindowId++;
        browserState.popups.set(id, url);
        return id;
      },
      async close(id) {
        browserState.popups.delete(id);
      },
    },
    menus: {
      async removeAll() {
        browserState.menus = [];
      },
      create(p) {
        if (browserState.menus.some((m) => m.id === p.id)) throw new Error(`duplicate id ${p.id}`);
        browserState.menus.push(p);
      },
    },
    idle: {
      async setDetectionInterval(s) {
        browserState.idleInterval = s;
      },
      queryState: async () => browserState.idle,
    },
    contentScripts: {
      async register(domains) {
        browserState.watcherDomains = [...domains];
      },
    },
    passwords: {
      async apply(disable) {
        browserState.passwordSavingOff = disable;
      },
    },
  };
  const clock = {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
  return { port, ctx, api, extra, clock, ownTabs, browserState };
}
export type World = ReturnType<typeof createWorld>;

const POPUP = (api: typeof browser) => ({ id: api.runtime.id, url: api.runtime.getURL('/popup.html') });

/** Start the background as the browser does; resolves once its wake is done (a browser start waits 250 ms). */
export async function startWorker(
  w: World,
  opts: { installed?: { reason: string; previousVersion?: string } } = {},
) {
  vi.resetModules();
  dropListeners(w.api);
  const [{ wireBackground }, queue, storage, startup] = await Promise.all([
    import('@/utils/background/wire'),
    import('@/utils/background/queue'),
    import('@/utils/storage'),
    import('@/utils/background/startup'),
  ]);
  const { api, extra } = w;
  const kind = await startup.wakeKind();
  wireBackground(w.ctx, api);

  /** Every event handed to this worker so far, and what those handlers queued in turn, has been handled. */
  const settled = async () => {
    for (let i = 0; i < 6; i++) {
      await queue.drained();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const send = async <K extends keyof Protocol>(
    type: K,
    data: Protocol[K]['req'],
    sender: object = POPUP(api),
  ): Promise<Protocol[K]['res']> => {
    const [reply] = await (fakeBrowser.runtime.onMessage as unknown as TestEvent).trigger(
      { type, data },
      sender as never,
      undefined as never,
    );
    await settled();
    return reply as Protocol[K]['res'];
  };
  const fire = async (event: { trigger: (...a: never[]) => Promise<unknown> }, ...args: unknown[]) => {
    await (event.trigger as (...a: unknown[]) => Promise<unknown>)(...args);
    await settled();
  };
  const bg = {
    storage,
    wakeKind: startup.wakeKind,
    settled,
    send,
    onRequest: (d: { tabId: number; url: string; type: string }) => fire(extra.webRequest.onBeforeRequest, d),
    onBeforeNavigate: (d: { tabId: number; frameId: number; url: string }) =>
      fire(fakeBrowser.webNavigation.onBeforeNavigate, d),
    onCommitted: (d: {
      tabId: number;
      frameId: number;
      url: string;
      transitionType?: string;
      transitionQualifiers?: string[];
    }) => fire(fakeBrowser.webNavigation.onCommitted, d),
    onCompleted: (d: { tabId: number; frameId: number }) => fire(fakeBrowser.webNavigation.onCompleted, d),
    onCreatedNavigationTarget: (d: { tabId: number; sourceTabId: number }) =>
      fire(fakeBrowser.webNavigation.onCreatedNavigationTarget, d),
    onTabRemoved: (tabId: number) =>
      fire(fakeBrowser.tabs.onRemoved, tabId, { windowId: 1, isWindowClosing: false }),
    /** The logout watcher in `tabId`'s top frame reports a click. */
    onLogoutClicked: async (tabId: number) =>
      (
        await send(
          'logoutClicked',
          {},
          {
            id: api.runtime.id,
            frameId: 0,
            url: `https://e-tjanster.jarfalla.se/`,
            tab: { id: tabId, url: `https://e-tjanster.jarfalla.se/` },
          },
        )
      ).accepted,
    logOutAll: () => send('logOutAll', {}),
    logOutGroup: (groupId: string) => send('logOutGroup', { groupId }),
    status: () => send('getStatus', {}),
    command: (name: string, tab?: object) => fire(extra.commands.onCommand, name, tab),
    menuClicked: (menuItemId: string, tab?: object) =>
      fire(extra.contextMenus.onClicked, { menuItemId }, tab),
    idleState: (state: IdleState) => fire(extra.idle.onStateChanged, state),
    windowClosed: (windowId: number) => fire(fakeBrowser.windows.onRemoved, windowId),
    /** The settings changed (the options page, or IT policy): the background follows them. */
    async settingsChanged() {
      const current = await storage.userSettings.getValue();
      await storage.userSettings.setValue({ ...current, graceSeconds: current.graceSeconds === 1 ? 2 : 1 });
      await settled();
    },
    /** The alarm `name` goes off now, whatever its time. */
    async alarm(name: string) {
      const alarm = (await fakeBrowser.alarms.get(name)) ?? { name, scheduledTime: w.clock.now() };
      await fire(fakeBrowser.alarms.onAlarm, alarm);
    },
    /** Every alarm whose time has come goes off (the fake browser keeps them; nothing fires them by itself). */
    async fireDueAlarms() {
      for (const alarm of [...(await fakeBrowser.alarms.getAll())]) {
        if (alarm.scheduledTime > w.clock.now()) continue;
        await fakeBrowser.alarms.clear(alarm.name);
        await fire(fakeBrowser.alarms.onAlarm, alarm);
      }
    },
  };
  // An update: the browser says so just after the worker starts (it empties storage.session too).
  if (opts.installed)
    await fakeBrowser.runtime.onInstalled.trigger({ temporary: false, ...opts.installed } as never);
  // A browser start waits a moment for onInstalled.
  if (kind === 'browser-start') await vi.advanceTimersByTimeAsync(250).catch(() => undefined);
  await settled();
  return bg;
}
export type Worker = Awaited<ReturnType<typeof startWorker>>;

export interface Hop {
  /** Where the navigation starts (onBeforeNavigate); later hops are server redirects. */
  url: string;
  redirects?: string[];
  transitionType?: string;
}

/**
 * One top-level navigation as Chrome reports it: onBeforeNavigate for the first URL, a main-frame request
 * for every hop (redirects included), onCommitted for the last with its qualifiers, then onCompleted.
 */
export async function navigate(bg: Worker, tabId: number, hop: Hop): Promise<void> {
  const hops = [hop.url, ...(hop.redirects ?? [])];
  const last = hops.at(-1)!;
  await bg.onBeforeNavigate({ tabId, frameId: 0, url: hop.url });
  for (const url of hops) await bg.onRequest({ tabId, url, type: 'main_frame' });
  await bg.onCommitted({
    tabId,
    frameId: 0,
    url: last,
    transitionType: hop.transitionType ?? 'link',
    transitionQualifiers: hops.length > 1 ? ['server_redirect'] : [],
  });
  await bg.onCompleted({ tabId, frameId: 0 });
}

/**
 * A login round trip in `tab` as the browser reports it: the service (typed), its /login redirecting to the
 * IdP, and the assertion posted back to the service, which redirects to `landing`. `onService` and `atIdp` set
 * what the service and the IdP set on the way (their cookies); `atIdp` may also move the clock (BankID).
 */
export async function logInRoundTrip(
  bg: Worker,
  tab: number,
  {
    service = 'https://e-tjanster.jarfalla.se',
    idp = 'https://login.eidbrygga.net',
    landing = '/mina-sidor',
    onService = () => undefined,
    atIdp = () => undefined,
  }: {
    service?: string;
    idp?: string;
    landing?: string;
    onService?: () => void;
    atIdp?: () => void;
  } = {},
): Promise<void> {
  await navigate(bg, tab, { url: `${service}/`, transitionType: 'typed' });
  onService();
  await navigate(bg, tab, { url: `${service}/login`, redirects: [`${idp}/sso?SAMLRequest=x`] });
  atIdp();
  await navigate(bg, tab, {
    url: `${service}/saml/acs`,
    redirects: [`${service}${landing}`],
    transitionType: 'form_submit',
  });
}

/** The person closes a tab: it is gone from the browser, then the event arrives. */
export async function closeTab(bg: Worker, world: World, tabId: number): Promise<void> {
  await world.port.closeTabs([tabId]);
  await bg.onTabRemoved(tabId);
}

export type { FakePort, TestEvent };
