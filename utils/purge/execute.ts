/**
 * The purge executor: carries out a plan through the browser-data port and reports what it did.
 * Idempotent and resumable — every step may run twice, and the journal (saved after each phase) lets a
 * worker that died half-way finish the job on its next wake.
 */
import { type BrowserDataPort, type CookieRecord, cookieIdentity } from '../browser-data/port';
import { registrableDomain } from '../rules/hostname';
import { cookieInScope } from './plan';
import type { PurgePlan, PurgeReport } from './types';

export type PurgeStep =
  | 'closed-tabs'
  | 'form-data'
  | 'tabs'
  | 'site-data'
  | 'cookies'
  | 'history'
  | 'downloads'
  | 'verify';

export interface PurgeJournal {
  plan: PurgePlan;
  done: PurgeStep[];
  report: PurgeReport;
}

export interface JournalStore {
  save(journal: PurgeJournal): Promise<void>;
}

/**
 * The group's cookies, partitioned and first-party-isolated ones included: ONE read of every store, filtered
 * here. Chromium walks its whole cookie store for every getAll without a url, so per-domain lookups only
 * multiply that cost (docs/benchmarks.md).
 */
async function findScopedCookies(
  port: BrowserDataPort,
  plan: PurgePlan,
  seeAll?: (all: readonly CookieRecord[]) => void,
): Promise<CookieRecord[]> {
  const all = await port.findCookies({});
  seeAll?.(all);
  const byKey = new Map<string, CookieRecord>();
  for (const c of all) if (cookieInScope(c, plan.cookies)) byKey.set(cookieIdentity(c), c);
  return [...byKey.values()];
}

const registrableOf = (host: string) => registrableDomain(host) ?? host;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function newReport(plan: PurgePlan, now: number): PurgeReport {
  return {
    planId: plan.id,
    trigger: plan.trigger,
    labels: plan.labels,
    startedAt: now,
    finishedAt: 0,
    tabsClosed: 0,
    tabsCleared: 0,
    cookieSitesCleared: 0,
    originsCleared: 0,
    sitesCleared: 0,
    historyRemoved: 0,
    downloadsRemoved: 0,
    leftovers: [],
    failures: [],
    verified: false,
  };
}

export interface ExecuteOptions {
  /**
   * Sees every cookie the browser still holds once the bulk removal is done (the read that looks for what it
   * missed): protected cookies of sites outside the plan show there.
   */
  onStoreRead?: (all: readonly CookieRecord[]) => void;
}

export async function executePurge(
  plan: PurgePlan,
  port: BrowserDataPort,
  store: JournalStore,
  now: () => number = Date.now,
  resume?: PurgeJournal,
  { onStoreRead }: ExecuteOptions = {},
): Promise<PurgeReport> {
  const journal: PurgeJournal = resume ?? { plan, done: [], report: newReport(plan, now()) };
  const report = journal.report;
  const isDone = (s: PurgeStep) => journal.done.includes(s);
  const run = async (step: PurgeStep, fn: () => Promise<void>) => {
    if (isDone(step)) return;
    try {
      await fn();
    } catch (e) {
      report.failures.push({ step, message: message(e) });
    }
    journal.done.push(step);
  };

  // Phase 1: the group's tabs close (a closed page can no longer write storage).
  await run('tabs', async () => {
    if (!plan.closeTabs.length) return;
    const open = new Set((await port.listTabs()).map((t) => t.id));
    const toClose = plan.closeTabs.map((t) => t.tabId).filter((id) => open.has(id));
    await port.closeTabs(toClose);
    report.tabsClosed += toClose.length;
  });
  // Saved while phase 2 runs: a worker that dies before this lands closes the (already closed) tabs again.
  const phase1Saved = store.save(journal);

  // Phase 2: remove everything by origin in as few browser calls as possible; sessionStorage of kept tabs;
  // history; downloads. Nothing is read before: the cookies are not counted one by one, because a read of the
  // store costs about as much as the removal itself (docs/benchmarks.md). The receipt counts sites instead,
  // and the read after the removal is what proves the result.
  report.cookieSitesCleared = plan.cookies.topLevelSites.length;
  await Promise.all([
    phase1Saved,
    run('site-data', async () => {
      await Promise.all(plan.siteData.map((d) => port.removeSiteData(d.origins, d.kinds)));
      // What the receipt counts: the group's own origins (not other sites whose HTTP cache went too).
      const own = plan.siteData.filter((d) => d.reason !== 'http-cache-of-fetched-origin');
      const origins = new Set(own.flatMap((d) => d.origins));
      report.originsCleared = origins.size;
      report.sitesCleared = new Set([...origins].map((o) => registrableOf(new URL(o).hostname))).size;
      if (!plan.clearTabs.length) return;
      const open = new Set((await port.listTabs()).map((t) => t.id));
      const kept = plan.clearTabs.map((t) => t.tabId).filter((id) => open.has(id));
      const cleared = await Promise.allSettled(kept.map((id) => port.clearTabStorage(id)));
      report.tabsCleared = cleared.filter((r) => r.status === 'fulfilled').length;
      for (const r of cleared)
        if (r.status === 'rejected') report.failures.push({ step: 'site-data', message: message(r.reason) });
    }),
    run('history', async () => {
      if (!plan.history) return;
      const entries = await port.findHistory(plan.history.hosts);
      // By name too: a URL visited only as a redirect hop is in history but in no search result.
      const urls = [...new Set([...entries.map((e) => e.url), ...plan.history.urls])];
      await Promise.all(urls.map((url) => port.deleteHistory(url)));
      report.historyRemoved += entries.length;
    }),
    run('form-data', async () => {
      if (plan.formData) await port.removeFormData(plan.formData.since);
    }),
    run('downloads', async () => {
      if (!plan.downloads) return;
      const items = await port.findDownloads(plan.downloads.hosts);
      await Promise.all(items.map((d) => port.removeDownload(d.id)));
      report.downloadsRemoved += items.length;
    }),
  ]);
  // Not history: a closed tab reopened (Ctrl+Shift+T) brings its sessionStorage back, whatever the settings.
  // After phase 2: Firefox's port closes tabs of its own there (to empty Cache Storage).
  await run('closed-tabs', async () => {
    if (plan.closedTabs) await port.forgetClosedTabs(plan.closedTabs.hosts, plan.closedTabs.domains);
  });
  await store.save(journal);

  // Phase 3: cookies the origin-wide call cannot reach (other partitions, subdomains never visited, narrow rules).
  // A read that finds nothing left already is the verification (one full read of the store saved).
  let cleanRead: CookieRecord[] | undefined;
  await run('cookies', async () => {
    const rest = await findScopedCookies(port, plan, onStoreRead);
    if (rest.length === 0) cleanRead = rest;
    const results = await Promise.allSettled(rest.map((c) => port.removeCookie(c)));
    for (const r of results)
      if (r.status === 'rejected') report.failures.push({ step: 'cookies', message: message(r.reason) });
  });

  // Phase 4: verify by reading the cookies again; one more attempt at anything left, then report it.
  journal.done = journal.done.filter((s) => s !== 'verify');
  await run('verify', async () => {
    let left = cleanRead ?? (await findScopedCookies(port, plan));
    if (left.length) {
      await Promise.allSettled(left.map((c) => port.removeCookie(c)));
      left = await findScopedCookies(port, plan);
    }
    report.leftovers = left.map((c) => ({
      domain: c.domain,
      name: c.name,
      storeId: c.storeId,
      partitioned: !!c.partitionKey?.topLevelSite,
    }));
  });
  report.verified = report.leftovers.length === 0 && !report.failures.some((f) => f.step === 'verify');
  report.finishedAt = now();
  await store.save(journal);
  return report;
}
