/**
 * A purge report → what the receipt says, as data (the component words it). Only site names and counts
 * leave this function: no cookie names or values, no addresses beyond host names, nothing of the person.
 */
import type { PurgeReport, PurgeTrigger } from '../purge/types';

export type RemovedLine =
  /** `n`: sites whose cookies were cleared (cookies are not counted one by one: PurgeReport). */
  | { kind: 'cookies'; n: number; ok: boolean }
  | { kind: 'storage'; n: number; ok: boolean }
  | { kind: 'tabs'; n: number; ok: boolean }
  | { kind: 'history'; n: number; ok: boolean }
  | { kind: 'history-off' }
  | { kind: 'downloads'; n: number; ok: boolean }
  | { kind: 'downloads-check' }
  /** Form suggestions of every site saved since `since` (ms) were removed (the `clearFormData` setting). */
  | { kind: 'form-data'; since: number; ok: boolean };

export type Problem =
  | { kind: 'cookies-left'; n: number; sites: string[] }
  | { kind: 'check-failed' }
  | { kind: 'site-data-failed' }
  | { kind: 'history-failed' }
  | { kind: 'downloads-failed' }
  | { kind: 'tabs-failed' };

/** `retry`: the purge did not verify; it stays owed and is tried again by itself (PurgeReport.owed). */
export type Advice = 'close-browser' | 'history' | 'downloads' | 'tabs' | 'retry';

export interface ReceiptView {
  /** What started the logout: the receipt says it in a line of its own. */
  trigger: PurgeTrigger;
  sites: string[];
  /** `sites` entries that name a site on no list, with the login service it signed in through. */
  signedInThrough?: Record<string, string>;
  /** Nothing of any protected site was found: a one-line receipt. */
  nothing: boolean;
  removed: RemovedLine[];
  problems: Problem[];
  advice: Advice[];
  /** The cookies were read again after the purge and none of the group's was left (PurgeReport.verified). */
  verified: boolean;
}

/** The receipt of `report`: everything it says comes from the report (what was on, what was found). */
export function receiptView(report: PurgeReport): ReceiptView {
  const failed = new Set(report.failures.map((f) => f.step));
  const problems: Problem[] = [];
  const advice = new Set<Advice>();

  const leftSites = [...new Set(report.leftovers.map((c) => c.domain.replace(/^\./, '')))].sort();
  if (report.leftovers.length) {
    problems.push({ kind: 'cookies-left', n: report.leftovers.length, sites: leftSites });
    advice.add('close-browser');
  }
  if (failed.has('cookies') || failed.has('verify')) {
    problems.push({ kind: 'check-failed' });
    advice.add('close-browser');
  }
  if (failed.has('site-data') || failed.has('form-data')) {
    problems.push({ kind: 'site-data-failed' });
    advice.add('close-browser');
  }
  if (failed.has('history')) {
    problems.push({ kind: 'history-failed' });
    advice.add('history');
  }
  if (failed.has('downloads')) {
    problems.push({ kind: 'downloads-failed' });
    advice.add('downloads');
  }
  if (failed.has('tabs')) {
    problems.push({ kind: 'tabs-failed' });
    advice.add('tabs');
  }
  if (report.owed) advice.add('retry');

  const cookiesOk = !report.leftovers.length && !failed.has('verify') && !failed.has('cookies');
  const removed: RemovedLine[] = [
    { kind: 'cookies', n: report.cookieSitesCleared, ok: cookiesOk },
    { kind: 'storage', n: report.sitesCleared, ok: !failed.has('site-data') },
  ];
  if (report.tabsClosed > 0) removed.push({ kind: 'tabs', n: report.tabsClosed, ok: !failed.has('tabs') });
  removed.push(
    report.historyCleared || report.historyRemoved > 0
      ? { kind: 'history', n: report.historyRemoved, ok: !failed.has('history') }
      : { kind: 'history-off' },
  );
  removed.push(
    report.downloadsCleared || report.downloadsRemoved > 0
      ? { kind: 'downloads', n: report.downloadsRemoved, ok: !failed.has('downloads') }
      : { kind: 'downloads-check' },
  );
  if (report.formDataCleared && report.formDataSince !== undefined)
    removed.push({ kind: 'form-data', since: report.formDataSince, ok: !failed.has('form-data') });

  const nothing =
    report.cookieSitesCleared + report.sitesCleared + report.tabsClosed + report.historyRemoved === 0 &&
    report.downloadsRemoved === 0 &&
    problems.length === 0;
  return {
    trigger: report.trigger,
    // A login service a site on no list signed in through is named with that site, not on its own.
    sites: report.labels.filter((l) => !Object.values(report.signedInThrough ?? {}).includes(l)),
    ...(report.signedInThrough ? { signedInThrough: report.signedInThrough } : {}),
    nothing,
    removed,
    problems,
    advice: [...advice],
    verified: report.verified,
  };
}

/** The receipt's words (built from the locale catalogues in utils/ui/receipt-text.ts). */
export interface ReceiptText {
  title: string;
  nothing: string;
  sites: (s: string) => string;
  /** "mina.example.se, signed in through GrandID". */
  signedInThrough: (host: string, service: string) => string;
  /** Why the logout happened, e.g. "You pressed Log out and clear." */
  why: (trigger: PurgeTrigger) => string;
  removedHeading: string;
  /** One removed thing with its count, e.g. "Sites whose cookies were cleared: 3". */
  line: (l: RemovedLine) => string;
  /** How it was verified, e.g. "checked again: none left"; null when there is nothing to add. */
  check: (l: RemovedLine) => string | null;
  problemsHeading: string;
  problem: (p: Problem) => string;
  advice: (a: Advice) => string;
  verified: string;
  leave: string;
}

/** The receipt's site names: a site on no list with the login service it signed in through. */
export function siteNames(
  view: Pick<ReceiptView, 'sites' | 'signedInThrough'>,
  text: Pick<ReceiptText, 'signedInThrough'>,
): string[] {
  return view.sites.map((s) => {
    const via = view.signedInThrough?.[s];
    return via ? text.signedInThrough(s, via) : s;
  });
}
