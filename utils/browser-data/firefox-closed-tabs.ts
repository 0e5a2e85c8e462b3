/**
 * Firefox keeps a closed tab's sessionStorage for "reopen closed tab", and deleting its URL from history
 * does not take it off the list: `sessions.forgetClosedTab`/`forgetClosedWindow` do (they need the
 * `sessions` permission; without it there is nothing to do).
 */
import { urlOnHosts } from './domains';
import type { WebExtApi } from './webext-api';

/** Firefox keeps at most 25 closed tabs and 25 closed windows. */
const RECENTLY_CLOSED_MAX = 25;

export async function forgetClosedTabs(
  api: WebExtApi,
  hosts: readonly string[],
  domains: readonly string[],
  excluded: readonly string[],
): Promise<number> {
  const sessions = api.sessions;
  if (!sessions) return 0;
  // IT's excluded hosts, and everything under them, are not the group's even under its domains.
  const ours = (url?: string) => urlOnHosts(url, hosts, domains) && !urlOnHosts(url, [], excluded);
  const closed = await sessions.getRecentlyClosed({ maxResults: RECENTLY_CLOSED_MAX });
  // A window goes whole when one of its tabs was the group's.
  const forgets = closed.flatMap((s) => {
    if (s.tab && ours(s.tab.url) && s.tab.sessionId && s.tab.windowId !== undefined)
      return [sessions.forgetClosedTab(s.tab.windowId, s.tab.sessionId)];
    if (s.window?.sessionId && s.window.tabs?.some((t) => ours(t.url)))
      return [sessions.forgetClosedWindow(s.window.sessionId)];
    return [];
  });
  await Promise.all(forgets);
  return forgets.length;
}
