/**
 * What the popup and the receipt show: the protected sessions open now, by name, and the last receipt.
 */
import type { GroupSummary, Protocol } from '../messages';
import { isWithin } from '../rules/hostname';
import { isLoginService } from '../rules/login-service';
import type { SessionGroup } from '../session-groups/types';
import { lastReport } from '../storage';
import { serialized } from './queue';
import { loadState } from './session-store';

/** Hosts of the group outside all of its e-service sites: the login services (IdPs, brokers) it passed through. */
export function loginHostsOf(g: Pick<SessionGroup, 'sites' | 'hosts'>): string[] {
  const services = g.sites.filter((s) => !isLoginService(s));
  return g.hosts.filter((h) => !services.some((s) => isWithin(h, s.scopeDomain)));
}

/** A group's name: its e-services ("Järfälla kommun"); a group that only reached a known login service is named by it. */
function labelsOf(g: Pick<SessionGroup, 'sites'>): string[] {
  const services = g.sites.filter((x) => !isLoginService(x));
  return [...new Set((services.length ? services : g.sites).map((x) => x.label))];
}

/** After any purge in progress has stored its outcome. */
export function status(): Promise<Protocol['getStatus']['res']> {
  return serialized(async () => {
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
  });
}
