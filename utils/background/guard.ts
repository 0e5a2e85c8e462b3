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
import { currentGroupOf } from '../session-groups/membership';
import type { BackgroundContext } from './context';
import { logged } from './log';
import { purge } from './purge';
import { serialized } from './queue';
import { nextTo } from './receipt-tab';
import { loadState } from './session-store';

const hostOf = (url: string | undefined): string | null => {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
};

/** The group the guard's tab may log out of, or null when the request is not honoured. */
export async function guardGroup(ctx: Pick<BackgroundContext, 'classify'>, sender: SenderLike) {
  const tabId = sender.tab?.id;
  const host = hostOf(sender.url);
  if (typeof tabId !== 'number' || !host || hostOf(sender.tab?.url) !== host) return null;
  const [state, classify] = await Promise.all([loadState(), ctx.classify()]);
  if (!classify(host)) return null;
  const group = currentGroupOf(state, tabId);
  return group?.hosts.includes(host) ? group.id : null;
}

export async function guardLogOut(
  ctx: BackgroundContext,
  sender: SenderLike,
): Promise<Protocol['guardLogOut']['res']> {
  const groupId = await guardGroup(ctx, sender);
  if (!groupId) return { accepted: false };
  // Not awaited: the purge closes the very tab that asked, so nobody would be there for the answer.
  logged('guard logout')(
    serialized(() =>
      purge(ctx, {
        scope: { kind: 'groups', groupIds: [groupId] },
        trigger: 'guard',
        receipt: nextTo(sender.tab),
      }),
    ),
  );
  return { accepted: true };
}

export async function guardInfo(
  ctx: Pick<BackgroundContext, 'settings'>,
): Promise<Protocol['guardInfo']['res']> {
  const s = await ctx.settings();
  return { sharedComputer: s.sharedComputer, language: s.language };
}
