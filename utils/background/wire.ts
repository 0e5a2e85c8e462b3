/**
 * Registers every background listener synchronously, in one call at the worker's top level (MV3: listeners
 * must exist when the worker wakes for an event), and hands each event to the module that handles it.
 * `api` is where the events come from: the browser, or WXT's fake browser in the integration tests.
 */
import type { browser } from 'wxt/browser';
import { clearHealthReport, healthStatus } from '../health/watch';
import { setLanguage } from '../i18n';
import type { PurgeReport, PurgeTrigger } from '../purge/types';
import { MAX_REPORTED_ORIGINS } from '../session-groups/fetched-origins';
import { managedCache, sessionState, userSettings } from '../storage';
import { LOG_OUT_COMMAND } from '../ui/shortcut';
import { showSessionCount } from './badge';
import type { BackgroundContext } from './context';
import {
  DUE_PURGES_ALARM,
  onBeforeNavigate,
  onCommitted,
  onCompleted,
  onCreatedNavigationTarget,
  onLogoutClicked,
  onOriginsFetched,
  onRequest,
  onTabRemoved,
  runDuePurges,
} from './events';
import { guardInfo, guardLogOut } from './guard';
import { IDLE_ALARM, onCountdownDue, onIdleStateChanged, onWindowRemoved, syncIdle } from './idle';
import { logged } from './log';
import { MENU_IDS, syncMenus } from './menus';
import { OWED_PURGES_ALARM } from './owed';
import { status } from './popup-status';
import { protectSite, statusOfTab, unprotectSite } from './protect-site';
import { onProtectionChanged } from './protection-changed';
import { forgetManaged } from './protection-in-force';
import { type PurgeScope, purge } from './purge';
import { serialized } from './queue';
import { nextTo, type ReceiptPlacement } from './receipt-tab';
import { retryOwedPurges } from './retry';
import { createRouter } from './router';
import { addDomain, removeDomain, saveSettings } from './settings-commands';
import { STRENGTHEN_ONLY } from './shared-mode-guard';
import { onWake, type WakeKind, wakeKind } from './startup';
import { welcomeOnInstall } from './welcome';

/** An extension update also empties storage.session; onInstalled says so shortly after the worker starts. */
const INSTALL_EVENT_WAIT_MS = 250;

export function wireBackground(ctx: BackgroundContext, api: typeof browser): void {
  let updatedFrom: string | undefined;

  /** A forced logout: the receipt page follows once the report is stored. */
  const logOut = (
    scope: Exclude<PurgeScope, { kind: 'unfinished' }>,
    trigger: PurgeTrigger,
    receipt: ReceiptPlacement,
  ) => serialized<PurgeReport | null>((answer) => purge(ctx, { scope, trigger, receipt }, answer));

  api.webRequest.onBeforeRequest.addListener(
    (d) => {
      logged('request')(onRequest(ctx, d));
      return undefined;
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] },
  );
  api.webNavigation.onBeforeNavigate.addListener((d) => logged('navigation')(onBeforeNavigate(ctx, d)));
  api.webNavigation.onCommitted.addListener((d) => logged('commit')(onCommitted(ctx, d)));
  api.webNavigation.onCompleted.addListener((d) => logged('load')(onCompleted(ctx, d)));
  api.webNavigation.onCreatedNavigationTarget.addListener((d) =>
    logged('new tab')(onCreatedNavigationTarget(ctx, d)),
  );
  api.tabs.onRemoved.addListener((tabId) => logged('tab closed')(onTabRemoved(ctx, tabId)));
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DUE_PURGES_ALARM) logged('due purges')(runDuePurges(ctx));
    if (alarm.name === IDLE_ALARM) logged('idle countdown')(onCountdownDue(ctx));
    if (alarm.name === OWED_PURGES_ALARM) logged('owed purges')(retryOwedPurges(ctx, { dueOnly: true }));
  });
  // IT's idle logout (idle.ts): the system's idle state, and the countdown window closing.
  api.idle.onStateChanged.addListener((state) => logged('idle')(onIdleStateChanged(ctx, state)));
  api.windows.onRemoved.addListener((windowId) => logged('window closed')(onWindowRemoved(ctx, windowId)));

  // The shortcut and the context menu: everything protected, the receipt in front, next to the person's tab.
  api.commands.onCommand.addListener((command, tab) => {
    if (command === LOG_OUT_COMMAND) logged('shortcut')(logOut({ kind: 'all' }, 'shortcut', nextTo(tab)));
  });
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (MENU_IDS.includes(String(info.menuItemId)))
      logged('menu')(logOut({ kind: 'all' }, 'context-menu', nextTo(tab)));
  });

  // From the popup: the popup shows the receipt itself; the receipt page waits behind it.
  const behind = { active: false };
  const route = createRouter(
    {
      getStatus: () => status(),
      logOutAll: () => logOut({ kind: 'all' }, 'button', behind),
      logOutGroup: ({ groupId }) => logOut({ kind: 'groups', groupIds: [String(groupId)] }, 'button', behind),
      // The clicked page is the sender's frame, as the browser names it: the message itself carries nothing.
      logoutClicked: async (_, sender) => ({
        accepted:
          typeof sender.tab?.id === 'number' && (await onLogoutClicked(ctx, sender.tab.id, sender.url)),
      }),
      // Origins named by a page: at most MAX_REPORTED_ORIGINS per report (the rest is never looked at), each
      // checked in onFetchedOrigins (utils/session-groups/fetched-origins.ts).
      fetchedOrigins: async ({ origins }, sender) => ({
        accepted:
          typeof sender.tab?.id === 'number' &&
          Array.isArray(origins) &&
          (await onOriginsFetched(sender.tab.id, (origins as unknown[]).slice(0, MAX_REPORTED_ORIGINS))),
      }),
      getSettings: async () => {
        const s = await ctx.settings();
        return { ...s, strengthenOnly: s.sharedComputer ? STRENGTHEN_ONLY : [] };
      },
      saveSettings: ({ patch }) => saveSettings(patch),
      addCustomDomain: ({ input }) => addDomain(input),
      removeCustomDomain: ({ domain }) => removeDomain(domain),
      siteStatus: ({ tabId }) => statusOfTab(ctx, tabId),
      protectSite: ({ tabId }) => protectSite(ctx, tabId),
      unprotectSite: ({ domain }) => unprotectSite(domain),
      guardInfo: () => guardInfo(ctx),
      guardLogOut: (_, sender) => guardLogOut(ctx, sender),
      getHealthReport: () => healthStatus(ctx),
      clearHealthReport: async () => {
        await clearHealthReport();
        return { cleared: true };
      },
    },
    { id: api.runtime.id, baseUrl: api.runtime.getURL('/') },
  );
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const reply = route(message, sender).catch((e: unknown) => ({ refused: String(e) }));
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  });

  api.runtime.onInstalled.addListener((d) => {
    if (d.reason === 'update' && d.previousVersion !== api.runtime.getManifest().version)
      updatedFrom = d.previousVersion;
    logged('welcome')(
      welcomeOnInstall(d.reason, {
        installType: async () => (await api.management.getSelf()).installType,
        openTab: (url) => api.tabs.create({ url, active: true }),
        pageUrl: (path) => api.runtime.getURL(path as '/welcome.html'),
      }),
    );
  });
  const badge = () =>
    sessionState
      .getValue()
      .then((s) => showSessionCount(ctx, Object.keys(s.groups).length))
      .catch((e: unknown) => console.error('Safe Logout: badge', e));
  sessionState.watch(() => void badge());
  // At once, not after the settings: the first read of IT policy can take seconds after the browser starts.
  void badge();
  /** Protected hosts and language changed (or the worker woke): guard/watcher, menus and badge follow. */
  const syncContentScripts = async () => {
    const [domains, settings] = await Promise.all([ctx.protectedDomains(), ctx.settings()]);
    setLanguage(settings.language);
    await Promise.all([ctx.contentScripts.register(domains), syncMenus(ctx, domains), badge()]);
  };
  /** Idle detection and password saving follow the settings in force (IT policy can change at any time). */
  const syncSharedMode = async () => {
    const settings = await ctx.settings();
    await Promise.all([ctx.passwords.apply(settings.disablePasswordSaving), syncIdle(ctx)]);
  };
  const syncAll = () => {
    logged('content script registration')(syncContentScripts());
    logged('shared-computer mode')(syncSharedMode());
    // A domain that became protected while its data is present (a late policy): its tabs and data (queued).
    logged('protection changed')(onProtectionChanged(ctx));
  };
  userSettings.watch(syncAll);
  // The browser's first answer about IT policy can come seconds late (managed-policy.ts): follow it too.
  managedCache.watch(syncAll);
  // IT policy can arrive or change after the worker started: follow the managed area too.
  api.storage.onChanged.addListener((_, area) => {
    if (area !== 'managed') return;
    forgetManaged();
    syncAll();
  });

  const wake = (async (): Promise<WakeKind> => {
    const kind = await wakeKind();
    if (kind !== 'browser-start') return kind;
    await new Promise((resolve) => ctx.later(INSTALL_EVENT_WAIT_MS, () => resolve(undefined)));
    return updatedFrom ? 'extension-update' : kind;
  })();
  logged('wake')(onWake(ctx, wake));
  syncAll();
}
