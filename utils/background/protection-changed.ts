/**
 * The protected set grew while the browser runs: IT policy arrived late (a force-installed extension runs for
 * seconds with none), a new one was rolled out, or a domain was added. Data of a newly protected domain that is
 * already present must not escape:
 * - a tab open on it forms its group now, with the hosts its login reached (the tab's recent steps, kept for
 *   every tab: `adoptTab`, utils/session-groups/navigation.ts);
 * - with no tab open on it, in shared-computer mode, when IT's policy made it protected, its cookies (and storage, history, downloads as a group's)
 *   are purged at once: a group is made for each such site, tabless, and purged as one whose last tab closed
 *   (in the ledger first, so a crash or a failed purge only delays it).
 */

import { storage } from 'wxt/utils/storage';
import { storeKey, storeOfTab } from '../browser-data/stores';
import { isWithin, registrableDomain } from '../rules/hostname';
import { joinsLogin } from '../session-groups/login-trail';
import { inStore, joinHosts, newGroup } from '../session-groups/membership';
import { adoptTab, loginHostsAround } from '../session-groups/navigation';
import type { Classify, SessionState } from '../session-groups/types';
import { browserSession, pendingPurges } from '../storage';
import type { BackgroundContext } from './context';
import { runDuePurges } from './events';
import { serialized } from './queue';
import { update } from './session-store';

/** The protected domains this browser session last acted on (absent: none yet, the first wake records them). */
export const protectedSeen = storage.defineItem<string[] | null>('session:protected-domains', {
  fallback: null,
});

/** Every open tab on a protected site that is in no group forms (or joins) its group: `adoptTab`. */
export async function adoptOpenTabs(ctx: BackgroundContext, classify: Classify): Promise<SessionState> {
  const tabs = (await ctx.port.listTabs()).filter((t) => t.url && !ctx.isOwnTab(t.id));
  const now = ctx.now();
  return update((s) =>
    tabs.reduce((st, t) => adoptTab(inStore(st, t.id, storeOfTab(t)), t.id, t.url!, classify, now), s),
  );
}

/**
 * Shared-computer mode: cookies of newly protected domains (`grown`) that no group knows of and whose site has
 * no open tab become tabless groups, due now. Returns whether any was made.
 */
async function groupsForLeftData(
  ctx: BackgroundContext,
  classify: Classify,
  grown: readonly string[],
): Promise<boolean> {
  const [cookies, tabs, session] = await Promise.all([
    ctx.port.findCookies({}),
    ctx.port.listTabs(),
    browserSession.getValue(),
  ]);
  const openSites = new Set(
    tabs.flatMap((t) => {
      try {
        return t.url ? [registrableDomain(new URL(t.url).hostname)] : [];
      } catch {
        return [];
      }
    }),
  );
  const now = ctx.now();
  const made: string[] = [];
  await update((prev) => {
    const s = structuredClone(prev);
    // In the cookie's own store: the same site in another store is another session.
    const known = (h: string, store: string | undefined) =>
      Object.values(s.groups).some(
        (g) =>
          !made.includes(g.id) &&
          g.storeId === store &&
          (g.hosts.includes(h) || g.sites.some((x) => isWithin(h, x.scopeDomain))),
      );
    for (const c of cookies) {
      const host = c.domain.replace(/^\./, '').toLowerCase();
      const m = classify(host);
      if (!m || !grown.some((d) => isWithin(host, d) || isWithin(m.scopeDomain, d))) continue;
      const store = storeKey(c.storeId);
      if (known(host, store) || openSites.has(registrableDomain(host))) continue;
      const mine = Object.values(s.groups).find(
        (g) => made.includes(g.id) && g.storeId === store && g.sites.some((x) => x.ruleId === m.ruleId),
      );
      const g = mine ?? newGroup(s, m, now, store);
      // Its history and downloads from this browser session (when the data came is not known).
      g.startedAt = Math.min(g.startedAt, session?.startedAt ?? now);
      joinHosts(s, g, [host], [`https://${host}`]);
      if (!made.includes(g.id)) made.push(g.id);
    }
    // The IdPs those sites' logins passed through, from the recent steps of tabs open or closed in the last
    // minutes: an IdP on no list keeps the single sign-on that would let the next person in.
    for (const id of made) {
      const g = s.groups[id]!;
      const onSite = (h: string) => g.sites.some((x) => isWithin(h, x.scopeDomain));
      for (const steps of Object.values(s.recent ?? {})) {
        const { hosts, origins } = loginHostsAround(steps, onSite);
        const joining = hosts.filter((h) => joinsLogin(g, h, classify));
        joinHosts(
          s,
          g,
          joining,
          origins.filter((o) => joining.includes(new URL(o).hostname)),
        );
      }
    }
    return made.length ? s : prev;
  });
  if (!made.length) return false;
  const pending = { ...(await pendingPurges.getValue()) };
  for (const id of made) pending[id] = { dueAt: now };
  await pendingPurges.setValue(pending);
  return true;
}

/**
 * Settings or IT policy changed (or the worker woke): when the protected set grew, open tabs on newly protected
 * sites form their groups, and in shared-computer mode the data of those with no tab is purged at once.
 */
export async function onProtectionChanged(ctx: BackgroundContext): Promise<void> {
  const due = await serialized(async () => {
    const [domains, classify, settings, seen] = await Promise.all([
      ctx.protectedDomains(),
      ctx.classify(),
      ctx.settings(),
      protectedSeen.getValue(),
    ]);
    const now = [...new Set(domains)].sort();
    if (JSON.stringify(now) === JSON.stringify(seen)) return false;
    await protectedSeen.setValue(now);
    // The first wake of a browser session only records: the start-up (startup.ts) took care of what was there.
    if (seen === null) return false;
    const grown = now.filter((d) => !seen.includes(d));
    if (!grown.length) return false;
    console.info(`Safe Logout: ${grown.length} domain(s) newly protected`);
    await adoptOpenTabs(ctx, classify);
    // Purged at once only what IT's policy made protected (late, or rolled out now): a domain the person adds
    // on the options page, or a pack they switch on, does not log them out of a site they are using.
    const byPolicy = grown.filter((d) => settings.policyDomains.includes(d));
    return (
      settings.sharedComputer && byPolicy.length > 0 && (await groupsForLeftData(ctx, classify, byPolicy))
    );
  });
  if (due) await runDuePurges(ctx);
}
