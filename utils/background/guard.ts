/**
 * The in-page guard may only *ask*. Its "Log out and clear" is honoured only when all of this holds:
 * - the router saw our own content script in a tab's top frame (SENDER_POLICY 'content-script');
 * - the frame's URL and the tab's URL (both from the browser, not from the message) are on the same host,
 *   and that host is protected by the current rules (so the guard was on a protected page);
 * - the tab belongs to a session group that contains that host.
 * Then exactly that group is purged — never another group, never "everything". The message carries no data,
 * so a page cannot choose what is purged; the guard itself only sends after a trusted (real) click.
 */
import type { Protocol, SenderLike } from '../messages';
import { type ForcedScope, forcedLogOut } from './commands';
import type { EventDeps } from './events';
import { loadState } from './state';

const hostOf = (url: string | undefined): string | null => {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
};

/** The group the guard's tab may log out of, or null when the request is not honoured. */
export async function guardScope(
  deps: Pick<EventDeps, 'classify'>,
  sender: SenderLike,
): Promise<ForcedScope | null> {
  const tabId = sender.tab?.id;
  const host = hostOf(sender.url);
  if (typeof tabId !== 'number' || !host || hostOf(sender.tab?.url) !== host) return null;
  const [state, classify] = await Promise.all([loadState(), deps.classify()]);
  if (!classify(host)) return null;
  const groupId = state.tabs[String(tabId)]?.groupId;
  const group = groupId ? state.groups[groupId] : undefined;
  return group?.hosts.includes(host) ? { kind: 'group', groupId: group.id } : null;
}

export async function guardLogOut(
  deps: EventDeps,
  sender: SenderLike,
  logOut: typeof forcedLogOut = forcedLogOut,
): Promise<Protocol['guardLogOut']['res']> {
  const scope = await guardScope(deps, sender);
  if (!scope) return { accepted: false };
  const tab = sender.tab!;
  // Not awaited: the purge closes the very tab that asked, so nobody would be there for the answer.
  void logOut(deps, scope, {
    active: true,
    windowId: tab.windowId,
    index: typeof tab.index === 'number' ? tab.index + 1 : undefined,
  }).catch((e: unknown) => console.error('Safe Logout: guard logout failed', e));
  return { accepted: true };
}

export async function guardInfo(deps: Pick<EventDeps, 'settings'>): Promise<Protocol['guardInfo']['res']> {
  const s = await deps.settings();
  return { sharedComputer: s.sharedComputer, language: s.language };
}
