/**
 * What the popup and the receipt show: the protected sessions open now, by name, the last receipt, and the
 * purges still owed (they did not verify and will be tried again).
 */

import { isPrivateStore, storeKey } from '../browser-data/stores';
import type { GroupSummary, OwedSummary, Protocol } from '../messages';
import { isWithin } from '../rules/hostname';
import { isLoginService } from '../rules/login-service';
import type { SessionGroup } from '../session-groups/types';
import { ledger, readLastReport } from '../storage';
import { isOwed } from './owed';
import { serialized } from './queue';
import { loadState } from './session-store';

/** Hosts of the group outside all of its e-service sites: the login services (IdPs, brokers) it passed through. */
export function loginHostsOf(g: Pick<SessionGroup, 'sites' | 'hosts'>): string[] {
  const services = g.sites.filter((s) => !isLoginService(s));
  return g.hosts.filter((h) => !services.some((s) => isWithin(h, s.scopeDomain)));
}

/** A group's name: its e-services ("Järfälla kommun"); a group that only reached a known login service is named by it. */
export function labelsOf(g: Pick<SessionGroup, 'sites'>): string[] {
  const services = g.sites.filter((x) => !isLoginService(x));
  return [...new Set((services.length ? services : g.sites).map((x) => x.label))];
}

/** Sites on no list that signed in through a login service: label → the service's label. */
function signedInThroughOf(g: Pick<SessionGroup, 'sites'>): Pick<GroupSummary, 'signedInThrough'> {
  const via = g.sites.flatMap((x) => (x.via ? [[x.label, x.via] as const] : []));
  return via.length ? { signedInThrough: Object.fromEntries(via) } : {};
}

/** The kind of the group's cookie store, for the popup: none for the normal window's. */
export function storeKindOf(g: Pick<SessionGroup, 'storeId'>): Pick<GroupSummary, 'store'> {
  const id = storeKey(g.storeId);
  if (id === undefined) return {};
  return { store: isPrivateStore(id) ? 'private' : 'container' };
}

/** After any purge in progress has stored its outcome. */
export function status(): Promise<Protocol['getStatus']['res']> {
  return serialized(async () => {
    const [s, report, left] = await Promise.all([loadState(), readLastReport(), ledger.getValue()]);
    const groups: GroupSummary[] = Object.values(s.groups)
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((g) => ({
        id: g.id,
        labels: labelsOf(g),
        ...signedInThroughOf(g),
        hosts: g.hosts,
        loginHosts: loginHostsOf(g),
        tabCount: g.tabIds.length,
        startedAt: g.startedAt,
        ...storeKindOf(g),
      }));
    const owed: OwedSummary[] = Object.values(left)
      .filter(isOwed)
      .sort((a, b) => a.owed.nextAt - b.owed.nextAt)
      .map((e) => ({ labels: labelsOf(e), attempts: e.owed.attempts, nextAt: e.owed.nextAt }));
    return { groups, lastReport: report, ...(owed.length ? { owed } : {}) };
  });
}
