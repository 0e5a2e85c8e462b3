/**
 * The health report's reads of the browser, for the background: at a login step and at a site logout. Every
 * read goes through the data port; a failed or slow read counts nothing and never holds up a purge.
 */
import type { BackgroundContext } from '../background/context';
import type { CookieRecord } from '../browser-data/port';
import { isWithin } from '../rules/hostname';
import { isLoginService } from '../rules/login-service';
import { trailIsFresh } from '../session-groups/login-trail';
import type { Classify, SessionGroup, SessionState, TabTrack } from '../session-groups/types';
import { loginMarks, logoutOutcome } from './classify';
import { lookupDomains, sessionMarks } from './marks';
import { type ObservedLogout, readReport, recordLogout } from './record';
import { healthReport, loginsSeen, MAX_BASELINE_HOSTS, MAX_LOGINS_SEEN } from './storage';
import type { LoginSeen } from './types';

/** A cookie read that has not answered by then counts as failed (the purge waits at most this long). */
export const READ_LIMIT_MS = 1500;

type Ctx = Pick<BackgroundContext, 'port' | 'settings'>;

let chain: Promise<unknown> = Promise.resolve();
/** The health items are written one change at a time (ordering only: the state itself is in storage). */
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

/** The cookies that reach `hosts`, or null when a read failed or took longer than `READ_LIMIT_MS`. */
export async function cookiesReaching(ctx: Pick<Ctx, 'port'>, hosts: readonly string[]) {
  if (!hosts.length) return [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READ_LIMIT_MS);
  });
  const read = Promise.all(lookupDomains(hosts).map((domain) => ctx.port.findCookies({ domain })))
    .then((lists) => lists.flat())
    .catch(() => null);
  const result = await Promise.race([read, late]);
  clearTimeout(timer);
  return result;
}

/**
 * Started the moment a top-level page commits, before the commit waits its turn: the page's login-service
 * cookies as its response left them, before the person can act on the page.
 */
export function cookiesAtCommit(ctx: Pick<Ctx, 'port'>, url: string): Promise<CookieRecord[] | null> {
  try {
    return cookiesReaching(ctx, [new URL(url).hostname]);
  } catch {
    return Promise.resolve(null);
  }
}

/** Is `host` on one of the group's services (not on a login service, listed or not)? */
const onService = (g: SessionGroup, host: string) =>
  g.sites.some((m) => !isLoginService(m) && isWithin(host, m.scopeDomain));
const loginHostsOf = (g: SessionGroup) => g.hosts.filter((h) => !onService(g, h));

/** The group a tab is away for, on a login host (a login service, an IdP on no list): undefined otherwise. */
function awayFor(s: SessionState, tab: TabTrack | undefined, now: number): SessionGroup | undefined {
  if (!tab?.host) return undefined;
  const g = tab.groupId
    ? s.groups[tab.groupId]
    : trailIsFresh(tab.trail, now)
      ? s.groups[tab.trail.fromGroupId]
      : undefined;
  return g && !onService(g, tab.host) ? g : undefined;
}

function bounded(all: Record<string, LoginSeen>): Record<string, LoginSeen> {
  const ids = Object.keys(all);
  return Object.fromEntries(ids.slice(Math.max(0, ids.length - MAX_LOGINS_SEEN)).map((id) => [id, all[id]!]));
}

/**
 * A top-level commit was applied (`prev` → `next`). On a login host of a group's login: the host's baseline,
 * once (`seen`: its cookies as the commit left them). Back on the group's site from there: the marks the login
 * brought.
 */
export function noteLoginStep(
  ctx: Ctx,
  prev: SessionState,
  next: SessionState,
  tabId: number,
  now: number,
  seen: Promise<CookieRecord[] | null>,
): Promise<void> {
  // In turn: a login's baseline is written before its return is looked at.
  return inTurn(async () => {
    if (!(await ctx.settings()).healthReport) return;
    const tab = next.tabs[String(tabId)];
    const away = awayFor(next, tab, now);
    if (away && tab?.host) return noteBaseline(away.id, tab.host, await seen);
    const back = tab?.groupId ? next.groups[tab.groupId] : undefined;
    if (!back || !tab?.host || !onService(back, tab.host)) return;
    if (awayFor(prev, prev.tabs[String(tabId)], now)?.id !== back.id) return;
    await noteReturn(ctx, back);
  });
}

async function noteBaseline(groupId: string, host: string, cookies: CookieRecord[] | null) {
  if (!cookies) return;
  const all = { ...(await loginsSeen.getValue()) };
  const entry = all[groupId] ?? { baseline: {} };
  if (host in entry.baseline || Object.keys(entry.baseline).length >= MAX_BASELINE_HOSTS) return;
  delete all[groupId];
  all[groupId] = { ...entry, baseline: { ...entry.baseline, [host]: sessionMarks(cookies, [host]) } };
  await loginsSeen.setValue(bounded(all));
}

async function noteReturn(ctx: Ctx, g: SessionGroup) {
  const all = { ...(await loginsSeen.getValue()) };
  const entry = all[g.id];
  const hosts = loginHostsOf(g).filter((h) => entry && h in entry.baseline);
  if (!entry || !hosts.length) return;
  const cookies = await cookiesReaching(ctx, hosts);
  if (!cookies) return;
  const brought = loginMarks(entry.baseline, sessionMarks(cookies, hosts));
  all[g.id] = { ...entry, signedIn: [...new Set([...(entry.signedIn ?? []), ...brought])].sort() };
  await loginsSeen.setValue(all);
}

/**
 * The group's site logout has loaded and its purge is next: what did the logout leave at the login service?
 * Resolves with the count to make (`record`), or null when there is nothing to count: the report is off, the
 * login was not seen, or a read failed. Only the cookie reads are awaited; recording comes after the purge
 * has started.
 */
export async function observeLogout(
  ctx: Ctx,
  group: SessionGroup | undefined,
  classify: Classify,
  logoutHost?: string,
): Promise<(() => Promise<void>) | null> {
  if (!group || !(await ctx.settings()).healthReport) return null;
  const entry = (await loginsSeen.getValue())[group.id];
  if (!entry?.signedIn?.length) return null;
  const hosts = loginHostsOf(group).filter((h) => h in entry.baseline);
  const cookies = await cookiesReaching(ctx, hosts);
  if (!cookies) return null;
  const outcome = logoutOutcome(entry, sessionMarks(cookies, hosts));
  if (!outcome) return null;
  // The service whose logout it was (the tab's site); its whole group's when the logout ended elsewhere.
  const own = logoutHost ? classify(logoutHost) : null;
  const sites = group.sites.filter((m) => !isLoginService(m));
  const seen: ObservedLogout = {
    services: (own && sites.some((m) => m.ruleId === own.ruleId) ? [own] : sites).map((m) => m.label),
    loginServices: [
      ...group.sites.filter(isLoginService).map((m) => m.label),
      ...loginHostsOf(group).flatMap((h) => {
        const m = classify(h);
        return m && isLoginService(m) ? [m.label] : [];
      }),
    ],
    outcome,
  };
  return () =>
    inTurn(async () => {
      const all = { ...(await loginsSeen.getValue()) };
      delete all[group.id];
      await Promise.all([
        loginsSeen.setValue(all),
        healthReport.setValue(recordLogout(readReport(await healthReport.getValue()), seen)),
      ]);
    });
}

/** IT's clear button. */
export const clearHealthReport = () => inTurn(() => healthReport.setValue({ services: {} }));

/** What the health page shows: nothing of the counts while IT has the report off. */
export async function healthStatus(ctx: Pick<Ctx, 'settings'>) {
  const enabled = (await ctx.settings()).healthReport;
  return { enabled, report: enabled ? readReport(await healthReport.getValue()) : { services: {} } };
}
