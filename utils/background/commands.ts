/**
 * What the extension's pages, the shortcut and the context menu may ask the background to do.
 */
import type { GroupSummary, Protocol } from '../messages';
import type { PurgeReport } from '../purge/types';
import type { SessionGroup } from '../session-groups/types';
import { lastReport } from '../storage';
import type { EventDeps } from './events';
import { runPurge, sweepProtected } from './purge-runner';
import { openReceiptTab, type ReceiptPlacement } from './receipt-tab';
import { loadState, serialized } from './state';

const under = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Hosts of the group outside all of its e-service sites: the login services (IdPs, brokers) it passed through. */
export function loginHostsOf(g: Pick<SessionGroup, 'sites' | 'hosts'>): string[] {
  const services = g.sites.filter((s) => s.kind !== 'idp');
  return g.hosts.filter((h) => !services.some((s) => under(h, s.scopeDomain)));
}

/** A group's name: its e-services ("Järfälla kommun"); a group that only reached a known login service is named by it. */
function labelsOf(g: Pick<SessionGroup, 'sites'>): string[] {
  const services = g.sites.filter((x) => x.kind !== 'idp');
  return [...new Set((services.length ? services : g.sites).map((x) => x.label))];
}

export async function status(): Promise<Protocol['getStatus']['res']> {
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
 * say). `ready` (the receipt tab being opened) is awaited before any tab closes; the store is read meanwhile.
 */
export function logOutAll(
  deps: EventDeps,
  ready: Promise<unknown> = Promise.resolve(),
): Promise<PurgeReport> {
  return serialized(async () => {
    const [s, classify] = await Promise.all([loadState(), deps.classify()]);
    const [sweep] = await Promise.all([sweepProtected(deps.port, classify), ready]);
    return runPurge(deps, { trigger: 'button', groups: Object.values(s.groups), ...sweep });
  });
}

export function logOutGroup(
  deps: EventDeps,
  groupId: string,
  ready: Promise<unknown> = Promise.resolve(),
): Promise<PurgeReport | null> {
  return serialized(async () => {
    const [group] = await Promise.all([loadState().then((s) => s.groups[groupId]), ready]);
    return group ? runPurge(deps, { trigger: 'single-site', groups: [group] }) : null;
  });
}

export type ForcedScope = { kind: 'all' } | { kind: 'group'; groupId: string };

/**
 * A forced logout (popup, in-page guard, shortcut, context menu): the receipt page opens before any tab
 * closes — so the window survives even when every tab in it belongs to the group — while the purge reads
 * the cookie store; the receipt page then shows the report. A receipt that cannot open never stops the purge.
 */
export function forcedLogOut(
  deps: EventDeps,
  scope: ForcedScope,
  receipt: ReceiptPlacement,
  open: typeof openReceiptTab = openReceiptTab,
): Promise<PurgeReport | null> {
  const since = deps.now();
  const ready = open(receipt, since).catch((e: unknown) => console.error('Safe Logout: receipt tab', e));
  return scope.kind === 'all' ? logOutAll(deps, ready) : logOutGroup(deps, scope.groupId, ready);
}
