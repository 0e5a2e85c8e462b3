/**
 * The purge executor: carries out a plan through the browser-data port and reports what it did.
 * Idempotent and resumable — every step may run twice, and the journal (saved after each phase) lets a
 * worker that died half-way finish the job on its next wake.
 *
 * A plan that sweeps (everything protected: the button, idle, browser start) also takes protected cookies
 * no group knew of (set before install, say). Nothing is read before the bulk removal — a read of the store
 * costs about as much as the removal itself — so they show in the read after it: their sites are planned
 * there (`planOutside`) and purged in the same run, the same journal and the same report.
 */
import type { BrowserDataPort, CookieRecord } from '../browser-data/port';
import { cookieIdentity } from '../browser-data/port';
import { storeKey } from '../browser-data/stores';
import { registrableDomain } from '../rules/hostname';
import type { Classify } from '../session-groups/types';
import { cookieInScope, type OutsideSite, planOutside } from './plan';
import type { CookieScope, PurgePlan, PurgeReport } from './types';

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
  /** The sites found outside the plan in the read after the bulk removal, planned there (sweeping plans only). */
  outside?: PurgePlan;
  /** Steps done, `outside:`-prefixed for the outside plan's. */
  done: string[];
  report: PurgeReport;
}

export interface JournalStore {
  save(journal: PurgeJournal): Promise<void>;
}

export interface ExecuteOptions {
  port: BrowserDataPort;
  journal: JournalStore;
  now: () => number;
  /** The journal of this plan's earlier, unfinished run: only what it had not done is done. */
  resume?: PurgeJournal;
  /** What is protected, for a plan that sweeps: required then (protected cookies outside the plan go too). */
  classify?: Classify;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A plan and its plans in other cookie stores (`otherStores`), each acting in its own store. */
const perStore = (p: PurgePlan | undefined): PurgePlan[] => (p ? [p, ...(p.otherStores ?? [])] : []);
/** Is the cookie in one of these scopes (each of its own store)? */
const inAnyScope = (c: CookieRecord, scopes: readonly CookieScope[]) =>
  scopes.some((scope) => cookieInScope(c, scope));

/**
 * Protected sites (by rule) among these cookies: what a crash, a power cut or a time before install left. One
 * per cookie store the site's cookies are in: each store's session is purged in its store.
 */
export function protectedCookieSites(cookies: readonly CookieRecord[], classify: Classify): OutsideSite[] {
  const out = new Map<string, { scopeDomain: string; label: string; hosts: string[]; storeId?: string }>();
  for (const c of cookies) {
    const host = c.domain.replace(/^\./, '').toLowerCase();
    const m = classify(host);
    if (!m) continue;
    const storeId = storeKey(c.storeId);
    const key = `${storeId ?? ''} ${m.scopeDomain}`;
    const site = out.get(key) ?? {
      scopeDomain: m.scopeDomain,
      label: m.label,
      hosts: [],
      ...(storeId !== undefined ? { storeId } : {}),
    };
    if (!site.hosts.includes(host)) site.hosts.push(host);
    out.set(key, site);
  }
  return [...out.values()];
}

export function newReport(plan: PurgePlan, now: number): PurgeReport {
  return {
    planId: plan.id,
    trigger: plan.trigger,
    labels: plan.labels,
    ...(plan.signedInThrough ? { signedInThrough: plan.signedInThrough } : {}),
    startedAt: now,
    finishedAt: 0,
    tabsClosed: 0,
    tabsCleared: 0,
    cookieSitesCleared: 0,
    originsCleared: 0,
    sitesCleared: 0,
    historyCleared: plan.history !== null,
    historyRemoved: 0,
    downloadsCleared: plan.downloads !== null,
    downloadsRemoved: 0,
    formDataCleared: !!plan.formData,
    ...(plan.formData ? { formDataSince: plan.formData.since } : {}),
    leftovers: [],
    failures: [],
    verified: false,
  };
}

export async function executePurge(plan: PurgePlan, opts: ExecuteOptions): Promise<PurgeReport> {
  const { port, now } = opts;
  if (plan.sweep && !opts.classify) throw new TypeError('a sweeping plan needs classify');
  const journal: PurgeJournal = opts.resume ?? { plan, done: [], report: newReport(plan, now()) };
  const report = journal.report;
  const save = () => opts.journal.save(journal);
  const run = async (key: string, step: PurgeStep, fn: () => Promise<void>) => {
    if (journal.done.includes(key)) return;
    try {
      await fn();
    } catch (e) {
      report.failures.push({ step, message: message(e) });
    }
    journal.done.push(key);
  };
  /** Every cookie the plans reach, partitioned and first-party-isolated ones included: ONE read of every store. */
  const findScoped = async (all?: readonly CookieRecord[]) => {
    const scopes = [...perStore(plan), ...perStore(journal.outside)].map((p) => p.cookies);
    const byKey = new Map<string, CookieRecord>();
    for (const c of all ?? (await port.findCookies({})))
      if (inAnyScope(c, scopes)) byKey.set(cookieIdentity(c), c);
    return [...byKey.values()];
  };

  /** Phases 1 and 2 of one plan: its tabs close, then everything goes by origin in as few calls as possible. */
  const removeByOrigin = async (p: PurgePlan, prefix: string) => {
    // Phase 1: the tabs close (a closed page can no longer write storage).
    await run(`${prefix}tabs`, 'tabs', async () => {
      if (!p.closeTabs.length) return;
      const open = new Set((await port.listTabs()).map((t) => t.id));
      const toClose = p.closeTabs.map((t) => t.tabId).filter((id) => open.has(id));
      await port.closeTabs(toClose);
      report.tabsClosed += toClose.length;
    });
    // Saved while phase 2 runs: a worker that dies before this lands closes the (already closed) tabs again.
    const phase1Saved = save();
    // Phase 2: nothing is read before: cookies are not counted one by one, because a read of the store costs
    // about as much as the removal itself (docs/benchmarks.md). The receipt counts sites; the read after the
    // removal is what proves the result.
    await Promise.all([
      phase1Saved,
      run(`${prefix}site-data`, 'site-data', async () => {
        report.cookieSitesCleared += p.cookies.topLevelSites.length;
        await Promise.all(p.siteData.map((d) => port.removeSiteData(d.origins, d.kinds, p.storeId)));
        // What the receipt counts: the plan's own origins (not other sites whose HTTP cache went too).
        const own = new Set(
          p.siteData.filter((d) => d.reason !== 'http-cache-of-fetched-origin').flatMap((d) => d.origins),
        );
        report.originsCleared += own.size;
        report.sitesCleared += new Set([...own].map((o) => registrableDomain(new URL(o).hostname))).size;
        if (!p.clearTabs.length) return;
        const open = new Set((await port.listTabs()).map((t) => t.id));
        const kept = p.clearTabs.map((t) => t.tabId).filter((id) => open.has(id));
        const cleared = await Promise.allSettled(kept.map((id) => port.clearTabStorage(id)));
        report.tabsCleared += cleared.filter((r) => r.status === 'fulfilled').length;
        for (const r of cleared)
          if (r.status === 'rejected')
            report.failures.push({ step: 'site-data', message: message(r.reason) });
      }),
      run(`${prefix}history`, 'history', async () => {
        if (!p.history) return;
        const entries = await port.findHistory(p.history.hosts, p.history.since ?? 0);
        // By name too: a URL visited only as a redirect hop is in history but in no search result.
        const urls = [...new Set([...entries.map((e) => e.url), ...p.history.urls])];
        await Promise.all(urls.map((url) => port.deleteHistory(url)));
        report.historyRemoved += entries.length;
      }),
      run(`${prefix}form-data`, 'form-data', async () => {
        if (p.formData) await port.removeFormData(p.formData.since);
      }),
      run(`${prefix}http-cache`, 'site-data', async () => {
        if (p.httpCacheSince != null) await port.removeHttpCache(p.httpCacheSince);
      }),
      run(`${prefix}downloads`, 'downloads', async () => {
        if (!p.downloads) return;
        const items = await port.findDownloads(p.downloads.hosts, p.downloads.since ?? 0);
        await Promise.all(items.map((d) => port.removeDownload(d.id)));
        report.downloadsRemoved += items.length;
      }),
    ]);
    // Not history: a closed tab reopened (Ctrl+Shift+T) brings its sessionStorage back, whatever the settings.
    // After phase 2: an adapter may open and close tabs of its own there.
    await run(`${prefix}closed-tabs`, 'closed-tabs', async () => {
      if (p.closedTabs)
        await port.forgetClosedTabs(p.closedTabs.hosts, p.closedTabs.domains, p.closedTabs.excluded ?? []);
    });
    await save();
  };

  /** Phases 1 and 2 of a plan in every cookie store it has groups in, one store after the other. */
  const removeInEveryStore = async (p: PurgePlan, prefix: string) => {
    await removeByOrigin(p, prefix);
    for (const other of p.otherStores ?? []) await removeByOrigin(other, `${prefix}${other.storeId}:`);
  };

  await removeInEveryStore(plan, '');

  // Phase 3: cookies the origin-wide call cannot reach (other partitions, subdomains never visited, narrow
  // rules) — and, for a sweeping plan, protected sites no group knew of, purged here as their own plan.
  // A read that finds nothing left already is the verification (one full read of the store saved).
  let cleanRead = false;
  await run('cookies', 'cookies', async () => {
    const all = await port.findCookies({});
    if (plan.sweep && opts.classify && !journal.outside) {
      const scopes = perStore(plan).map((p) => p.cookies);
      const inPlan = (c: CookieRecord) => inAnyScope(c, scopes);
      const sites = protectedCookieSites(
        all.filter((c) => !inPlan(c)),
        opts.classify,
      );
      if (sites.length) {
        journal.outside = planOutside(plan, sites, await port.listTabs());
        report.labels = [...new Set([...report.labels, ...journal.outside.labels])];
        await save();
      }
    }
    if (journal.outside) await removeInEveryStore(journal.outside, 'outside:');
    const rest = await findScoped(journal.outside ? undefined : all);
    cleanRead = rest.length === 0;
    const results = await Promise.allSettled(rest.map((c) => port.removeCookie(c)));
    for (const r of results)
      if (r.status === 'rejected') report.failures.push({ step: 'cookies', message: message(r.reason) });
  });

  // Phase 4: verify by reading the cookies again; one more attempt at anything left, then report it.
  journal.done = journal.done.filter((s) => s !== 'verify');
  await run('verify', 'verify', async () => {
    let left = cleanRead ? [] : await findScoped();
    if (left.length) {
      await Promise.allSettled(left.map((c) => port.removeCookie(c)));
      left = await findScoped();
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
  await save();
  return report;
}
