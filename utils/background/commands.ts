/**
 * What the extension's pages may ask the background to do.
 */
import type { GroupSummary, Protocol } from '../messages';
import type { PurgeReport } from '../purge/types';
import { lastReport } from '../storage';
import type { EventDeps } from './events';
import { runPurge } from './purge-runner';
import { protectedCookieDomains } from './startup';
import { loadState, serialized } from './state';

export async function status(): Promise<Protocol['getStatus']['res']> {
  const [s, report] = await Promise.all([loadState(), lastReport.getValue()]);
  const groups: GroupSummary[] = Object.values(s.groups)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((g) => ({
      id: g.id,
      labels: g.sites.map((x) => x.label),
      hosts: g.hosts,
      tabCount: g.tabIds.length,
      startedAt: g.startedAt,
    }));
  return { groups, lastReport: report };
}

/** The one button: every protected group, plus protected cookies that no group knows of (set before install, say). */
export function logOutAll(deps: EventDeps): Promise<PurgeReport> {
  return serialized(async () => {
    const [s, classify] = await Promise.all([loadState(), deps.classify()]);
    const extraDomains = protectedCookieDomains(await deps.port.findCookies({}), classify);
    return runPurge(deps, { trigger: 'button', groups: Object.values(s.groups), extraDomains });
  });
}

export function logOutGroup(deps: EventDeps, groupId: string): Promise<PurgeReport | null> {
  return serialized(async () => {
    const group = (await loadState()).groups[groupId];
    return group ? runPurge(deps, { trigger: 'single-site', groups: [group] }) : null;
  });
}
