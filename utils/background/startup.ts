import { onMainFrameCommit, tablessGroups } from '../session-groups/track';
import type { SessionGroup } from '../session-groups/types';
import { emptySessionState } from '../session-groups/types';
import { browserSession, installation, ledger, pendingPurges, sessionState } from '../storage';
import { type EventDeps, reconcileTabs, runDuePurges } from './events';
import { resumePurge, runPurge, sweepProtected } from './purge-runner';
import { loadState, serialized } from './state';

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
export async function adoptOpenTabs(deps: EventDeps): Promise<void> {
  const [left, classify, tabs] = await Promise.all([
    ledger.getValue(),
    deps.classify(),
    deps.port.listTabs(),
  ]);
  let state = {
    ...emptySessionState(),
    groups: Object.fromEntries(Object.values(left).map((g) => [g.id, { ...g, tabIds: [] as number[] }])),
  };
  const now = deps.now();
  for (const tab of tabs) {
    if (tab.url)
      state = onMainFrameCommit(
        state,
        { tabId: tab.id, url: tab.url, transitionType: 'link' },
        classify,
        now,
      );
  }
  await sessionState.setValue(state);
}

/** Start of a browser session: purge everything protected that is left, then start clean. */
export async function startupPurge(deps: EventDeps): Promise<void> {
  const [left, classify] = await Promise.all([ledger.getValue(), deps.classify()]);
  const extraSites = await sweepProtected(deps.port, classify);
  const groups: SessionGroup[] = Object.values(left).map((g) => ({ ...g, tabIds: [] }));
  await sessionState.setValue({
    ...emptySessionState(),
    groups: Object.fromEntries(groups.map((g) => [g.id, g])),
  });
  if (groups.length || extraSites.length) {
    await runPurge(deps, { trigger: 'startup', groups, extraSites });
  }
  await ledger.setValue({});
  await sessionState.setValue(emptySessionState());
}

/**
 * Runs once per worker start. `kind` tells a new browser session from an extension update (which also
 * empties storage.session but must not close the person's tabs mid-task).
 */
export function onWake(deps: EventDeps, wake: Promise<WakeKind>): Promise<void> {
  // Enqueued before any event of this wake is handled: events wait until the start-up work is done.
  return serialized(async () => {
    const kind = await wake;
    console.info(`Safe Logout: worker started (${kind})`);
    await resumePurge(deps);
    if (kind === 'browser-start') await startupPurge(deps);
    if (kind === 'extension-install' || kind === 'extension-update') await adoptOpenTabs(deps);
    if (kind !== 'worker-restart') await browserSession.setValue({ startedAt: deps.now() });
    if (kind === 'extension-install') await installation.setValue({ at: deps.now() });
  }).then(async () => {
    await reconcileTabs(deps);
    const s = await loadState();
    const pending = { ...(await pendingPurges.getValue()) };
    const lost = tablessGroups(s).filter((id) => !pending[id]);
    if (lost.length) {
      const now = deps.now();
      for (const id of lost) pending[id] = { dueAt: now };
      await pendingPurges.setValue(pending);
    }
    await runDuePurges(deps);
  });
}
