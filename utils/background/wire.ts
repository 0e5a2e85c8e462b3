/**
 * Registers every background listener synchronously (MV3: listeners must exist when the worker wakes for
 * an event) and hands each event to the modules that handle it.
 */
import { browser } from 'wxt/browser';
import { createWebExtPort } from '../browser-data/webext-port';
import { userSettings } from '../storage';
import { getClassifier, loadEffectiveSettings, protectedDomains } from './classifier';
import { logOutAll, logOutGroup, status } from './commands';
import { registerLogoutWatch } from './content-scripts';
import {
  type EventDeps,
  onBeforeNavigate,
  onCommitted,
  onCompleted,
  onCreatedNavigationTarget,
  onLogoutClicked,
  onRequest,
  onTabRemoved,
  runDuePurges,
} from './events';
import { createRouter } from './router';
import { onWake, type WakeKind, wakeKind } from './startup';

/** An extension update also empties storage.session; onInstalled says so shortly after the worker starts. */
const INSTALL_EVENT_WAIT_MS = 250;

export function wireBackground(): void {
  const deps: EventDeps = {
    port: createWebExtPort(),
    settings: loadEffectiveSettings,
    classify: getClassifier,
    now: Date.now,
    scheduleWake: async (name, when) => {
      await browser.alarms.create(name, { when });
    },
  };
  let updatedFrom: string | undefined;

  browser.webRequest.onBeforeRequest.addListener(
    (d) => {
      void onRequest(deps, d);
      return undefined;
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] },
  );
  browser.webNavigation.onBeforeNavigate.addListener((d) => void onBeforeNavigate(deps, d));
  browser.webNavigation.onCommitted.addListener((d) => void onCommitted(deps, d));
  browser.webNavigation.onCompleted.addListener((d) => void onCompleted(deps, d));
  browser.webNavigation.onCreatedNavigationTarget.addListener((d) => void onCreatedNavigationTarget(deps, d));
  browser.tabs.onRemoved.addListener((tabId) => void onTabRemoved(deps, tabId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'due-purges') void runDuePurges(deps);
  });

  const route = createRouter(
    {
      getStatus: () => status(),
      logOutAll: () => logOutAll(deps),
      logOutGroup: ({ groupId }) => logOutGroup(deps, groupId),
      logoutClicked: async (_, sender) => ({
        accepted: typeof sender.tab?.id === 'number' && (await onLogoutClicked(deps, sender.tab.id)),
      }),
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
  const syncContentScripts = async () => registerLogoutWatch(await protectedDomains());
  userSettings.watch(() => void syncContentScripts());
  // IT policy can arrive or change after the worker started (NOTES.md): follow the managed area too.
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') void syncContentScripts();
  });

  const wake = (async (): Promise<WakeKind> => {
    const kind = await wakeKind();
    if (kind !== 'browser-start') return kind;
    await new Promise((resolve) => setTimeout(resolve, INSTALL_EVENT_WAIT_MS));
    return updatedFrom ? 'extension-update' : kind;
  })();
  void onWake(deps, wake);
  void syncContentScripts().catch((e) => console.error('Safe Logout: content script registration failed', e));
}
