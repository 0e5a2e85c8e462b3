/**
 * Plan → execute → report, for any trigger. Called inside `serialized`.
 */
import type { BrowserDataPort, CookieRecord } from '../browser-data/port';
import { executePurge, type PurgeJournal } from '../purge/execute';
import { planPurge } from '../purge/plan';
import type { PurgeReport, PurgeTrigger } from '../purge/types';
import { removeGroups } from '../session-groups/track';
import type { Classify, HostMatch, SessionGroup } from '../session-groups/types';
import type { EffectiveSettings } from '../settings';
import { lastReport, pendingPurges, purgeJournal } from '../storage';
import { keepWindowsOpen, type WindowApi } from './start-page';
import { loadState, saveState } from './state';

export interface PurgeDeps {
  port: BrowserDataPort;
  settings: () => Promise<EffectiveSettings>;
  now: () => number;
  /** Windows, for the start page a purge leaves in a window it would empty (default: the browser's). */
  windows?: WindowApi;
}

/** Protected sites (by rule) that still hold cookies: what a crash, a power cut or a time before install left behind. */
export function protectedCookieSites(cookies: readonly CookieRecord[], classify: Classify): HostMatch[] {
  const out = new Map<string, HostMatch>();
  for (const c of cookies) {
    const m = classify(c.domain.replace(/^\./, ''));
    if (m && !out.has(m.scopeDomain)) out.set(m.scopeDomain, m);
  }
  return [...out.values()];
}

/** At browser start: one read of the cookie store finds protected cookies that no group knows of. */
export async function sweepProtected(port: BrowserDataPort, classify: Classify): Promise<HostMatch[]> {
  return protectedCookieSites(await port.findCookies({}), classify);
}

export interface PurgeRequest {
  trigger: PurgeTrigger;
  groups: SessionGroup[];
  keepTabIds?: number[];
  /** Protected sites found outside any group (the start-up scan; the button's read after its removal). */
  extraSites?: HostMatch[];
  /** What a window the purge would empty shows instead of the start page (a forced logout: its receipt). */
  windowPage?: string;
  /** The caller stores the report (it merges this purge's report with another's). */
  keepReport?: boolean;
  /** Sees every cookie the browser still holds once the purge's bulk removal is done. */
  onStoreRead?: (all: readonly CookieRecord[]) => void;
}

const journalStore = { save: (j: PurgeJournal) => purgeJournal.setValue(j) };

async function finish(groupIds: string[], report: PurgeReport, keepReport = false): Promise<PurgeReport> {
  const [before, pendingNow] = await Promise.all([loadState(), pendingPurges.getValue()]);
  const pending = { ...pendingNow };
  for (const id of groupIds) delete pending[id];
  await Promise.all([
    saveState(before, removeGroups(before, groupIds)),
    pendingPurges.setValue(pending),
    keepReport ? undefined : lastReport.setValue(report),
    purgeJournal.setValue(null),
  ]);
  return report;
}

/** One line per purge in the worker's console (no site names: counts and the outcome only). */
function logPurge(r: PurgeReport): void {
  console.info(
    `Safe Logout: purge (${r.trigger}) in ${r.finishedAt - r.startedAt} ms: ${r.cookieSitesCleared} cookie sites, ` +
      `${r.originsCleared} origins, ${r.failures.length} failures, ${r.verified ? 'verified' : 'NOT verified'}`,
  );
}

/** A purge carried out and verified; its bookkeeping (groups, pending purges, receipt, journal) lands in `settled`. */
export interface PurgeDone {
  report: PurgeReport;
  settled: Promise<void>;
}

/** Plan, execute, verify; the report is there before the bookkeeping is stored (see `serializedAnswer`). */
export async function startPurge(deps: PurgeDeps, req: PurgeRequest): Promise<PurgeDone> {
  const settings = await deps.settings();
  const now = deps.now();
  const tabs = await deps.port.listTabs();
  const plan = planPurge({
    id: `purge-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    trigger: req.trigger,
    now,
    groups: req.groups,
    tabs,
    keepTabIds: req.keepTabIds,
    clearHistory: settings.clearHistory,
    clearDownloads: settings.clearDownloads,
    extraSites: req.extraSites,
  });
  // Before any tab closes: a window the purge would empty gets the receipt, IT's start page or a new tab.
  await keepWindowsOpen(
    tabs,
    plan.closeTabs.map((t) => t.tabId),
    req.windowPage ?? settings.startPage,
    deps.windows,
  );
  const report = await executePurge(plan, deps.port, journalStore, deps.now, undefined, {
    onStoreRead: req.onStoreRead,
  });
  logPurge(report);
  return { report, settled: finish(plan.groupIds, report, req.keepReport).then(() => undefined) };
}

export async function runPurge(deps: PurgeDeps, req: PurgeRequest): Promise<PurgeReport> {
  const done = await startPurge(deps, req);
  await done.settled;
  return done.report;
}

/** Two purges of one trigger as one receipt. */
export function mergeReports(a: PurgeReport, b: PurgeReport): PurgeReport {
  return {
    ...a,
    labels: [...new Set([...a.labels, ...b.labels])],
    finishedAt: b.finishedAt,
    tabsClosed: a.tabsClosed + b.tabsClosed,
    tabsCleared: a.tabsCleared + b.tabsCleared,
    cookieSitesCleared: a.cookieSitesCleared + b.cookieSitesCleared,
    originsCleared: a.originsCleared + b.originsCleared,
    sitesCleared: a.sitesCleared + b.sitesCleared,
    historyRemoved: a.historyRemoved + b.historyRemoved,
    downloadsRemoved: a.downloadsRemoved + b.downloadsRemoved,
    leftovers: [...a.leftovers, ...b.leftovers],
    failures: [...a.failures, ...b.failures],
    verified: a.verified && b.verified,
  };
}

/**
 * Everything protected (the button, idle logout): every group, and protected cookies no group knows of (set
 * before install, say). No read of the store before the purge: the purge's own read after its bulk removal
 * (the one that looks for what it missed) shows such cookies, and a second, small purge takes their sites —
 * one receipt for both.
 */
export async function purgeEverything(
  deps: PurgeDeps,
  classify: Classify,
  req: Pick<PurgeRequest, 'trigger' | 'groups' | 'windowPage'>,
): Promise<PurgeDone> {
  let seen: readonly CookieRecord[] = [];
  const first = await startPurge(deps, { ...req, keepReport: true, onStoreRead: (all) => (seen = all) });
  const known = new Set(req.groups.flatMap((g) => g.sites.map((s) => s.scopeDomain)));
  const extraSites = protectedCookieSites(seen, classify).filter((x) => !known.has(x.scopeDomain));
  if (!extraSites.length) {
    return { report: first.report, settled: first.settled.then(() => lastReport.setValue(first.report)) };
  }
  await first.settled;
  const second = await runPurge(deps, { ...req, groups: [], extraSites, keepReport: true });
  const report = mergeReports(first.report, second);
  await lastReport.setValue(report);
  return { report, settled: Promise.resolve() };
}

/** A purge the worker did not live to finish: finish it (every step is idempotent). */
export async function resumePurge(deps: PurgeDeps): Promise<PurgeReport | null> {
  const journal = await purgeJournal.getValue();
  if (!journal) return null;
  const report = await executePurge(journal.plan, deps.port, journalStore, deps.now, journal);
  return finish(journal.plan.groupIds, report);
}
