/**
 * Browser events → session state → triggers. Each handler reads the state, applies one pure change from
 * utils/session-groups/ and saves it; the only decisions here are which purge a change calls for.
 */

import { cookiesAtCommit } from '../health/reads';
import { noteLoginStep, observeLogout } from '../health/watch';
import { isLogoutUrl } from '../logout-detect';
import { onFetchedOrigins } from '../session-groups/fetched-origins';
import { joinLoginsInFlight } from '../session-groups/logins-in-flight';
import {
  armLogoutClick,
  armLogoutNavigation,
  armOpenedLogout,
  clickedOnGroupPage,
  LOGOUT_CLICK_SETTLE_MS,
  settleLogout,
} from '../session-groups/logout-watch';
import {
  currentGroupOf,
  inStore,
  missingTabs,
  onTabClosed,
  tablessGroups,
} from '../session-groups/membership';
import {
  type MainFrameCommit,
  noteOpener,
  onMainFrameCommit,
  onMainFrameRequest,
  onSubFrame,
  onTabOpenedFrom,
} from '../session-groups/navigation';
import { pendingPurges } from '../storage';
import type { BackgroundContext } from './context';
import { logged } from './log';
import { purge } from './purge';
import { serialized } from './queue';
import { loadState, saveState, update } from './session-store';
import { forgetTabStore, tabStoreId } from './tab-store';

export const DUE_PURGES_ALARM = 'due-purges';

/** A tab the data port opened for its own work is not the person's browsing. */
const ignored = (ctx: BackgroundContext, tabId: number) => tabId < 0 || ctx.isOwnTab(tabId);
const skip = Promise.resolve();

export const onRequest = (ctx: BackgroundContext, d: { tabId: number; url: string; type: string }) =>
  ignored(ctx, d.tabId)
    ? skip
    : serialized(async () => {
        const [classify, store] = await Promise.all([ctx.classify(), tabStoreId(ctx, d.tabId)]);
        await update((prev) => {
          const s = inStore(prev, d.tabId, store);
          return d.type === 'main_frame'
            ? onMainFrameRequest(s, d.tabId, d.url, classify, ctx.now())
            : onSubFrame(s, d.tabId, d.url, classify, ctx.now());
        });
      });

export const onCommitted = (ctx: BackgroundContext, d: MainFrameCommit & { frameId: number }) => {
  if (d.frameId !== 0 || ignored(ctx, d.tabId)) return skip;
  // The health report (utils/health/): the page's login-service cookies as its response left them, read now.
  const seen = cookiesAtCommit(ctx, d.url);
  return serialized(async () => {
    const [classify, store] = await Promise.all([ctx.classify(), tabStoreId(ctx, d.tabId)]);
    const prev = inStore(await loadState(), d.tabId, store);
    const next = await saveState(prev, onMainFrameCommit(prev, d, classify, ctx.now()));
    logged('health report')(noteLoginStep(ctx, prev, next, d, classify, seen));
  });
};

/**
 * A top-level navigation starts: a logout URL on a host of the group whose page the tab shows arms the
 * site-logout trigger (`armLogoutNavigation`); a page of any other site cannot.
 */
export const onBeforeNavigate = (
  ctx: BackgroundContext,
  d: { tabId: number; frameId: number; url: string },
) =>
  d.frameId !== 0 || ignored(ctx, d.tabId)
    ? skip
    : serialized(async () => {
        if (!isLogoutUrl(d.url)) return;
        const opener = await openerOf(ctx, (await loadState()).tabs[String(d.tabId)]?.openedBy);
        await update((s) => armLogoutNavigation(s, d.tabId, d.url, ctx.now(), opener));
      });

/**
 * The tab whose page opened this one (`TabTrack.openedBy`, from `onCreatedNavigationTarget`), while it is still
 * open; undefined if none. Not the browser's `openerTabId`: a tab opened by Ctrl+T inherits the active tab as
 * its opener there, though no page holds a handle on it.
 */
async function openerOf(ctx: BackgroundContext, opener: number | undefined): Promise<number | undefined> {
  if (opener === undefined) return undefined;
  const tabs = (await ctx.tabs.query()) as { id?: number }[];
  return tabs.some((t) => t.id === opener) ? opener : undefined;
}

/**
 * The page reported a (trusted) click on its logout control. `pageUrl` is the sender frame's URL, given by the
 * browser: the click counts only on a page of the tab's own group. Returns whether it was accepted.
 */
export async function onLogoutClicked(
  ctx: BackgroundContext,
  tabId: number,
  pageUrl: string | undefined,
): Promise<boolean> {
  const accepted = await serialized(async () => {
    const prev = await loadState();
    if (!clickedOnGroupPage(prev, tabId, pageUrl)) return false;
    const { state, accepted } = armLogoutClick(prev, tabId, ctx.now());
    await saveState(prev, state);
    return accepted;
  });
  // A logout done by script (no navigation) completes nothing: purge after a short settle anyway.
  if (accepted)
    ctx.later(LOGOUT_CLICK_SETTLE_MS, () => logged('logout settle')(onLogoutSettled(ctx, tabId, true)));
  return accepted;
}

/** A protected page fetched from other origins: their HTTP cache goes with the group. Whether the tab is in a group. */
export function onOriginsFetched(tabId: number, origins: readonly unknown[]) {
  return serialized(async () => {
    const prev = await loadState();
    if (!currentGroupOf(prev, tabId)) return false;
    await saveState(prev, onFetchedOrigins(prev, tabId, origins));
    return true;
  });
}

/** A top-level document finished loading: if it is the site's logout response, purge the whole group now. */
export const onCompleted = (ctx: BackgroundContext, d: { tabId: number; frameId: number }) =>
  d.frameId !== 0 || ignored(ctx, d.tabId) ? skip : onLogoutSettled(ctx, d.tabId, false);

function onLogoutSettled(ctx: BackgroundContext, tabId: number, timedOut: boolean) {
  return serialized(async () => {
    const prev = await loadState();
    if (!prev.tabs[String(tabId)]?.logout) return null;
    const { state, purge: groupId } = settleLogout(
      prev,
      tabId,
      ctx.now(),
      { timedOut },
      await ctx.classify(),
    );
    await saveState(prev, state);
    if (!groupId) return null;
    // The health report: what the logout left at the login service, read now, counted once the purge runs.
    const host = state.tabs[String(tabId)]?.host;
    const count = await observeLogout(ctx, state.groups[groupId], await ctx.classify(), host).catch(
      () => null,
    );
    const purged = purge(ctx, { scope: { kind: 'groups', groupIds: [groupId] }, trigger: 'site-logout' });
    if (count) logged('health report')(count());
    return purged;
  });
}

/**
 * A page opened a new tab: a tab opened by a group's page is on the group's trail, and a logout URL of that
 * group opened so arms the new tab's logout watch (a tab opened by any other page arms nothing).
 */
export const onCreatedNavigationTarget = (
  ctx: BackgroundContext,
  d: { tabId: number; sourceTabId: number; url?: string },
) =>
  ignored(ctx, d.tabId)
    ? skip
    : serialized(async () => {
        const store = await tabStoreId(ctx, d.tabId);
        await update((s) => {
          const opened = onTabOpenedFrom(
            noteOpener(inStore(s, d.tabId, store), d.tabId, d.sourceTabId),
            d.tabId,
            d.sourceTabId,
            ctx.now(),
          );
          return d.url ? armOpenedLogout(opened, d.tabId, d.sourceTabId, d.url, ctx.now()) : opened;
        });
      });

/** A tab closed: every group that lost its last tab is purged after the grace period. */
export const onTabRemoved = (ctx: BackgroundContext, tabId: number) =>
  ignored(ctx, tabId)
    ? skip
    : serialized(async () => {
        forgetTabStore(tabId);
        const prev = await loadState();
        // A login that was in progress in this tab will not come back: the hosts it reached join now.
        const withLogin = joinLoginsInFlight(prev, ctx.now(), await ctx.classify(), [tabId]);
        const { state, orphaned } = onTabClosed(withLogin, tabId);
        await saveState(prev, state);
        await schedulePurges(ctx, orphaned, (await ctx.settings()).graceSeconds * 1000);
      });

async function schedulePurges(ctx: BackgroundContext, groupIds: readonly string[], graceMs: number) {
  if (!groupIds.length) return;
  const dueAt = ctx.now() + graceMs;
  const pending = { ...(await pendingPurges.getValue()) };
  for (const id of groupIds) pending[id] = { dueAt };
  await pendingPurges.setValue(pending);
  // The timer is the fast path (the worker is awake right after the event); the alarm and the wake-up
  // catch-up finish the job if the worker is stopped before it fires.
  console.info(`Safe Logout: ${groupIds.length} group(s) lost their last tab; purge in ${graceMs / 1000} s`);
  ctx.later(graceMs + 20, () => logged('due purges')(runDuePurges(ctx)));
  await ctx.alarms.set(DUE_PURGES_ALARM, dueAt);
}

/** Purge every group whose grace has run out and that still has no open tab. */
export function runDuePurges(ctx: BackgroundContext) {
  return serialized(async () => {
    const pending = { ...(await pendingPurges.getValue()) };
    const now = ctx.now();
    const due = Object.entries(pending).filter(([, p]) => p.dueAt <= now + 50);
    if (!due.length) return null;
    const s = await loadState();
    const tabless = new Set(tablessGroups(s));
    const groupIds = due.map(([id]) => id).filter((id) => tabless.has(id));
    // A group that is gone, or has a tab again (the person came back within the grace), is no longer due.
    for (const [id] of due) if (!groupIds.includes(id)) delete pending[id];
    await pendingPurges.setValue(pending);
    if (!groupIds.length) return null;
    return purge(ctx, { scope: { kind: 'groups', groupIds }, trigger: 'last-tab-closed' });
  });
}

/**
 * After every wake: tabs closed while the worker slept count as closed now, and groups that lost their last
 * tab unseen are due at once; then whatever is due is purged.
 */
export async function catchUp(ctx: BackgroundContext): Promise<void> {
  const open = (await ctx.port.listTabs()).map((t) => t.id);
  for (const id of missingTabs(await loadState(), open)) await onTabRemoved(ctx, id);
  await serialized(async () => {
    const [s, pending] = await Promise.all([loadState(), pendingPurges.getValue()]);
    await schedulePurges(
      ctx,
      tablessGroups(s).filter((id) => !pending[id]),
      0,
    );
  });
  await runDuePurges(ctx);
}
