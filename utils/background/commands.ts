/**
 * What the extension's pages, the shortcut and the context menu may ask the background to do.
 */
import type { GroupSummary, Protocol } from '../messages';
import type { PurgeReport } from '../purge/types';
import { isWithin } from '../rules/hostname';
import type { SessionGroup } from '../session-groups/types';
import { lastReport } from '../storage';
import type { EventDeps } from './events';
import { logged } from './log';
import { purgeEverything, startPurge } from './purge-runner';
import { openReceiptTab, type ReceiptPlacement, receiptPageUrl } from './receipt-tab';
import { loadState, serialized, serializedAnswer } from './state';

/** Hosts of the group outside all of its e-service sites: the login services (IdPs, brokers) it passed through. */
export function loginHostsOf(g: Pick<SessionGroup, 'sites' | 'hosts'>): string[] {
  const services = g.sites.filter((s) => s.kind !== 'idp');
  return g.hosts.filter((h) => !services.some((s) => isWithin(h, s.scopeDomain)));
}

/** A group's name: its e-services ("Järfälla kommun"); a group that only reached a known login service is named by it. */
function labelsOf(g: Pick<SessionGroup, 'sites'>): string[] {
  const services = g.sites.filter((x) => x.kind !== 'idp');
  return [...new Set((services.length ? services : g.sites).map((x) => x.label))];
}

/** What the popup and the receipt show: after any purge in progress has stored its outcome. */
export function status(): Promise<Protocol['getStatus']['res']> {
  return serialized(readStatus);
}

async function readStatus(): Promise<Protocol['getStatus']['res']> {
  const [s, report] = await Promise.all([loadState(), lastReport.getValue()]);
  const groups: GroupSummary[] = Object.values(s.groups)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((g) => ({
      id: g.id,
      labels: labelsOf(g),
      hosts: g.hosts,
      loginHosts: loginHostsOf(g),
      tabCount: g.tabIds.length,
      startedAt: g.startedAt,
    }));
  return { groups, lastReport: report };
}

/**
 * The one button: every protected group, plus protected cookies that no group knows of (set before install,
 * say). `windowPage`: what a window the purge would empty shows (PurgeRequest).
 */
export function logOutAll(deps: EventDeps, windowPage?: string): Promise<PurgeReport> {
  // The report goes back as soon as the purge is verified; the next event waits for its bookkeeping.
  return serializedAnswer(async () => {
    const [s, classify] = await Promise.all([loadState(), deps.classify()]);
    const done = await purgeEverything(deps, classify, {
      trigger: 'button',
      groups: Object.values(s.groups),
      windowPage,
    });
    return { answer: done.report, settled: done.settled };
  });
}

export function logOutGroup(
  deps: EventDeps,
  groupId: string,
  windowPage?: string,
): Promise<PurgeReport | null> {
  return serializedAnswer(async () => {
    const group = (await loadState()).groups[groupId];
    if (!group) return { answer: null, settled: Promise.resolve() };
    const done = await startPurge(deps, { trigger: 'single-site', groups: [group], windowPage });
    return { answer: done.report, settled: done.settled };
  });
}

export type ForcedScope = { kind: 'all' } | { kind: 'group'; groupId: string };

/**
 * A forced logout (popup, in-page guard, shortcut, context menu): purge, then show the receipt page. A window
 * the purge would empty gets the receipt before its last tab closes (so the browser never quits); otherwise
 * the receipt opens once the report is there — never during the purge, which it would only slow down. A
 * receipt that cannot open never stops the purge.
 */
export async function forcedLogOut(
  deps: EventDeps,
  scope: ForcedScope,
  receipt: ReceiptPlacement,
  open: typeof openReceiptTab = openReceiptTab,
  receiptPage: (since: number) => string = receiptPageUrl,
): Promise<PurgeReport | null> {
  const since = deps.now();
  const page = receiptPage(since);
  const report =
    scope.kind === 'all' ? await logOutAll(deps, page) : await logOutGroup(deps, scope.groupId, page);
  // The report goes back at once (the popup shows it); the receipt page follows once the report is stored.
  logged('receipt tab')(serialized(() => open(receipt, since)));
  return report;
}
