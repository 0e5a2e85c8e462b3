/**
 * A worker starts: finish a purge it did not live to finish, purge what a dead browser left, or — installed or
 * updated mid-session — take the open tabs on without purging anything. Then catch up on what it missed, and
 * try again what an earlier purge could not finish (owed purges, retry.ts).
 */
import { storeOfTab } from '../browser-data/stores';
import { isWithin } from '../rules/hostname';
import { inStore } from '../session-groups/membership';
import { noteUnseenStart, onMainFrameCommit } from '../session-groups/navigation';
import { type Classify, emptySessionState } from '../session-groups/types';
import { browserSession, installation, ledger, sessionState } from '../storage';
import type { BackgroundContext } from './context';
import { catchUp } from './events';
import { adoptOpenTabs as adoptNewLogins } from './protection-changed';
import { purge } from './purge';
import { serialized } from './queue';
import { retryOwedPurges } from './retry';
import { forgetPrivateLeftovers, groupFromLedger, update } from './session-store';

export type WakeKind = 'browser-start' | 'extension-install' | 'extension-update' | 'worker-restart';

/** An empty storage.session means a new browser session — or a fresh install or update (told apart by the caller). */
export async function wakeKind(): Promise<WakeKind> {
  if (await browserSession.getValue()) return 'worker-restart';
  return (await installation.getValue()) ? 'browser-start' : 'extension-install';
}

/**
 * Installed or updated in the middle of a browser session: the person may be mid-task, so nothing is purged.
 * The groups of the durable ledger come back and every open tab is attached again, so the triggers (tab close,
 * site logout, the button) work on them as before.
 */
async function adoptOpenTabs(ctx: BackgroundContext, unseen: boolean): Promise<void> {
  const [left, classify, tabs] = await Promise.all([ledger.getValue(), ctx.classify(), ctx.port.listTabs()]);
  // Owed entries are no live session: they stay in the ledger and are retried (retry.ts).
  let state = {
    ...emptySessionState(),
    groups: Object.fromEntries(
      Object.values(left)
        .filter((e) => !e.owed)
        .map((e) => [e.id, groupFromLedger(e)]),
    ),
  };
  const now = ctx.now();
  for (const tab of tabs) {
    if (tab.url)
      state = onMainFrameCommit(
        inStore(state, tab.id, storeOfTab(tab)),
        { tabId: tab.id, url: tab.url, transitionType: 'link' },
        classify,
        now,
      );
    // A fresh install (a new profile): a tab in no group may be a login whose start came before the listeners.
    if (unseen && !ctx.isOwnTab(tab.id)) state = noteUnseenStart(state, tab.id, tab.url ?? '', now);
  }
  await sessionState.setValue(state);
}

/**
 * A browser start: every open tab in no group may be a login that started before the worker's listeners (the
 * service's request that sent it to an IdP on no list was never seen): `noteUnseenStart`.
 */
async function noteUnseenStarts(ctx: BackgroundContext): Promise<void> {
  const tabs = (await ctx.port.listTabs()).filter((t) => !ctx.isOwnTab(t.id));
  const now = ctx.now();
  await update((s) =>
    tabs.reduce((st, t) => noteUnseenStart(inStore(st, t.id, storeOfTab(t)), t.id, t.url ?? '', now), s),
  );
}

/**
 * A browser start: a page restored from the last session (a crash, "continue where you left off") is on a site
 * of a group the ledger kept, and the start-up purge closes it; a tab on a protected site the ledger does not
 * know is a login the person started in the first moments, whose navigations came before the worker's
 * listeners: the purge's sweep must not take it (it is adopted right after, `adoptOpenTabs` in
 * protection-changed.ts). Returns the recogniser the start-up purge uses: blind to those sites.
 */
async function sparingNewLogins(ctx: BackgroundContext): Promise<Classify> {
  const [left, classify, tabs] = await Promise.all([ledger.getValue(), ctx.classify(), ctx.port.listTabs()]);
  const entries = Object.values(left);
  const spared: string[] = [];
  for (const t of tabs) {
    let host: string;
    try {
      host = new URL(t.url ?? '').hostname;
    } catch {
      continue;
    }
    const m = host && !ctx.isOwnTab(t.id) ? classify(host) : null;
    if (!m) continue;
    const restored = entries.some(
      (e) =>
        e.hosts.includes(host) || e.sites.some((x) => x.ruleId === m.ruleId || isWithin(host, x.scopeDomain)),
    );
    if (!restored && !spared.includes(m.scopeDomain)) spared.push(m.scopeDomain);
  }
  return spared.length ? (h) => (spared.some((d) => isWithin(h, d)) ? null : classify(h)) : classify;
}

/**
 * Runs once per worker start, queued before any event of this wake (events wait until it is done). `wake`
 * tells a new browser session from an extension update, which also empties storage.session but must not
 * close the person's tabs mid-task.
 */
export async function onWake(ctx: BackgroundContext, wake: Promise<WakeKind>): Promise<void> {
  await serialized(async () => {
    const kind = await wake;
    console.info(`Safe Logout: worker started (${kind})`);
    await purge(ctx, { scope: { kind: 'unfinished' } });
    if (kind === 'browser-start') {
      await sessionState.setValue(emptySessionState());
      await forgetPrivateLeftovers();
      const classify = await sparingNewLogins(ctx);
      await purge(
        { ...ctx, classify: async () => classify },
        { scope: { kind: 'leftovers' }, trigger: 'browser-start' },
      );
      // What is still open on a protected site is the person's, started before the listeners: it forms its group.
      await adoptNewLogins(ctx, await ctx.classify());
      await noteUnseenStarts(ctx);
    }
    if (kind === 'extension-install' || kind === 'extension-update')
      await adoptOpenTabs(ctx, kind === 'extension-install');
    if (kind !== 'worker-restart') await browserSession.setValue({ startedAt: ctx.now() });
    if (kind === 'extension-install') await installation.setValue({ at: ctx.now() });
  });
  await catchUp(ctx);
  // A purge that did not verify is tried again on every wake (a browser start's leftovers purge took it already).
  if ((await wake) !== 'browser-start') await retryOwedPurges(ctx, { dueOnly: false });
}
