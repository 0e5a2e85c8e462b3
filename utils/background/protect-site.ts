/**
 * The popup's "Is this site protected?" and "Protect this site" (#12 item 1). The popup names only a tab: the
 * domain comes from that tab's URL, here, never from the page. Protecting adds the site's registrable domain as
 * one of the person's own domains (validated, refused when IT locked them) and then takes on the open tab with
 * the login it went through, the one way a newly protected domain is taken on (protection-changed.ts). Undo
 * removes the domain again, with the group that protecting it made (nothing of the site's data is touched).
 */
import type { Protocol } from '../messages';
import { PACKS } from '../rules/generated/packs';
import { isWithin } from '../rules/hostname';
import { packInForce } from '../rules/opt-in-packs';
import { validateDomainInput } from '../rules/validate-domain';
import { currentGroupOf, removeGroups } from '../session-groups/membership';
import type { SessionState } from '../session-groups/types';
import type { EffectiveSettings } from '../settings';
import { type SiteStatus, siteStatus } from '../site-status';
import { pendingPurges } from '../storage';
import type { BackgroundContext } from './context';
import { labelsOf, loginHostsOf } from './popup-status';
import { onProtectionChanged } from './protection-changed';
import { serialized } from './queue';
import { RefusedError } from './router';
import { loadState, update } from './session-store';
import { addDomain, removeDomain } from './settings-commands';
import { removalWeakens } from './shared-mode-guard';

/** The opt-in pack, off in `s`, that covers `host` or has a domain within `domain`. */
function optInOffFor(s: EffectiveSettings) {
  const off = PACKS.filter((p) => p.optIn && !packInForce(p, s));
  return (host: string, domain: string | null): string | null =>
    off.find((p) =>
      p.rules.some((r) =>
        r.domains.some((d) => isWithin(host, d) || (domain !== null && isWithin(d, domain))),
      ),
    )?.id ?? null;
}

async function tabUrl(ctx: BackgroundContext, tabId: unknown): Promise<string | undefined> {
  if (typeof tabId !== 'number' || !Number.isInteger(tabId)) throw new RefusedError('tab id is not a number');
  if (ctx.isOwnTab(tabId)) return undefined;
  return (await ctx.port.listTabs()).find((t) => t.id === tabId)?.url;
}

/** What the popup may say about tab `tabId`'s site. */
export async function statusOfTab(ctx: BackgroundContext, tabId: unknown): Promise<SiteStatus> {
  const [url, settings, classify, state] = await Promise.all([
    tabUrl(ctx, tabId),
    ctx.settings(),
    ctx.classify(),
    loadState(),
  ]);
  const g = typeof tabId === 'number' ? currentGroupOf(state, tabId) : undefined;
  return siteStatus({
    group: (host) =>
      g?.hosts.includes(host)
        ? { label: labelsOf(g).join(', '), loginService: loginHostsOf(g).includes(host) }
        : null,
    url,
    classify,
    optInOff: optInOffFor(settings),
    excludedDomains: settings.excludedDomains,
    customDomainsLocked: settings.locked.includes('customDomains'),
  });
}

/** "Protect this site": the tab's site becomes protected, and the tab (with its login trail) forms its group. */
export async function protectSite(
  ctx: BackgroundContext,
  tabId: unknown,
): Promise<Protocol['protectSite']['res']> {
  const before = await statusOfTab(ctx, tabId);
  if (before.kind !== 'unprotected' || before.domain === null || before.locked)
    return { ok: false, status: before };
  const added = await addDomain(before.domain);
  if (!added.ok) return { ok: false, status: before };
  await onProtectionChanged(ctx);
  return {
    ok: true,
    domain: before.domain,
    undoable: !removalWeakens(await ctx.settings(), before.domain),
    status: await statusOfTab(ctx, tabId),
  };
}

/** Groups made only by the person's rule for `domain`: what protecting it started. */
const groupsOfOwnRule = (s: SessionState, domain: string) =>
  Object.values(s.groups)
    .filter((g) => g.sites.length > 0 && g.sites.every((x) => x.ruleId === `user:${domain}`))
    .map((g) => g.id);

/** Undo: the domain is the person's own no longer, and the group protecting it made is forgotten (not purged). */
export async function unprotectSite(domain: unknown): Promise<{ ok: boolean }> {
  if (typeof domain !== 'string') throw new RefusedError('domain is not a string');
  const v = validateDomainInput(domain);
  if (!v.ok || v.domain !== domain) throw new RefusedError('domain refused');
  await removeDomain(domain);
  await serialized(async () => {
    let dropped: string[] = [];
    await update((s) => {
      dropped = groupsOfOwnRule(s, domain);
      return dropped.length ? removeGroups(s, dropped) : s;
    });
    if (!dropped.length) return;
    const pending = { ...(await pendingPurges.getValue()) };
    for (const id of dropped) delete pending[id];
    await pendingPurges.setValue(pending);
  });
  return { ok: true };
}
