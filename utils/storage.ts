/**
 * Every stored item, declared once, each with its lifecycle (docs/architecture.md: state and lifecycles).
 */
import { storage } from 'wxt/utils/storage';
import type { PurgeJournal } from './purge/execute';
import type { PurgeReport, PurgeTrigger } from './purge/types';
import { migrateSessionState } from './session-groups/migrate';
import { emptySessionState, type SessionGroup, type SessionState } from './session-groups/types';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** Groups and the tab → group map. Cleared by the browser when it closes; reconciled with tabs.query on wake. */
export const sessionState = storage.defineItem<SessionState>('session:groups', {
  fallback: emptySessionState(),
  version: 2,
  // Version 1 also kept each tab's groups (membership lives in the groups alone now).
  migrations: { 2: migrateSessionState },
});

/** Present once this browser session's start-up purge has run. Its absence at wake = a new browser session. */
export const browserSession = storage.defineItem<{ startedAt: number } | null>('session:browser-session', {
  fallback: null,
});

/** When this installation first ran. Its absence when a browser session starts = a fresh install, not a restart. */
export const installation = storage.defineItem<{ at: number } | null>('local:installation', {
  fallback: null,
});

/** Tab-close grace timers (the alarm wakes the worker; this says which group and when). Cleared when fired. */
export const pendingPurges = storage.defineItem<Record<string, { dueAt: number }>>('session:pending-purges', {
  fallback: {},
});

/**
 * A purge that ran and did not verify (data left, or a step failed): the group has left the session (its tabs
 * are closed, the person is logged out) but its data is still owed. Retried by the `owed-purges` alarm with a
 * back-off, on every wake and at browser start, until a purge verifies it (utils/background/owed.ts).
 */
export interface Owed {
  /** What started the first attempt: the retry's receipt says it. */
  trigger: PurgeTrigger;
  /** Purges tried so far. */
  attempts: number;
  /** When the alarm tries again. */
  nextAt: number;
}

/**
 * What the ledger keeps of a group: what a browser start needs to purge it, and when its session began. A live
 * group is kept under its group id; an owed one under an id of its own (`<group id>~<plan id>`), so a new
 * session on the same site never overwrites what is still owed.
 */
export type LedgerEntry = Pick<
  SessionGroup,
  'id' | 'sites' | 'hosts' | 'origins' | 'fetchedElsewhere' | 'storeId' | 'startedAt'
> & { owed?: Owed };

/**
 * Durable ledger of groups that have not been purged yet: survives crashes and power cuts so that the next
 * browser start purges every host the login passed through. An entry goes only when a purge verified it; one
 * that did not stays, marked `owed`, and is retried.
 */
export const ledger = storage.defineItem<Record<string, LedgerEntry>>('local:ledger', {
  fallback: {},
  version: 2,
  migrations: {
    // Version 1 also stored `lastSeenAt`, which held `startedAt` (the name misled).
    2: (old: Record<string, LedgerEntry & { lastSeenAt?: number }>) =>
      Object.fromEntries(
        Object.entries(old ?? {}).map(([id, { lastSeenAt: _, ...e }]) => [id, e as LedgerEntry]),
      ),
  },
});

/**
 * The purge in progress, step by step, so a worker that dies half-way finishes it on wake. Cleared when done.
 * In memory (storage.session): it survives the worker, and a browser that dies mid-purge is purged again from
 * the durable ledger at its next start — so the plan (with the group's URLs) never reaches the disk.
 */
export const purgeJournal = storage.defineItem<PurgeJournal | null>('session:purge-journal', {
  fallback: null,
});

/** The receipt of the last purge: site names and counts only, never personal data. Replaced by the next purge. */
export const lastReport = storage.defineItem<PurgeReport | null>('local:last-report', { fallback: null });

/**
 * The last receipt in shared-computer mode: kept in memory (storage.session), so that nothing of the person's
 * visits — not even the names of the sites in the receipt — stays on disk after a verified purge. Gone with
 * the browser session.
 */
export const sessionLastReport = storage.defineItem<PurgeReport | null>('session:last-report', {
  fallback: null,
});

const latest = (a: PurgeReport | null, b: PurgeReport | null) =>
  !a ? b : !b ? a : a.finishedAt >= b.finishedAt ? a : b;

/** Store the receipt where the mode says: in memory in shared-computer mode (the disk's copy goes), else on disk. */
export async function storeLastReport(report: PurgeReport, sharedComputer: boolean): Promise<void> {
  await Promise.all(
    sharedComputer
      ? [sessionLastReport.setValue(report), lastReport.removeValue()]
      : [lastReport.setValue(report), sessionLastReport.removeValue()],
  );
}

/** The last receipt, wherever it is kept (the newer of the two). Every reader goes through this or `watchLastReport`. */
export async function readLastReport(): Promise<PurgeReport | null> {
  const [onDisk, inMemory] = await Promise.all([lastReport.getValue(), sessionLastReport.getValue()]);
  return latest(onDisk, inMemory);
}

/** Calls `cb` with the last receipt whenever either copy changes. Returns the unwatch function. */
export function watchLastReport(cb: (report: PurgeReport | null) => void): () => void {
  const changed = () => void readLastReport().then(cb);
  const stops = [lastReport.watch(changed), sessionLastReport.watch(changed)];
  return () => {
    for (const stop of stops) stop();
  };
}

/** The user's settings; policy is merged over them in utils/settings.ts. Kept until the user changes them. */
export const userSettings = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  // Version 1 had no opt-in packs (none switched on).
  migrations: { 2: (old: Omit<Settings, 'optInPacks'>): Settings => ({ ...old, optInPacks: [] }) },
});

/**
 * The "Are you still there?" countdown in progress (idle logout): when it ends and the window showing it.
 * Cleared when it ends, when someone answers, or when the browser closes (session area).
 */
export const idleCountdown = storage.defineItem<{ deadline: number; windowId: number | null } | null>(
  'session:idle-countdown',
  { fallback: null },
);

/**
 * IT policy (raw managed storage) as last read from the browser, used while the browser is slow to answer
 * (utils/background/managed-policy.ts). Replaced by every answer; kept across restarts so the last policy is
 * in force from the first event of a session. Always validated again by effectiveSettings().
 */
export const managedCache = storage.defineItem<Record<string, unknown>>('local:managed-cache', {
  fallback: {},
});
