/**
 * The receipt page after a forced logout, opened when the report is there. (A window whose tabs all belonged
 * to the group got it already, before its last tab closed: see purge.ts.) An open receipt tab is reused, so
 * there is never more than one.
 */
import type { BackgroundContext } from './context';

export const RECEIPT_PATH = '/receipt.html';

/** Where the receipt goes after a forced logout. */
export interface ReceiptPlacement {
  /** Bring it to the front (the shortcut, the menu, the guard) or leave it behind the popup. */
  active: boolean;
  windowId?: number;
  /** Where in the window's tab strip: next to the tab the person was on. */
  index?: number;
}

/** The receipt page's address. `since`: it shows the first report that finished at or after this time. */
export const receiptUrl = (ctx: Pick<BackgroundContext, 'pageUrl'>, since: number) =>
  `${ctx.pageUrl(RECEIPT_PATH)}?since=${since}`;

/** Next to the tab the person was on (the shortcut, the menu and the guard know it). */
export const nextTo = (tab: { windowId?: number; index?: number } | undefined, active = true) => ({
  active,
  windowId: tab?.windowId,
  index: typeof tab?.index === 'number' ? tab.index + 1 : undefined,
});

export async function openReceiptTab(
  ctx: Pick<BackgroundContext, 'pageUrl' | 'tabs'>,
  placement: ReceiptPlacement,
  since: number,
): Promise<void> {
  const base = ctx.pageUrl(RECEIPT_PATH);
  const url = receiptUrl(ctx, since);
  // Filtered here: extension URLs are not match patterns, and Firefox matches tab URLs differently.
  const open = (await ctx.tabs.query()).find((t) => typeof t.id === 'number' && t.url?.startsWith(base));
  if (open?.id !== undefined && (placement.windowId === undefined || open.windowId === placement.windowId)) {
    // Already showing this logout (it kept an emptied window open): no reload, only bring it forward.
    if (open.url !== url) await ctx.tabs.update(open.id, { url, active: placement.active });
    else if (placement.active) await ctx.tabs.update(open.id, { active: true });
    return;
  }
  await ctx.tabs.create({
    url,
    active: placement.active,
    ...(placement.windowId !== undefined ? { windowId: placement.windowId } : {}),
    ...(placement.index !== undefined ? { index: placement.index } : {}),
  });
}
