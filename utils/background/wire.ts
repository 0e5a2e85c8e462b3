/**
 * Registers every background listener synchronously (MV3: listeners must exist when the worker wakes for
 * an event) and hands each event to the modules that handle it.
 */
import { browser } from 'wxt/browser';
import { createWebExtPort } from '../browser-data/webext-port';
import { setLanguage } from '../i18n';
import { managedCache, sessionState, userSettings } from '../storage';
import { LOG_OUT_COMMAND } from '../ui/shortcut';
import { showSessionCount } from './badge';
import { forgetManaged, getClassifier, loadEffectiveSettings, protectedDomains } from './classifier';
import { type ForcedScope, forcedLogOut, status } from './commands';
import { registerLogoutWatch } from './content-scripts';
import {
  type EventDeps,
  fetchedOrigins,
  onBeforeNavigate,
  onCommitted,
  onCompleted,
  onCreatedNavigationTarget,
  onLogoutClicked,
  onRequest,
  onTabRemoved,
  runDuePurges,
} from './events';
import { guardInfo, guardLogOut } from './guard';
import {
  IDLE_ALARM,
  type IdleDeps,
  onCountdownDue,
  onIdleStateChanged,
  onWindowRemoved,
  syncIdle,
  webExtCountdownUi,
  webExtIdleApi,
} from './idle';
import { logged } from './log';
import { MENU_IDS, syncMenus } from './menus';
import { applyPasswordPolicy } from './privacy';
import { createRouter } from './router';
import { addDomain, removeDomain, saveSettings } from './settings-commands';
import { onWake, type WakeKind, wakeKind } from './startup';

type TabLike = { windowId?: number; index?: number } | undefined;

/** An extension update also empties storage.session; onInstalled says so shortly after the worker starts. */
const INSTALL_EVENT_WAIT_MS = 250;

export function wireBackground(): void {
  const deps: EventDeps & IdleDeps = {
    port: createWebExtPort(),
    settings: loadEffectiveSettings,
    classify: getClassifier,
    now: Date.now,
    scheduleWake: async (name, when) => {
      await browser.alarms.create(name, { when });
    },
    idle: webExtIdleApi,
    countdown: webExtCountdownUi,
  };
  let updatedFrom: string | undefined;

  browser.webRequest.onBeforeRequest.addListener(
    (d) => {
      logged('request')(onRequest(deps, d));
      return undefined;
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] },
  );
  browser.webNavigation.onBeforeNavigate.addListener((d) => logged('navigation')(onBeforeNavigate(deps, d)));
  browser.webNavigation.onCommitted.addListener((d) => logged('commit')(onCommitted(deps, d)));
  browser.webNavigation.onCompleted.addListener((d) => logged('load')(onCompleted(deps, d)));
  browser.webNavigation.onCreatedNavigationTarget.addListener((d) =>
    logged('new tab')(onCreatedNavigationTarget(deps, d)),
  );
  browser.tabs.onRemoved.addListener((tabId) => logged('tab closed')(onTabRemoved(deps, tabId)));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'due-purges') logged('due purges')(runDuePurges(deps));
    if (alarm.name === IDLE_ALARM) logged('idle countdown')(onCountdownDue(deps));
  });
  // IT's idle logout (utils/background/idle.ts): the system's idle state, and the countdown window closing.
  browser.idle.onStateChanged.addListener((state) => logged('idle')(onIdleStateChanged(deps, state)));
  browser.windows.onRemoved.addListener((windowId) =>
    logged('window closed')(onWindowRemoved(deps, windowId)),
  );

  /** Shortcut and context menu: everything protected, the receipt in front, next to the tab the person was on. */
  const forcedFrom = (tab: TabLike, scope: ForcedScope = { kind: 'all' }) =>
    forcedLogOut(deps, scope, {
      active: true,
      windowId: tab?.windowId,
      index: typeof tab?.index === 'number' ? tab.index + 1 : undefined,
    });
  const onCommand = (command: string, tab?: TabLike) =>
    command === LOG_OUT_COMMAND ? forcedFrom(tab) : Promise.resolve(null);
  const onMenuClicked = (info: { menuItemId: string | number }, tab?: TabLike) =>
    MENU_IDS.includes(String(info.menuItemId)) ? forcedFrom(tab) : Promise.resolve(null);
  browser.commands.onCommand.addListener((command, tab) => logged('shortcut')(onCommand(command, tab)));
  browser.contextMenus.onClicked.addListener((info, tab) => logged('menu')(onMenuClicked(info, tab)));

  const route = createRouter(
    {
      getStatus: () => status(),
      // From the popup: the popup shows the receipt itself; the receipt page waits behind it.
      logOutAll: () => forcedLogOut(deps, { kind: 'all' }, { active: false }),
      logOutGroup: ({ groupId }) => forcedLogOut(deps, { kind: 'group', groupId }, { active: false }),
      logoutClicked: async (_, sender) => ({
        accepted: typeof sender.tab?.id === 'number' && (await onLogoutClicked(deps, sender.tab.id)),
      }),
      fetchedOrigins: async ({ origins }, sender) => ({
        accepted:
          typeof sender.tab?.id === 'number' &&
          Array.isArray(origins) &&
          (await fetchedOrigins(sender.tab.id, origins.filter((o) => typeof o === 'string').slice(0, 50))),
      }),
      getSettings: () => loadEffectiveSettings(),
      saveSettings: ({ patch }) => saveSettings(patch),
      addCustomDomain: ({ input }) => addDomain(input),
      removeCustomDomain: ({ domain }) => removeDomain(domain),
      guardInfo: () => guardInfo(deps),
      guardLogOut: (_, sender) => guardLogOut(deps, sender),
    },
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
  );
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const reply = route(message, sender).catch((e: unknown) => ({ refused: String(e) }));
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  });

  browser.runtime.onInstalled.addListener((d) => {
    if (d.reason === 'update' && d.previousVersion !== browser.runtime.getManifest().version)
      updatedFrom = d.previousVersion;
  });
  const badge = () =>
    sessionState
      .getValue()
      .then((s) => showSessionCount(Object.keys(s.groups).length))
      .catch((e: unknown) => console.error('Safe Logout: badge', e));
  sessionState.watch(() => void badge());
  // At once, not after the settings: the first read of IT policy can take seconds after the browser starts.
  void badge();
  /** Protected hosts and language changed (or the worker woke): guard/watcher, menus and badge follow. */
  const syncContentScripts = async () => {
    const [domains, settings] = await Promise.all([protectedDomains(), loadEffectiveSettings()]);
    setLanguage(settings.language);
    await Promise.all([registerLogoutWatch(domains), syncMenus(domains), badge()]);
  };
  /** Idle detection and password saving follow the settings in force (IT policy can change at any time). */
  const syncSharedMode = async () => {
    const settings = await loadEffectiveSettings();
    await Promise.all([applyPasswordPolicy(settings.disablePasswordSaving), syncIdle(deps)]);
  };
  const syncAll = () => {
    logged('content script registration')(syncContentScripts());
    logged('shared-computer mode')(syncSharedMode());
  };
  userSettings.watch(syncAll);
  // The browser's first answer about IT policy can come seconds late (managed-policy.ts): follow it too.
  managedCache.watch(syncAll);
  // IT policy can arrive or change after the worker started (NOTES.md): follow the managed area too.
  browser.storage.onChanged.addListener((_, area) => {
    if (area !== 'managed') return;
    forgetManaged();
    syncAll();
  });

  const wake = (async (): Promise<WakeKind> => {
    const kind = await wakeKind();
    if (kind !== 'browser-start') return kind;
    await new Promise((resolve) => setTimeout(resolve, INSTALL_EVENT_WAIT_MS));
    return updatedFrom ? 'extension-update' : kind;
  })();
  logged('wake')(onWake(deps, wake));
  syncAll();
  // A browser cannot synthesise a keyboard shortcut or a menu click; the real-browser tests call these two
  // handlers here instead (and take their presence to mean that every listener above exists). The background's
  // global scope is reachable only from the extension itself (DevTools; in Firefox MV2 also its own pages),
  // never from a web page, a content script or another extension.
  Object.assign(globalThis, { safeLogoutHandlers: Object.freeze({ onCommand, onMenuClicked }) });
}
