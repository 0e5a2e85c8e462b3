/**
 * The one way to purge: scope → plan → execute → report → bookkeeping → receipt. Every trigger comes here,
 * and this is the only caller of the executor. Call inside `serialized` (queue.ts); `answer` hands the report
 * to the caller as soon as the purge is verified, before its bookkeeping is stored (the next event still
 * waits for that).
 */
import { executePurge, type PurgeJournal } from '../purge/execute';
import { planPurge } from '../purge/plan';
import type { PurgeReport, PurgeTrigger } from '../purge/types';
import { joinLoginsInFlight } from '../session-groups/logins-in-flight';
import { removeGroups } from '../session-groups/membership';
import type { SessionGroup } from '../session-groups/types';
import { browserSession, ledger, pendingPurges, purgeJournal, storeLastReport } from '../storage';
import type { BackgroundContext } from './context';
import { owe, purgeSettled, scheduleOwedAlarm } from './owed';
import { openReceiptTab, type ReceiptPlacement, receiptUrl } from './receipt-tab';
import { groupFromLedger, ledgerEntry, loadState, saveState, update } from './session-store';
import { keepWindowsOpen } from './start-page';

export type PurgeScope =
  /** Every group, and protected cookies no group knows of (set before install, say). */
  | { kind: 'all' }
  /** These groups only (one for "Only this site", the guard and a site logout; those whose last tab closed). */
  | { kind: 'groups'; groupIds: readonly string[] }
  /** At browser start: what the last session left (the durable ledger), and protected cookies no group knows of. */
  | { kind: 'leftovers' }
  /** Owed purges (ledger entries marked `owed`): a purge of these groups ran and did not verify (owed.ts). */
  | { kind: 'owed'; ids: readonly string[] }
  /** The purge a worker did not live to finish (its journal): every step is idempotent. */
  | { kind: 'unfinished' };

export type PurgeRequest =
  | { scope: Exclude<PurgeScope, { kind: 'unfinished' }>; trigger: PurgeTrigger; receipt?: ReceiptPlacement }
  | { scope: { kind: 'unfinished' } };

/** Automatic purges that found nothing leave the last receipt as it was. */
const FORCED: readonly PurgeTrigger[] = ['button', 'shortcut', 'context-menu', 'guard'];

interface Planned {
  groups: SessionGroup[];
  sweep: boolean;
}

async function groupsIn(
  ctx: BackgroundContext,
  scope: Exclude<PurgeScope, { kind: 'unfinished' }>,
): Promise<Planned> {
  if (scope.kind === 'leftovers')
    return { groups: Object.values(await ledger.getValue()).map(groupFromLedger), sweep: true };
  if (scope.kind === 'owed') {
    const left = await ledger.getValue();
    const owed = scope.ids.flatMap((id) => (left[id]?.owed ? [groupFromLedger(left[id])] : []));
    return { groups: owed, sweep: false };
  }
  // A login in progress will not come back once its tab closes: the hosts it reached go with its group (and
  // stay in the ledger with it should this purge not verify).
  const classify = await ctx.classify();
  const s = await update((st) => joinLoginsInFlight(st, ctx.now(), classify));
  if (scope.kind === 'all') return { groups: Object.values(s.groups), sweep: true };
  return {
    groups: scope.groupIds.flatMap((id) => (s.groups[id] ? [s.groups[id]] : [])),
    sweep: false,
  };
}

/** One line per purge in the worker's console (no site names: counts and the outcome only). */
function logPurge(r: PurgeReport): void {
  console.info(
    `Safe Logout: purge (${r.trigger}) in ${r.finishedAt - r.startedAt} ms: ${r.cookieSitesCleared} cookie sites, ` +
      `${r.originsCleared} origins, ${r.failures.length} failures, ${r.verified ? 'verified' : 'NOT verified'}`,
  );
}

/**
 * The purged groups leave the state and the pending purges whatever the outcome (their tabs are closed, the
 * person is logged out). They leave the ledger only when the purge settled (verified, no step failed);
 * otherwise they stay in it as owed, and the alarm is set for the retry (owed.ts). The receipt is kept
 * (`receipt` false: an automatic purge that found nothing); the journal goes.
 */
async function bookkeeping(
  ctx: BackgroundContext,
  groupIds: readonly string[],
  report: PurgeReport,
  receipt: boolean,
): Promise<void> {
  const [before, pendingNow, ledgerNow, settings] = await Promise.all([
    loadState(),
    pendingPurges.getValue(),
    ledger.getValue(),
    ctx.settings(),
  ]);
  const pending = { ...pendingNow };
  const kept = { ...ledgerNow };
  const settled = purgeSettled(report);
  const now = ctx.now();
  for (const id of groupIds) {
    delete pending[id];
    const live = before.groups[id];
    const entry = kept[id] ?? (live ? ledgerEntry(live) : undefined);
    delete kept[id];
    if (!settled && entry) {
      const owed = owe(entry, report, now);
      kept[owed.id] = owed;
    }
  }
  // The state first: its save mirrors to the ledger, which is then written once more without the purged groups.
  await saveState(before, removeGroups(before, groupIds));
  await Promise.all([
    ledger.setValue(kept),
    pendingPurges.setValue(pending),
    // Shared-computer mode: the receipt (site names) stays in memory, never on disk.
    receipt ? storeLastReport(report, settings.sharedComputer) : undefined,
    purgeJournal.setValue(null),
  ]);
  if (!settled) await scheduleOwedAlarm(ctx, kept);
}

const journalStore = { save: (j: PurgeJournal) => purgeJournal.setValue(j) };

/**
 * Purge `request.scope` for `request.trigger`. Returns the report (null when there was nothing to purge: a
 * group already gone, no unfinished purge). A forced logout's receipt page opens once the report is stored;
 * a window the purge would empty gets it (or IT's start page) before its last tab closes.
 */
export async function purge(
  ctx: BackgroundContext,
  request: PurgeRequest,
  answer: (report: PurgeReport | null) => void = () => undefined,
): Promise<PurgeReport | null> {
  const since = ctx.now();
  let report: PurgeReport;
  let groupIds: string[];
  if (!('trigger' in request)) {
    const journal = await purgeJournal.getValue();
    if (!journal) return null;
    groupIds = journal.plan.groupIds;
    report = await executePurge(journal.plan, {
      port: ctx.port,
      journal: journalStore,
      now: ctx.now,
      resume: journal,
      classify: journal.plan.sweep ? await ctx.classify() : undefined,
    });
  } else {
    const { scope, trigger, receipt } = request;
    const [settings, { groups, sweep }, tabs] = await Promise.all([
      ctx.settings(),
      groupsIn(ctx, scope),
      ctx.port.listTabs(),
    ]);
    if ((scope.kind === 'groups' || scope.kind === 'owed') && !groups.length) return null;
    const plan = planPurge({
      id: `purge-${since.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      trigger,
      now: since,
      groups,
      tabs,
      clearHistory: settings.clearHistory,
      clearDownloads: settings.clearDownloads,
      clearFormData: settings.clearFormData,
      excluded: settings.excludedDomains,
      sweep,
      sessionStartedAt: (await browserSession.getValue())?.startedAt,
    });
    groupIds = plan.groupIds;
    // Before any tab closes: a window the purge would empty gets the receipt, IT's start page or a new tab.
    // (Every cookie store's: a container's tabs share the normal windows.)
    const closing = [plan, ...(plan.otherStores ?? [])].flatMap((p) => p.closeTabs.map((t) => t.tabId));
    await keepWindowsOpen(ctx, tabs, closing, receipt ? receiptUrl(ctx, since) : settings.startPage);
    report = await executePurge(plan, {
      port: ctx.port,
      journal: journalStore,
      now: ctx.now,
      classify: sweep ? await ctx.classify() : undefined,
    });
  }
  // Groups of a purge that did not settle stay owed in the ledger: the receipt says it will be tried again.
  if (groupIds.length && !purgeSettled(report)) report.owed = true;
  logPurge(report);
  answer(report);
  const nothing = report.labels.length === 0 && report.tabsClosed === 0;
  await bookkeeping(ctx, groupIds, report, !nothing || FORCED.includes(report.trigger) || !!report.owed);
  const receipt = 'receipt' in request ? request.receipt : undefined;
  if (receipt)
    await openReceiptTab(ctx, receipt, since).catch((e: unknown) =>
      console.error('Safe Logout: receipt tab', e),
    );
  return report;
}
