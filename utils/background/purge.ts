/**
 * The one way to purge: scope → plan → execute → report → bookkeeping → receipt. Every trigger comes here,
 * and this is the only caller of the executor. Call inside `serialized` (queue.ts); `answer` hands the report
 * to the caller as soon as the purge is verified, before its bookkeeping is stored (the next event still
 * waits for that).
 */
import { executePurge, type PurgeJournal } from '../purge/execute';
import { planPurge } from '../purge/plan';
import type { PurgeReport, PurgeTrigger } from '../purge/types';
import { removeGroups } from '../session-groups/membership';
import type { SessionGroup } from '../session-groups/types';
import { lastReport, ledger, pendingPurges, purgeJournal } from '../storage';
import type { BackgroundContext } from './context';
import { openReceiptTab, type ReceiptPlacement, receiptUrl } from './receipt-tab';
import { groupFromLedger, loadState, saveState } from './session-store';
import { keepWindowsOpen } from './start-page';

export type PurgeScope =
  /** Every group, and protected cookies no group knows of (set before install, say). */
  | { kind: 'all' }
  /** These groups only (one for "Only this site", the guard and a site logout; those whose last tab closed). */
  | { kind: 'groups'; groupIds: readonly string[] }
  /** At browser start: what the last session left (the durable ledger), and protected cookies no group knows of. */
  | { kind: 'leftovers' }
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

async function groupsIn(scope: Exclude<PurgeScope, { kind: 'unfinished' }>): Promise<Planned> {
  if (scope.kind === 'leftovers')
    return { groups: Object.values(await ledger.getValue()).map(groupFromLedger), sweep: true };
  const s = await loadState();
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

/** The purged groups leave the state, the ledger and the pending purges; the receipt is kept; the journal goes. */
async function bookkeeping(groupIds: readonly string[], report: PurgeReport | null): Promise<void> {
  const [before, pendingNow, ledgerNow] = await Promise.all([
    loadState(),
    pendingPurges.getValue(),
    ledger.getValue(),
  ]);
  const pending = { ...pendingNow };
  const kept = { ...ledgerNow };
  for (const id of groupIds) {
    delete pending[id];
    delete kept[id];
  }
  // The state first: its save mirrors to the ledger, which is then written once more without the purged groups.
  await saveState(before, removeGroups(before, groupIds));
  await Promise.all([
    ledger.setValue(kept),
    pendingPurges.setValue(pending),
    report ? lastReport.setValue(report) : undefined,
    purgeJournal.setValue(null),
  ]);
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
      groupsIn(scope),
      ctx.port.listTabs(),
    ]);
    if (scope.kind === 'groups' && !groups.length) return null;
    const plan = planPurge({
      id: `purge-${since.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      trigger,
      now: since,
      groups,
      tabs,
      clearHistory: settings.clearHistory,
      clearDownloads: settings.clearDownloads,
      sweep,
    });
    groupIds = plan.groupIds;
    // Before any tab closes: a window the purge would empty gets the receipt, IT's start page or a new tab.
    const closing = plan.closeTabs.map((t) => t.tabId);
    await keepWindowsOpen(ctx, tabs, closing, receipt ? receiptUrl(ctx, since) : settings.startPage);
    report = await executePurge(plan, {
      port: ctx.port,
      journal: journalStore,
      now: ctx.now,
      classify: sweep ? await ctx.classify() : undefined,
    });
  }
  logPurge(report);
  answer(report);
  const nothing = report.labels.length === 0 && report.tabsClosed === 0;
  await bookkeeping(groupIds, nothing && !FORCED.includes(report.trigger) ? null : report);
  const receipt = 'receipt' in request ? request.receipt : undefined;
  if (receipt)
    await openReceiptTab(ctx, receipt, since).catch((e: unknown) =>
      console.error('Safe Logout: receipt tab', e),
    );
  return report;
}
