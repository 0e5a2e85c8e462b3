/**
 * A purge must not close the browser. When it is about to close every tab of a normal window, that window
 * first gets the start page IT configured (`startPage`), or the browser's new-tab page — so the next person
 * finds a clean window, not a closed browser (closing the last window quits Chrome on Windows and Linux).
 * Incognito and popup windows (a BankID pop-up, say) may close: that is what they are for.
 */
import type { TabInfo } from '../browser-data/port';
import type { BackgroundContext } from './context';

/** Normal, non-incognito windows in which every tab is in `closing`. Pure. */
export function windowsLeftEmpty(
  tabs: readonly TabInfo[],
  closing: readonly number[],
  normalWindowIds: readonly number[],
): number[] {
  const close = new Set(closing);
  const byWindow = new Map<number, TabInfo[]>();
  for (const t of tabs) byWindow.set(t.windowId, [...(byWindow.get(t.windowId) ?? []), t]);
  return [...byWindow]
    .filter(
      ([id, ts]) =>
        normalWindowIds.includes(id) && ts.every((t) => close.has(t.id)) && ts.every((t) => !t.incognito),
    )
    .map(([id]) => id);
}

/** Before closing `closing`: give every window that would be left empty `page` (null: the new-tab page). */
export async function keepWindowsOpen(
  ctx: Pick<BackgroundContext, 'windows' | 'tabs'>,
  tabs: readonly TabInfo[],
  closing: readonly number[],
  page: string | null,
): Promise<number> {
  if (!closing.length) return 0;
  const empty = windowsLeftEmpty(tabs, closing, await ctx.windows.normalIds());
  const opened = await Promise.allSettled(
    empty.map((windowId) => ctx.tabs.create({ windowId, active: true, ...(page ? { url: page } : {}) })),
  );
  for (const r of opened) if (r.status === 'rejected') console.error('Safe Logout: start page', r.reason);
  return opened.filter((r) => r.status === 'fulfilled').length;
}
