/**
 * Browser events → session-group state → triggers. Each handler is small: the rules live in
 * utils/session-groups/track.ts and utils/logout-detect.ts.
 */
import { isLogoutUrl } from '../logout-detect';
import type { PurgeReport } from '../purge/types';
import {
  groupInLogin,
  groupOfHost,
  type MainFrameCommit,
  missingTabs,
  onFetchedOrigins,
  onGroupSite,
  onMainFrameCommit,
  onMainFrameRequest,
  onSubFrame,
  onTabClosed,
  onTabOpenedFrom,
} from '../session-groups/track';
import type { Classify, SessionState } from '../session-groups/types';
import { pendingPurges } from '../storage';
import { logged } from './log';
import { type PurgeDeps, runPurge } from './purge-runner';
import { loadState, saveState, serialized } from './state';

export interface EventDeps extends PurgeDeps {
  classify: () => Promise<Classify>;
  /** Wake the worker at `when` even if it sleeps until then (alarms). */
  scheduleWake: (name: string, when: number) => Promise<void>;
}

/** How long after a click on a logout control we wait for the logout to load before purging anyway. */
export const LOGOUT_CLICK_SETTLE_MS = 4000;
/** A logout watch older than this is stale (the page never loaded). */
const LOGOUT_WATCH_MAX_MS = 60_000;

/** A tab the port opened for its own work (Firefox: to empty Cache Storage) is not the person's browsing. */
const ignored = (deps: EventDeps, tabId: number) => tabId < 0 || deps.port.isOwnTab(tabId);

async function update(fn: (s: SessionState) => SessionState | Promise<SessionState>): Promise<SessionState> {
  const prev = await loadState();
  const next = await fn(prev);
  await saveState(prev, next);
  return next;
}

export const onRequest = (deps: EventDeps, d: { tabId: number; url: string; type: string }) =>
  ignored(deps, d.tabId)
    ? Promise.resolve()
    : serialized(async () => {
        const classify = await deps.classify();
        await update((s) =>
          d.type === 'main_frame'
            ? onMainFrameRequest(s, d.tabId, d.url, classify, deps.now())
            : onSubFrame(s, d.tabId, d.url, classify, deps.now()),
        );
      });

export const onCommitted = (deps: EventDeps, d: MainFrameCommit & { frameId: number }) =>
  d.frameId !== 0 || ignored(deps, d.tabId)
    ? Promise.resolve()
    : serialized(async () => {
        const classify = await deps.classify();
        await update((s) => onMainFrameCommit(s, d, classify, deps.now()));
      });

/** A top-level navigation starts: a logout URL on a group host arms the site-logout trigger. */
export const onBeforeNavigate = (deps: EventDeps, d: { tabId: number; frameId: number; url: string }) =>
  d.frameId !== 0 || ignored(deps, d.tabId) || !isLogoutUrl(d.url)
    ? Promise.resolve()
    : serialized(() =>
        update((s) => {
          const tab = s.tabs[String(d.tabId)];
          const host = new URL(d.url).hostname;
          // Only a logout on a host of the group (or of one of its sites) ends the group — not any logout
          // URL the tab happens to open elsewhere.
          const current = tab?.groupId ? s.groups[tab.groupId] : undefined;
          const groupId =
            groupOfHost(s, host)?.id ?? (current && onGroupSite(current, host) ? current.id : undefined);
          if (!tab || !groupId) return s;
          const next = structuredClone(s);
          next.tabs[String(d.tabId)]!.logout = { groupId, phase: 'navigating', at: deps.now() };
          return next;
        }),
      );

/** The page reported a click on its logout control. Returns whether the tab is in a group. */
export async function onLogoutClicked(deps: EventDeps, tabId: number): Promise<boolean> {
  const accepted = await serialized(async () => {
    let ok = false;
    await update((s) => {
      const tab = s.tabs[String(tabId)];
      if (!tab?.groupId || tab.logout) return s;
      ok = true;
      const next = structuredClone(s);
      next.tabs[String(tabId)]!.logout = { groupId: tab.groupId, phase: 'clicked', at: deps.now() };
      return next;
    });
    return ok;
  });
  // A logout done by script (no navigation) completes nothing: purge after a short settle anyway.
  if (accepted)
    setTimeout(() => logged('logout settle')(onLogoutSettled(deps, tabId, true)), LOGOUT_CLICK_SETTLE_MS);
  return accepted;
}

/** A protected page fetched from other origins: their HTTP cache goes with the group. Whether the tab is in a group. */
export function fetchedOrigins(tabId: number, origins: readonly string[]): Promise<boolean> {
  return serialized(async () => {
    const prev = await loadState();
    if (!prev.tabs[String(tabId)]?.groupId) return false;
    await saveState(prev, onFetchedOrigins(prev, tabId, origins));
    return true;
  });
}

/** A top-level document finished loading: if it is the site's logout response, purge the whole group now. */
export const onCompleted = (deps: EventDeps, d: { tabId: number; frameId: number }) =>
  d.frameId !== 0 || ignored(deps, d.tabId) ? Promise.resolve() : onLogoutSettled(deps, d.tabId, false);

function onLogoutSettled(deps: EventDeps, tabId: number, timedOut: boolean): Promise<PurgeReport | null> {
  return serialized(async () => {
    const s = await loadState();
    const watch = s.tabs[String(tabId)]?.logout;
    if (!watch) return null;
    const age = deps.now() - watch.at;
    if (age > LOGOUT_WATCH_MAX_MS) {
      await update((st) => {
        const n = structuredClone(st);
        if (n.tabs[String(tabId)]) n.tabs[String(tabId)]!.logout = undefined;
        return n;
      });
      return null;
    }
    if (timedOut && age < LOGOUT_CLICK_SETTLE_MS - 50) return null;
    const group = s.groups[watch.groupId];
    if (!group) return null;
    if (groupInLogin(s, group.id, deps.now(), await deps.classify(), tabId)) {
      // Another tab of the group is in the middle of logging in again: that login is a new session, and
      // a purge now would break it. The group stays; its next trigger (tab close, button, start) purges it.
      await update((st) => {
        const n = structuredClone(st);
        if (n.tabs[String(tabId)]) n.tabs[String(tabId)]!.logout = undefined;
        return n;
      });
      return null;
    }
    return runPurge(deps, { trigger: 'site-logout', groups: [group], keepTabIds: group.tabIds });
  });
}

export const onCreatedNavigationTarget = (deps: EventDeps, d: { tabId: number; sourceTabId: number }) =>
  ignored(deps, d.tabId)
    ? Promise.resolve()
    : serialized(() => update((s) => onTabOpenedFrom(s, d.tabId, d.sourceTabId, deps.now())));

/** A tab closed: every group that lost its last tab is purged after the grace period. */
export const onTabRemoved = (deps: EventDeps, tabId: number) =>
  ignored(deps, tabId)
    ? Promise.resolve()
    : serialized(async () => {
        const prev = await loadState();
        const { state, orphaned } = onTabClosed(prev, tabId);
        await saveState(prev, state);
        if (orphaned.length) await schedulePurges(deps, orphaned);
      });

async function schedulePurges(deps: EventDeps, groupIds: string[]): Promise<void> {
  const settings = await deps.settings();
  const dueAt = deps.now() + settings.graceSeconds * 1000;
  const pending = { ...(await pendingPurges.getValue()) };
  for (const id of groupIds) pending[id] = { dueAt };
  await pendingPurges.setValue(pending);
  // The timer is the fast path (the worker is awake right after the event); the alarm and the wake-up
  // reconciliation finish the job if the worker is stopped before it fires.
  console.info(
    `Safe Logout: ${groupIds.length} group(s) lost their last tab; purge in ${settings.graceSeconds} s`,
  );
  setTimeout(() => logged('due purges')(runDuePurges(deps)), settings.graceSeconds * 1000 + 20);
  await deps.scheduleWake('due-purges', dueAt);
}

/** Purge every group whose grace has run out and that still has no open tab. */
export function runDuePurges(deps: EventDeps): Promise<PurgeReport | null> {
  return serialized(async () => {
    const pending = { ...(await pendingPurges.getValue()) };
    const now = deps.now();
    const due = Object.entries(pending).filter(([, p]) => p.dueAt <= now + 50);
    if (!due.length) return null;
    const s = await loadState();
    const groups = due.map(([id]) => s.groups[id]).filter((g) => g !== undefined && g.tabIds.length === 0);
    for (const [id] of due) if (!groups.some((g) => g?.id === id)) delete pending[id];
    await pendingPurges.setValue(pending);
    if (!groups.length) return null;
    return runPurge(deps, {
      trigger: 'tab-closed',
      groups: groups as NonNullable<(typeof groups)[number]>[],
    });
  });
}

/** On wake: tabs closed while the worker slept count as closed now. */
export async function reconcileTabs(deps: EventDeps): Promise<void> {
  const open = (await deps.port.listTabs()).map((t) => t.id);
  const s = await loadState();
  for (const id of missingTabs(s, open)) await onTabRemoved(deps, id);
}
